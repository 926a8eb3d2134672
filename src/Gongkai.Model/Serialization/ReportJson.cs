using System.Buffers;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using Gongkai.Model.Templates;

namespace Gongkai.Model.Serialization;

/// <summary>
/// The canonical JSON of a report (docs/formats/json.md): the data-contract shape of
/// <c>shared/truth/*.json</c> — <c>active</c> as {item: {field: value}}, <c>requests</c> as
/// {rowId: [7 values]}, <c>review</c> as {group: [5 values]}, null for what the source does not
/// state — plus findings, sections, narrative figures and per-cell provenance.
/// </summary>
/// <remarks>
/// Written straight to a <see cref="Utf8JsonWriter"/>: the importer stores this JSON for every
/// report, and building it as a tree of JSON nodes first (some 1,500 per report, most of them
/// provenance) cost as much as reading the report.
/// </remarks>
public static class ReportJson
{
    private static readonly JsonWriterOptions StoredOptions = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    /// <summary>Writes the report's JSON object.</summary>
    public static void Write(Utf8JsonWriter writer, string file, AnnualReport report, IReadOnlyList<Finding> findings)
    {
        writer.WriteStartObject();
        writer.WriteString("file", file);
        writer.WriteString("agency", report.Agency?.Value);
        writer.WriteString("agencyKind", report.AgencyKind.ToString().ToLowerInvariant());
        WriteNumber(writer, "year", report.Year?.Value);
        writer.WriteString("published", report.Published is { } p ? Date(p.Value) : null);
        if (report.StatisticalPeriod is { } s)
        {
            writer.WriteStartObject("statisticalPeriod");
            writer.WriteString("from", Date(s.Value.From));
            writer.WriteString("to", Date(s.Value.To));
            writer.WriteEndObject();
        }
        else
        {
            writer.WriteNull("statisticalPeriod");
        }

        writer.WriteString("indexNumber", report.IndexNumber?.Value);
        writer.WriteString("template", report.Template.Id);
        writer.WriteString("templateEvidence", report.TemplateEvidence);
        writer.WritePropertyName("active");
        Active(writer, report.Active);
        writer.WritePropertyName("requests");
        Matrix(writer, report.Requests);
        writer.WritePropertyName("review");
        Matrix(writer, report.Review);
        writer.WriteStartArray("findings");
        foreach (var finding in findings)
        {
            Finding(writer, finding);
        }

        writer.WriteEndArray();
        writer.WriteStartArray("sections");
        foreach (var section in report.Sections)
        {
            Section(writer, section);
        }

        writer.WriteEndArray();
        writer.WriteStartArray("narrative");
        foreach (var figure in report.Narrative)
        {
            Narrative(writer, figure);
        }

        writer.WriteEndArray();
        writer.WritePropertyName("provenance");
        Provenance(writer, report);
        writer.WriteNull("error");
        writer.WriteEndObject();
    }

    /// <summary>The JSON object of a file that could not be read.</summary>
    public static void WriteError(Utf8JsonWriter writer, string file, string message)
    {
        writer.WriteStartObject();
        writer.WriteString("file", file);
        foreach (var key in (ReadOnlySpan<string>)["agency", "year", "published", "template", "active", "requests", "review"])
        {
            writer.WriteNull(key);
        }

        writer.WriteStartArray("findings");
        writer.WriteEndArray();
        writer.WriteString("error", message);
        writer.WriteEndObject();
    }

    /// <summary>
    /// The report's JSON as UTF-8, compact. Chinese text is written as UTF-8 (3 bytes a character),
    /// not as \uXXXX escapes (6); characters that matter in HTML stay escaped.
    /// </summary>
    public static byte[] ToUtf8(string file, AnnualReport report, IReadOnlyList<Finding> findings)
    {
        var buffer = new ArrayBufferWriter<byte>(64 * 1024);
        using (var writer = new Utf8JsonWriter(buffer, StoredOptions))
        {
            Write(writer, file, report, findings);
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>The report's JSON as a tree, for callers that inspect it.</summary>
    public static JsonObject ToJson(string file, AnnualReport report, IReadOnlyList<Finding> findings) =>
        JsonNode.Parse(ToUtf8(file, report, findings))!.AsObject();

    private static void Finding(Utf8JsonWriter writer, Finding finding)
    {
        writer.WriteStartObject();
        writer.WriteString("code", finding.Code);
        writer.WriteString("severity", finding.Severity.ToString().ToLowerInvariant());
        writer.WriteString("message", finding.Message);
        writer.WriteString("table", finding.Location.Table);
        writer.WriteString("row", finding.Location.Row);
        writer.WriteString("column", finding.Location.Column);
        Span(writer, "span", finding.Location.Span);
        writer.WriteEndObject();
    }

    /// <summary>表二 as {item: {field: value}}, with "{field}Unit" where the report states a unit the format leaves open.</summary>
    private static void Active(Utf8JsonWriter writer, StatTable? table)
    {
        if (table is null)
        {
            writer.WriteNullValue();
            return;
        }

        writer.WriteStartObject();
        foreach (var row in table.Definition.Rows)
        {
            writer.WriteStartObject(row.Id);
            foreach (var field in row.Fields)
            {
                var cell = table[row.Id, field.Id];
                WriteNumber(writer, field.Id, cell.Value);
                if (cell.Unit is not null && field.Kind == FieldKind.Amount && field.Unit is null)
                {
                    writer.WriteString(field.Id + "Unit", cell.Unit);
                }
            }

            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    private static void Matrix(Utf8JsonWriter writer, StatTable? table)
    {
        if (table is null)
        {
            writer.WriteNullValue();
            return;
        }

        writer.WriteStartObject();
        foreach (var row in table.Definition.Rows)
        {
            writer.WriteStartArray(row.Id);
            foreach (var field in row.Fields)
            {
                if (table.Value(row.Id, field.Id) is { } value)
                {
                    writer.WriteNumberValue(value);
                }
                else
                {
                    writer.WriteNullValue();
                }
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    private static void Provenance(Utf8JsonWriter writer, AnnualReport report)
    {
        writer.WriteStartObject();
        foreach (var table in report.Tables())
        {
            foreach (var (row, field, cell) in table.Cells())
            {
                if (cell.State == CellState.Absent)
                {
                    continue;
                }

                writer.WriteStartObject($"{table.Id}.{row.Id}.{field.Id}");
                SpanFields(writer, cell.Span);
                writer.WriteString("raw", cell.Raw);
                writer.WriteString("state", StateName(cell.State));
                writer.WriteEndObject();
            }
        }

        Meta(writer, "agency", report.Agency?.Span, report.Agency?.Source);
        Meta(writer, "year", report.Year?.Span, report.Year?.Source);
        Meta(writer, "published", report.Published?.Span, report.Published?.Source);
        Meta(writer, "statisticalPeriod", report.StatisticalPeriod?.Span, report.StatisticalPeriod?.Source);
        Meta(writer, "indexNumber", report.IndexNumber?.Span, report.IndexNumber?.Source);
        writer.WriteEndObject();
    }

    private static void Meta(Utf8JsonWriter writer, string key, SourceSpan? span, string? source)
    {
        if (span is not null)
        {
            writer.WriteStartObject(key);
            SpanFields(writer, span);
            writer.WriteString("from", source);
            writer.WriteEndObject();
        }
    }

    private static void Section(Utf8JsonWriter writer, ReportSection section)
    {
        writer.WriteStartObject();
        writer.WriteNumber("number", section.Number);
        writer.WriteString("id", section.Id);
        writer.WriteString("heading", section.Heading);
        writer.WriteString("text", section.Text);
        Span(writer, "span", section.Span);
        writer.WriteEndObject();
    }

    private static void Narrative(Utf8JsonWriter writer, NarrativeFigure figure)
    {
        writer.WriteStartObject();
        writer.WriteString("id", figure.Id);
        writer.WriteNumber("value", figure.Value);
        writer.WriteString("raw", figure.Raw);
        Span(writer, "span", figure.Span);
        writer.WriteEndObject();
    }

    private static void Span(Utf8JsonWriter writer, string name, SourceSpan? span)
    {
        if (span is null)
        {
            writer.WriteNull(name);
            return;
        }

        writer.WriteStartObject(name);
        SpanFields(writer, span);
        writer.WriteEndObject();
    }

    private static void SpanFields(Utf8JsonWriter writer, SourceSpan? span)
    {
        if (span is { } s)
        {
            writer.WriteNumber("line", s.Line);
            writer.WriteNumber("column", s.Column);
            writer.WriteNumber("start", s.Start);
            writer.WriteNumber("length", s.Length);
        }
    }

    /// <summary>A number or null (a year, an integer, is written as the decimal it equals: "2024").</summary>
    private static void WriteNumber(Utf8JsonWriter writer, string name, decimal? value)
    {
        if (value is { } v)
        {
            writer.WriteNumber(name, v);
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    private static readonly string[] StateNames = [.. Enum.GetValues<CellState>().Select(s => s.ToString().ToLowerInvariant())];

    private static string StateName(CellState state) => StateNames[(int)state];

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
