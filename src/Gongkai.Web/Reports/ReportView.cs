using System.Globalization;
using System.Text.Json.Nodes;
using Gongkai.Model.Templates;
using Gongkai.Web.Infrastructure;

namespace Gongkai.Web.Reports;

/// <summary>A value slot of a drawn table: its text, the worst finding on it, and its source line.</summary>
public sealed record CellView(string Text, string? Severity, string? Findings, int? Line, bool Absent);

/// <summary>A table of a report drawn in the official layout, with its values and findings.</summary>
public sealed record TableView(string Title, IReadOnlyList<IReadOnlyList<LayoutCell>> Rows, IReadOnlyDictionary<(string Row, string Field), CellView> Values);

/// <summary>Builds the report page's tables from the stored canonical JSON (docs/formats/json.md).</summary>
public static class ReportView
{
    private static readonly string[] SeverityOrder = ["error", "warning", "info"];

    public static IReadOnlyList<TableView> Tables(JsonObject model)
    {
        var template = TemplateCatalog.Get(model["template"]!.GetValue<string>());
        var findings = model["findings"]!.AsArray().Select(f => f!.AsObject()).ToList();
        var provenance = model["provenance"]?.AsObject();
        var tables = new List<TableView>();
        foreach (var table in template.Tables)
        {
            if (model[table.Id] is not JsonObject values)
            {
                continue;
            }

            var cells = new Dictionary<(string, string), CellView>();
            foreach (var row in table.Rows)
            {
                for (var i = 0; i < row.Fields.Count; i++)
                {
                    var field = row.Fields[i];
                    var value = table.Id == Ids.Tables.Active ? values[row.Id]?[field.Id] : values[row.Id]?[i];
                    var onCell = findings.Where(f => Is(f, "table", table.Id) && Is(f, "row", row.Id) && Is(f, "column", field.Id)).ToList();
                    var worst = SeverityOrder.FirstOrDefault(s => onCell.Any(f => Is(f, "severity", s)));
                    var line = provenance?[$"{table.Id}.{row.Id}.{field.Id}"]?["line"]?.GetValue<int>();
                    var text = value is null ? string.Empty : value.ToJsonString();
                    cells[(row.Id, field.Id)] = new CellView(
                        text, worst, onCell.Count == 0 ? null : string.Join("\n", onCell.Select(f => $"[{f["code"]}] {f["message"]}")), line, value is null);
                }
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
                cells[(row.Id, field.Id)] = new CellView(sum is { } v ? Names.Number(v) : string.Empty, null, null, null, sum is null);
            }
        }

        return new TableView($"{Title(table.Id)} {table.Title}（合计）", OfficialLayout.Draw(table), cells);
    }

    private static string Title(string tableId) => tableId switch { Ids.Tables.Active => "表二", Ids.Tables.Requests => "表三", _ => "表四" };

    private static bool Is(JsonObject finding, string key, string value) =>
        finding[key] is JsonValue v && v.GetValue<string>() == value;

    public static string Date(JsonNode? node) => node?.GetValue<string>() ?? "未载明";

    public static string Number(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "未载明";
}
