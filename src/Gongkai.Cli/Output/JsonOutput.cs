using System.Text.Encodings.Web;
using System.Text.Json;
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

    public void Write(FileOutcome outcome)
    {
        if (outcome.Report is { } report)
        {
            ReportJson.Write(_writer, outcome.File, report, outcome.Findings);
        }
        else
        {
            ReportJson.WriteError(_writer, outcome.File, outcome.Error!);
        }

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
