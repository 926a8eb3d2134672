using System.Globalization;
using System.Runtime.CompilerServices;
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
    /// Reads the stored model once, without building a JSON object tree: the page needs a few
    /// metadata strings, the findings, and each slot's value and source line.
    /// </summary>
    public static ReportPageView Read(string modelJson)
    {
        using var document = JsonDocument.Parse(modelJson);
        var model = document.RootElement;
        var findings = Findings(model);
        var period = Property(model, "statisticalPeriod");
        return new ReportPageView(
            String(model, "published"),
            period is { } from ? String(from, "from") : null,
            period is { } to ? String(to, "to") : null,
            String(model, "indexNumber"),
            findings,
            Tables(model, findings));
    }

    private static List<TableView> Tables(JsonElement model, IReadOnlyList<FindingView> findings)
    {
        var tables = new List<TableView>();
        if (String(model, "template") is not { } templateId || TemplateCatalog.Find(templateId) is not { } template)
        {
            return tables;
        }

        var lines = SourceLines(model);
        var onCells = findings.Where(f => f is { Table: not null, Row: not null, Column: not null })
            .ToLookup(f => (f.Table!, f.Row!, f.Column!));
        foreach (var table in template.Tables)
        {
            if (Property(model, table.Id) is not { ValueKind: JsonValueKind.Object } values)
            {
                continue;
            }

            var cells = new Dictionary<(string, string), CellView>();
            foreach (var slot in SlotsOf.GetValue(table, Slots))
            {
                var value = Value(values, table.Id, slot);
                var onCell = onCells[(table.Id, slot.RowId, slot.FieldId)].ToList();
                var worst = SeverityOrder.FirstOrDefault(s => onCell.Any(f => f.Severity == s));
                cells[(slot.RowId, slot.FieldId)] = new CellView(
                    value ?? string.Empty,
                    worst,
                    onCell.Count == 0 ? null : string.Join("\n", onCell.Select(f => $"[{f.Code}] {f.Message}")),
                    lines.TryGetValue(slot.ProvenanceKey, out var line) ? line : null,
                    value is null);
            }

            tables.Add(new TableView($"{Title(table.Id)} {table.Title}", OfficialLayout.Draw(table), cells));
        }

        return tables;
    }

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

    /// <summary>The written number in a slot, as the JSON has it; null when the source states none.</summary>
    private static string? Value(JsonElement values, string tableId, Slot slot)
    {
        if (Property(values, slot.RowId) is not { } row)
        {
            return null;
        }

        JsonElement? value = tableId == Ids.Tables.Active
            ? Property(row, slot.FieldId)
            : row.ValueKind == JsonValueKind.Array && slot.Index < row.GetArrayLength() ? row[slot.Index] : null;
        return value is { ValueKind: not (JsonValueKind.Null or JsonValueKind.Undefined) } stated ? stated.GetRawText() : null;
    }

    /// <summary>Each value slot's source line, from "provenance" ("table.row.field" → {line, …}).</summary>
    private static Dictionary<string, int> SourceLines(JsonElement model)
    {
        var lines = new Dictionary<string, int>(StringComparer.Ordinal);
        if (Property(model, "provenance") is { ValueKind: JsonValueKind.Object } provenance)
        {
            foreach (var entry in provenance.EnumerateObject())
            {
                if (Line(entry.Value) is { } line)
                {
                    lines[entry.Name] = line;
                }
            }
        }

        return lines;
    }

    private static List<FindingView> Findings(JsonElement model) =>
        Property(model, "findings") is { ValueKind: JsonValueKind.Array } findings
            ? [.. findings.EnumerateArray().Select(f => new FindingView(
                String(f, "code") ?? string.Empty, String(f, "severity") ?? "info", String(f, "message") ?? string.Empty,
                String(f, "table"), String(f, "row"), String(f, "column"), Property(f, "span") is { } span ? Line(span) : null))]
            : [];

    private static int? Line(JsonElement span) =>
        span.ValueKind == JsonValueKind.Object && span.TryGetProperty("line", out var line) && line.ValueKind == JsonValueKind.Number ? line.GetInt32() : null;

    private static JsonElement? Property(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) ? value : null;

    private static string? String(JsonElement element, string name) =>
        Property(element, name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    private sealed record Slot(string RowId, string FieldId, int Index, string ProvenanceKey);
}
