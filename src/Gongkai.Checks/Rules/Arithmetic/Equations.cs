using Gongkai.Model;
using Gongkai.Model.Templates;

namespace Gongkai.Checks.Rules.Arithmetic;

/// <summary>A cell of a table, with its position in the table definition.</summary>
internal sealed record CellRef(string Table, string Row, string Column, int RowIndex, int ColumnIndex);

/// <summary>
/// One stated sum as a linear equation Σ sign·cell = 0 (R1–R4 of the data contract). Its residual
/// is null when any of its cells is not a stated number: an unstated cell is never taken as 0.
/// </summary>
internal sealed record Equation(string RuleCode, string Key, IReadOnlyList<(CellRef Cell, int Sign)> Terms)
{
    public decimal? Residual(AnnualReport report)
    {
        decimal sum = 0;
        foreach (var (cell, sign) in Terms)
        {
            if (report.Table(cell.Table)?.Value(cell.RowIndex, cell.ColumnIndex) is not { } value)
            {
                return null;
            }

            sum += sign * value;
        }

        return sum;
    }

    public bool Contains(CellRef cell) => Terms.Any(t => t.Cell == cell);

    public int SignOf(CellRef cell) => Terms.FirstOrDefault(t => t.Cell == cell).Sign;
}

/// <summary>The equations of a report's tables, per the template generation it uses.</summary>
internal static class ReportEquations
{
    /// <summary>The equations with their residuals (null when a cell is not stated), once per review.</summary>
    public static IReadOnlyList<(Equation Equation, decimal? Residual)> Evaluate(AnnualReport report, CheckContext context) =>
        context.Shared("equations", () => For(report).Select(e => (e, e.Residual(report))).ToList());

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<TableDefinition, IReadOnlyList<Equation>> ByTable = [];

    /// <summary>The equations of the report's 表三 and 表四 (they depend on the template only, so are built once).</summary>
    public static IReadOnlyList<Equation> For(AnnualReport report) =>
        [.. (report.Requests is { } requests ? ByTable.GetValue(requests.Definition, RequestEquations) : []),
         .. (report.Review is { } review ? ByTable.GetValue(review.Definition, ReviewEquations) : [])];

    private static List<Equation> RequestEquations(TableDefinition table)
    {
        var equations = new List<Equation>();
        var rows = table.Rows;
        foreach (var column in table.Columns)
        {
            equations.Add(new("R1", column.Id,
            [
                (Ref(table, Ids.Requests.NewReceived, column.Id), 1), (Ref(table, Ids.Requests.CarriedOver, column.Id), 1),
                (Ref(table, Ids.Requests.Total, column.Id), -1), (Ref(table, Ids.Requests.CarriedForward, column.Id), -1),
            ]));
            equations.Add(new("R2", column.Id,
            [
                (Ref(table, Ids.Requests.Total, column.Id), 1),
                .. rows.Where(r => r.Role == RowRole.Outcome).Select(r => (Ref(table, r.Id, column.Id), -1)),
            ]));
        }

        foreach (var row in rows)
        {
            equations.Add(new("R3", row.Id,
            [
                (Ref(table, row.Id, Ids.Requests.TotalColumn), 1),
                .. Ids.Requests.ApplicantColumns.Select(c => (Ref(table, row.Id, c), -1)),
            ]));
        }

        return equations;
    }

    private static List<Equation> ReviewEquations(TableDefinition table)
    {
        var equations = new List<Equation>();
        foreach (var group in table.Rows)
        {
            equations.Add(new("R4", group.Id,
            [
                (Ref(table, group.Id, Ids.Review.Total), 1),
                (Ref(table, group.Id, Ids.Review.Upheld), -1), (Ref(table, group.Id, Ids.Review.Corrected), -1),
                (Ref(table, group.Id, Ids.Review.Other), -1), (Ref(table, group.Id, Ids.Review.Pending), -1),
            ]));
        }

        return equations;
    }

    private static CellRef Ref(TableDefinition table, string row, string column)
    {
        var (rowIndex, columnIndex) = table.IndexOf(row, column);
        return new(table.Id, row, column, rowIndex, columnIndex);
    }
}
