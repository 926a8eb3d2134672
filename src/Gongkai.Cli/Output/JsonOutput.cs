using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Gongkai.Cli.Commands;
using Gongkai.Model.Serialization;

namespace Gongkai.Cli.Output;

/// <summary>JSON (one array, one object per input file) or JSON Lines (one object per line), streamed.</summary>
internal sealed class JsonOutput : IDisposable
{
    private static readonly JsonWriterOptions Options = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
    };

    private readonly Stream _stream;
    private readonly bool _lines;
    private readonly Utf8JsonWriter _writer;

    public JsonOutput(Stream stream, bool lines, bool indented)
    {
        _stream = stream;
        _lines = lines;
        _writer = new Utf8JsonWriter(stream, Options with { Indented = indented && !lines });
        if (!lines)
        {
            _writer.WriteStartArray();
        }
    }

    public static JsonObject ToJson(FileOutcome outcome) =>
        outcome.Report is { } report
            ? ReportJson.ToJson(outcome.File, report, outcome.Findings)
            : ReportJson.Error(outcome.File, outcome.Error!);

    public void Write(FileOutcome outcome)
    {
        ToJson(outcome).WriteTo(_writer);
        _writer.Flush();
        if (_lines)
        {
            _stream.WriteByte((byte)'\n');
            _writer.Reset();
        }
    }

    public void Dispose()
    {
        if (!_lines)
        {
            _writer.WriteEndArray();
        }

        _writer.Flush();
        if (!_lines)
        {
            _stream.WriteByte((byte)'\n');
        }

        _writer.Dispose();
        _stream.Flush();
    }
}
