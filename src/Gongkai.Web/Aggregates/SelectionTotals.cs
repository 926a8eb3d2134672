using Gongkai.Model.Templates;
using Gongkai.Storage;
using Gongkai.Web.Reports;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Aggregates;

/// <summary>
/// 表三 and 表四 summed cell by cell over the current reports a filter selects, in all and per
/// report year. A 2019 report's single (六)其他处理 row has no 2021 sub-row to go to: its sum stays
/// under its own row id (<see cref="UnsplitOtherHandling"/>). Cells no selected report states stay
/// empty, never 0.
/// </summary>
public sealed class SelectionTotals
{
    private readonly Dictionary<(string Table, string Row, string Column), decimal> _totals = [];
    private readonly Dictionary<(int Year, string Table, string Row, string Column), decimal> _byYear = [];

    private SelectionTotals(int reports) => Reports = reports;

    public int Reports { get; }

    /// <summary>The report years that hold at least one stated value, ascending.</summary>
    public IReadOnlyList<int> Years { get; private set; } = [];

    public decimal? UnsplitOtherHandling => Value(Ids.Tables.Requests, "otherHandling", Ids.Requests.TotalColumn);

    public static async Task<SelectionTotals> ComputeAsync(ReportFilter filter, GongkaiDbContext context, CancellationToken cancellationToken)
    {
        var reports = filter.Selected(context);
        var count = await reports.CountAsync(cancellationToken).ConfigureAwait(false);
        var sums = await (
            from v in context.Values.AsNoTracking()
            join r in reports on v.ReportId equals r.Id
            where v.TableId == Ids.Tables.Requests || v.TableId == Ids.Tables.Review
            group v by new { r.Year, v.TableId, v.RowId, v.ColumnId } into g
            select new { g.Key.Year, g.Key.TableId, g.Key.RowId, g.Key.ColumnId, Sum = g.Sum(v => v.Value) })
            .ToListAsync(cancellationToken).ConfigureAwait(false);

        var totals = new SelectionTotals(count);
        foreach (var s in sums)
        {
            var key = (s.TableId, s.RowId, s.ColumnId);
            totals._totals[key] = totals._totals.GetValueOrDefault(key) + s.Sum;
            if (s.Year is { } year)
            {
                totals._byYear[(year, s.TableId, s.RowId, s.ColumnId)] = s.Sum;
            }
        }

        totals.Years = [.. totals._byYear.Keys.Select(k => k.Year).Distinct().Order()];
        return totals;
    }

    /// <summary>The sum over the whole selection; null when no selected report states the cell.</summary>
    public decimal? Value(string table, string row, string column) =>
        _totals.TryGetValue((table, row, column), out var sum) ? sum : null;

    /// <summary>One table's sums as a (row id, column id) lookup, for drawing or writing the table.</summary>
    public Func<string, string, decimal?> Cells(string table) => (row, column) => Value(table, row, column);

    /// <summary>One table's sums as row id → values in column order: the shape of the data contract's JSON.</summary>
    public Dictionary<string, decimal?[]> Rows(TableDefinition table) =>
        table.Rows.ToDictionary(r => r.Id, r => r.Fields.Select(f => Value(table.Id, r.Id, f.Id)).ToArray());

    /// <summary>The sum over the selection's reports of one year; null when none of them states the cell.</summary>
    public decimal? Value(int year, string table, string row, string column) =>
        _byYear.TryGetValue((year, table, row, column), out var sum) ? sum : null;
}
