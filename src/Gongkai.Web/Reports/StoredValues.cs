using Gongkai.Storage;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Reports;

/// <summary>The table values stored for some reports, by report id and then (table, row id, column id).</summary>
public static class StoredValues
{
    public static async Task<Dictionary<int, IReadOnlyDictionary<(string Table, string Row, string Column), decimal>>> LoadAsync(
        GongkaiDbContext context, IReadOnlyCollection<int> reportIds, CancellationToken cancellationToken)
    {
        var values = await context.Values.AsNoTracking().Where(v => reportIds.Contains(v.ReportId))
            .Select(v => new { v.ReportId, v.TableId, v.RowId, v.ColumnId, v.Value })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return values.GroupBy(v => v.ReportId).ToDictionary(
            g => g.Key,
            g => (IReadOnlyDictionary<(string, string, string), decimal>)g.ToDictionary(v => (v.TableId, v.RowId, v.ColumnId), v => v.Value));
    }
}
