using System.Globalization;
using System.Text.Json.Nodes;
using Gongkai.Model.Templates;

namespace Gongkai.Model.Serialization;

/// <summary>
/// The canonical JSON of a report (docs/formats/json.md): the data-contract shape of
/// <c>shared/truth/*.json</c> — <c>active</c> as {item: {field: value}}, <c>requests</c> as
/// {rowId: [7 values]}, <c>review</c> as {group: [5 values]}, null for what the source does not
/// state — plus findings, sections, narrative figures and per-cell provenance.
/// </summary>
public static class ReportJson
{
    public static JsonObject ToJson(string file, AnnualReport report, IReadOnlyList<Finding> findings) => new()
    {
        ["file"] = file,
        ["agency"] = report.Agency?.Value,
        ["agencyKind"] = report.AgencyKind.ToString().ToLowerInvariant(),
        ["year"] = report.Year?.Value,
        ["published"] = report.Published is { } p ? Date(p.Value) : null,
        ["statisticalPeriod"] = report.StatisticalPeriod is { } s ? new JsonObject { ["from"] = Date(s.Value.From), ["to"] = Date(s.Value.To) } : null,
        ["indexNumber"] = report.IndexNumber?.Value,
        ["template"] = report.Template.Id,
        ["templateEvidence"] = report.TemplateEvidence,
        ["active"] = Active(report.Active),
        ["requests"] = Matrix(report.Requests),
        ["review"] = Matrix(report.Review),
        ["findings"] = new JsonArray([.. findings.Select(Finding)]),
        ["sections"] = new JsonArray([.. report.Sections.Select(Section)]),
        ["narrative"] = new JsonArray([.. report.Narrative.Select(Narrative)]),
        ["provenance"] = Provenance(report),
        ["error"] = null,
    };

    public static JsonObject Error(string file, string message) => new()
    {
        ["file"] = file,
        ["agency"] = null,
        ["year"] = null,
        ["published"] = null,
        ["template"] = null,
        ["active"] = null,
        ["requests"] = null,
        ["review"] = null,
        ["findings"] = new JsonArray(),
        ["error"] = message,
    };

    public static JsonObject Finding(Finding finding) => new()
    {
        ["code"] = finding.Code,
        ["severity"] = finding.Severity.ToString().ToLowerInvariant(),
        ["message"] = finding.Message,
        ["table"] = finding.Location.Table,
        ["row"] = finding.Location.Row,
        ["column"] = finding.Location.Column,
        ["span"] = Span(finding.Location.Span),
    };

    /// <summary>表二 as {item: {field: value}}, with "{field}Unit" where the report states a unit the format leaves open.</summary>
    private static JsonObject? Active(StatTable? table)
    {
        if (table is null)
        {
            return null;
        }

        var items = new JsonObject();
        foreach (var row in table.Definition.Rows)
        {
            var fields = new JsonObject();
            foreach (var field in row.Fields)
            {
                var cell = table[row.Id, field.Id];
                fields[field.Id] = Number(cell.Value);
                if (cell.Unit is not null && field.Kind == FieldKind.Amount && field.Unit is null)
                {
                    fields[field.Id + "Unit"] = cell.Unit;
                }
            }

            items[row.Id] = fields;
        }

        return items;
    }

    private static JsonObject? Matrix(StatTable? table)
    {
        if (table is null)
        {
            return null;
        }

        var rows = new JsonObject();
        foreach (var row in table.Definition.Rows)
        {
            rows[row.Id] = new JsonArray([.. row.Fields.Select(f => Number(table.Value(row.Id, f.Id)))]);
        }

        return rows;
    }

    private static JsonObject Provenance(AnnualReport report)
    {
        var cells = new JsonObject();
        foreach (var table in report.Tables())
        {
            foreach (var (row, field, cell) in table.Cells())
            {
                if (cell.State == CellState.Absent)
                {
                    continue;
                }

                var entry = Span(cell.Span) ?? [];
                entry["raw"] = cell.Raw;
                entry["state"] = cell.State.ToString().ToLowerInvariant();
                cells[$"{table.Id}.{row.Id}.{field.Id}"] = entry;
            }
        }

        Meta(cells, "agency", report.Agency?.Span, report.Agency?.Source);
        Meta(cells, "year", report.Year?.Span, report.Year?.Source);
        Meta(cells, "published", report.Published?.Span, report.Published?.Source);
        Meta(cells, "statisticalPeriod", report.StatisticalPeriod?.Span, report.StatisticalPeriod?.Source);
        Meta(cells, "indexNumber", report.IndexNumber?.Span, report.IndexNumber?.Source);
        return cells;
    }

    private static void Meta(JsonObject cells, string key, SourceSpan? span, string? source)
    {
        if (Span(span) is { } entry)
        {
            entry["from"] = source;
            cells[key] = entry;
        }
    }

    private static JsonObject Section(ReportSection section) => new()
    {
        ["number"] = section.Number,
        ["id"] = section.Id,
        ["heading"] = section.Heading,
        ["text"] = section.Text,
        ["span"] = Span(section.Span),
    };

    private static JsonObject Narrative(NarrativeFigure figure) => new()
    {
        ["id"] = figure.Id,
        ["value"] = figure.Value,
        ["raw"] = figure.Raw,
        ["span"] = Span(figure.Span),
    };

    private static JsonObject? Span(SourceSpan? span) => span is { } s
        ? new JsonObject { ["line"] = s.Line, ["column"] = s.Column, ["start"] = s.Start, ["length"] = s.Length }
        : null;

    private static JsonValue? Number(decimal? value) => value is { } v ? JsonValue.Create(v) : null;

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
