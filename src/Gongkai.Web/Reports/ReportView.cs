using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Gongkai.Model.Templates;
using Gongkai.Web.Infrastructure;

namespace Gongkai.Web.Reports;

/// <summary>
/// A value slot of a drawn table: its text, the worst finding on it, and its source line;
/// <see cref="AbsentNote"/> says why an absent value is absent.
/// </summary>
public sealed record CellView(string Text, string? Severity, string? Findings, int? Line, bool Absent)
{
    public string AbsentNote { get; init; } = "原文未载明";
}

/// <summary>A table of a report drawn in the official layout, with its values and findings.</summary>
public sealed record TableView(string Title, IReadOnlyList<IReadOnlyList<LayoutCell>> Rows, IReadOnlyDictionary<(string Row, string Field), CellView> Values);

/// <summary>A finding as the report page lists it; <see cref="Line"/> is where it stood in the source.</summary>
public sealed record FindingView(string Code, string Severity, string Message, string? Table, string? Row, string? Column, int? Line);

/// <summary>What the report page shows of a stored report: metadata, findings and the drawn tables.</summary>
public sealed record ReportPageView(
    string? Published, string? PeriodFrom, string? PeriodTo, string? IndexNumber, IReadOnlyList<FindingView> Findings, IReadOnlyList<TableView> Tables);

/// <summary>Builds the report page's tables from the stored canonical JSON (docs/formats/json.md).</summary>
public static class ReportView
{
    private static readonly string[] SeverityOrder = ["error", "warning", "info"];

    /// <summary>A table's value slots in template order, with their provenance keys (computed once per definition).</summary>
    private static readonly ConditionalWeakTable<TableDefinition, Slot[]> SlotsOf = [];

    /// <summary>
    /// Reads the stored model in one forward pass (no JSON document is built): the page needs a
    /// few metadata strings, the findings, and each slot's value and source line, and skips the
    /// rest (sections, narrative, the provenance of metadata).
    /// </summary>
    public static ReportPageView Read(string modelJson)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(modelJson.Length));
        try
        {
            return Read(buffer.AsSpan(0, Encoding.UTF8.GetBytes(modelJson, buffer)));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static ReportPageView Read(ReadOnlySpan<byte> utf8Json)
    {
        var model = new StoredModel();
        var reader = new Utf8JsonReader(utf8Json);
        if (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
        {
            model.Read(ref reader);
        }

        return new ReportPageView(model.Published, model.PeriodFrom, model.PeriodTo, model.IndexNumber, model.Findings, Tables(model));
    }

    private static List<TableView> Tables(StoredModel model)
    {
        var tables = new List<TableView>();
        if (model.Template is not { } templateId || TemplateCatalog.Find(templateId) is not { } template)
        {
            return tables;
        }

        var onCells = model.Findings.Where(f => f is { Table: not null, Row: not null, Column: not null })
            .ToLookup(f => (f.Table!, f.Row!, f.Column!));
        foreach (var table in template.Tables)
        {
            if (!model.Tables.TryGetValue(table.Id, out var values))
            {
                continue;
            }

            var slots = SlotsOf.GetValue(table, Slots);
            var cells = new Dictionary<(string, string), CellView>(slots.Length);
            foreach (var slot in slots)
            {
                var value = values.GetValueOrDefault(table.Id == Ids.Tables.Active ? (slot.RowId, slot.FieldId) : (slot.RowId, Index(slot.Index)));
                var onCell = onCells.Contains((table.Id, slot.RowId, slot.FieldId)) ? onCells[(table.Id, slot.RowId, slot.FieldId)].ToList() : null;
                cells[(slot.RowId, slot.FieldId)] = new CellView(
                    value ?? string.Empty,
                    onCell is null ? null : Worst(onCell),
                    onCell is null ? null : string.Join("\n", onCell.Select(f => $"[{f.Code}] {f.Message}")),
                    model.Lines.TryGetValue(slot.ProvenanceKey, out var line) ? line : null,
                    value is null);
            }

            tables.Add(new TableView($"{Title(table.Id)} {table.Title}", OfficialLayout.Draw(table), cells));
        }

        return tables;
    }

    private static string? Worst(List<FindingView> findings) =>
        SeverityOrder.FirstOrDefault(severity => findings.Exists(f => f.Severity == severity));

    /// <summary>A table of sums drawn in the official layout; a cell no report states stays empty.</summary>
    public static TableView Sums(TableDefinition table, Func<string, string, decimal?> value)
    {
        var cells = new Dictionary<(string, string), CellView>();
        foreach (var row in table.Rows)
        {
            foreach (var field in row.Fields)
            {
                var sum = value(row.Id, field.Id);
                cells[(row.Id, field.Id)] = new CellView(sum is { } v ? Names.Number(v) : string.Empty, null, null, null, sum is null)
                {
                    AbsentNote = "所选报告均未载明此项",
                };
            }
        }

        return new TableView($"{Title(table.Id)} {table.Title}（合计）", OfficialLayout.Draw(table), cells);
    }

    public static string Date(string? date) => date ?? "未载明";

    public static string Number(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "未载明";

    private static string Title(string tableId) => tableId switch { Ids.Tables.Active => "表二", Ids.Tables.Requests => "表三", _ => "表四" };

    private static Slot[] Slots(TableDefinition table) =>
    [
        .. table.Rows.SelectMany(row => row.Fields.Select((field, i) => new Slot(row.Id, field.Id, i, $"{table.Id}.{row.Id}.{field.Id}"))),
    ];

    /// <summary>A column position as the key of a matrix table's value ("0", "1", …; shared strings).</summary>
    private static string Index(int index) => index < Indexes.Length ? Indexes[index] : index.ToString(CultureInfo.InvariantCulture);

    private static readonly string[] Indexes = [.. Enumerable.Range(0, 32).Select(i => i.ToString(CultureInfo.InvariantCulture))];

    private sealed record Slot(string RowId, string FieldId, int Index, string ProvenanceKey);

    /// <summary>
    /// What the page reads of the stored model (docs/formats/json.md). A stated value keeps the
    /// number as written; 表二's are keyed by (item, field), 表三's and 表四's by (row, column position).
    /// </summary>
    private sealed class StoredModel
    {
        public string? Published { get; private set; }

        public string? PeriodFrom { get; private set; }

        public string? PeriodTo { get; private set; }

        public string? IndexNumber { get; private set; }

        public string? Template { get; private set; }

        public List<FindingView> Findings { get; } = [];

        public Dictionary<string, Dictionary<(string, string), string>> Tables { get; } = new(StringComparer.Ordinal);

        /// <summary>Each value slot's source line, from "provenance" ("table.row.field" → {line, …}).</summary>
        public Dictionary<string, int> Lines { get; } = new(256, StringComparer.Ordinal);

        /// <summary>Reads the model object's properties; the reader stands on its StartObject.</summary>
        public void Read(ref Utf8JsonReader reader)
        {
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString();
                reader.Read();
                switch (name)
                {
                    case "published": Published = Text(ref reader); break;
                    case "indexNumber": IndexNumber = Text(ref reader); break;
                    case "template": Template = Text(ref reader); break;
                    case "statisticalPeriod" when reader.TokenType == JsonTokenType.StartObject: ReadPeriod(ref reader); break;
                    case Ids.Tables.Active or Ids.Tables.Requests or Ids.Tables.Review when reader.TokenType == JsonTokenType.StartObject: ReadTable(ref reader, name); break;
                    case "findings" when reader.TokenType == JsonTokenType.StartArray: ReadFindings(ref reader); break;
                    case "provenance" when reader.TokenType == JsonTokenType.StartObject: ReadProvenance(ref reader); break;
                    default: reader.Skip(); break;
                }
            }
        }

        private void ReadPeriod(ref Utf8JsonReader reader)
        {
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var from = reader.ValueTextEquals("from"u8);
                var to = reader.ValueTextEquals("to"u8);
                reader.Read();
                var text = Text(ref reader);
                if (from)
                {
                    PeriodFrom = text;
                }
                else if (to)
                {
                    PeriodTo = text;
                }
            }
        }

        /// <summary>表二 {item: {field: value}}; 表三 and 表四 {row: [values in column order]}.</summary>
        private void ReadTable(ref Utf8JsonReader reader, string tableId)
        {
            var values = new Dictionary<(string, string), string>(tableId == Ids.Tables.Requests ? 192 : 32);
            Tables[tableId] = values;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var row = reader.GetString()!;
                reader.Read();
                if (reader.TokenType == JsonTokenType.StartObject)
                {
                    while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                    {
                        var field = reader.GetString()!;
                        reader.Read();
                        if (Number(ref reader) is { } value)
                        {
                            values[(row, field)] = value;
                        }
                    }
                }
                else if (reader.TokenType == JsonTokenType.StartArray)
                {
                    for (var i = 0; reader.Read() && reader.TokenType != JsonTokenType.EndArray; i++)
                    {
                        if (Number(ref reader) is { } value)
                        {
                            values[(row, Index(i))] = value;
                        }
                    }
                }
                else
                {
                    reader.Skip();
                }
            }
        }

        private void ReadFindings(ref Utf8JsonReader reader)
        {
            while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
            {
                string? code = null, severity = null, message = null, table = null, row = null, column = null;
                int? line = null;
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var name = reader.GetString();
                    reader.Read();
                    switch (name)
                    {
                        case "code": code = Text(ref reader); break;
                        case "severity": severity = Text(ref reader); break;
                        case "message": message = Text(ref reader); break;
                        case "table": table = Text(ref reader); break;
                        case "row": row = Text(ref reader); break;
                        case "column": column = Text(ref reader); break;
                        case "span": line = Line(ref reader); break;
                        default: reader.Skip(); break;
                    }
                }

                Findings.Add(new FindingView(code ?? string.Empty, severity ?? "info", message ?? string.Empty, table, row, column, line));
            }
        }

        private void ReadProvenance(ref Utf8JsonReader reader)
        {
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var key = reader.GetString()!;
                reader.Read();
                if (Line(ref reader) is { } line)
                {
                    Lines[key] = line;
                }
            }
        }

        /// <summary>The "line" of a span-like object (the reader stands on its start); skips anything else.</summary>
        private static int? Line(ref Utf8JsonReader reader)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                reader.Skip();
                return null;
            }

            int? line = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isLine = reader.ValueTextEquals("line"u8);
                reader.Read();
                if (isLine && reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var value))
                {
                    line = value;
                }
                else
                {
                    reader.Skip();
                }
            }

            return line;
        }

        private static string? Text(ref Utf8JsonReader reader)
        {
            if (reader.TokenType == JsonTokenType.String)
            {
                return reader.GetString();
            }

            reader.Skip();
            return null;
        }

        /// <summary>A stated number as the JSON writes it; null for null (not stated) or anything else.</summary>
        private static string? Number(ref Utf8JsonReader reader)
        {
            if (reader.TokenType == JsonTokenType.Number)
            {
                return Encoding.UTF8.GetString(reader.ValueSpan);
            }

            reader.Skip();
            return null;
        }
    }
}
