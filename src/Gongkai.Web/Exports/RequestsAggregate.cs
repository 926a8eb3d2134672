using Gongkai.Model.Templates;
using Gongkai.Storage;
using Gongkai.Web.Reports;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Exports;

/// <summary>
/// 表三 summed over the current reports a filter selects, cell by cell, in the 2021 layout. A 2019
/// report's single (六)其他处理 row has no 2021 sub-row to go to: its sum is reported apart.
/// Cells no selected report states stay empty, never 0.
/// </summary>
public sealed record RequestsAggregate(int Reports, IReadOnlyDictionary<(string Row, string Column), decimal> Sums, decimal? UnsplitOtherHandling)
{
    public static async Task<RequestsAggregate> ComputeAsync(ReportFilter filter, GongkaiDbContext context, CancellationToken cancellationToken)
    {
        var reports = filter.Apply(context).Select(r => r.Id);
        var count = await reports.CountAsync(cancellationToken).ConfigureAwait(false);
        var sums = await context.Values.AsNoTracking()
            .Where(v => v.TableId == Ids.Tables.Requests && reports.Contains(v.ReportId))
            .GroupBy(v => new { v.RowId, v.ColumnId })
            .Select(g => new { g.Key.RowId, g.Key.ColumnId, Sum = g.Sum(v => v.Value) })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var cells = sums.ToDictionary(s => (s.RowId, s.ColumnId), s => s.Sum);
        decimal? unsplit = cells.TryGetValue(("otherHandling", Ids.Requests.TotalColumn), out var other) ? other : null;
        return new RequestsAggregate(count, cells, unsplit);
    }

    public decimal? Value(string row, string column) => Sums.TryGetValue((row, column), out var sum) ? sum : null;
}
