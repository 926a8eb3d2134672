using Gongkai.Storage;
using Gongkai.Storage.Values;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Reports;

/// <summary>The table values stored for some reports, by report id and then (table, row id, column id).</summary>
public static class StoredValues
{
    public static async Task<Dictionary<int, IReadOnlyDictionary<(string Table, string Row, string Column), decimal>>> LoadAsync(
        GongkaiDbContext context, IReadOnlyCollection<int> reportIds, CancellationToken cancellationToken)
    {
        var sets = await context.ValueSets.AsNoTracking().Where(v => reportIds.Contains(v.ReportId))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var catalogue = await ValueCatalogue.LoadAsync(context, cancellationToken).ConfigureAwait(false);
        return sets.ToDictionary(
            s => s.ReportId,
            s => (IReadOnlyDictionary<(string, string, string), decimal>)catalogue.Unpack(s.Cells, s.Values)
                .ToDictionary(v => (v.Cell.Table, v.Cell.Row, v.Cell.Column), v => v.Value));
    }
}
