using Gongkai.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Storage.Totals;

/// <summary>An agency whose region or category changes: where its reports counted, and where they count now.</summary>
public sealed record AgencyMove(int Agency, string FromRegion, AgencyCategory FromCategory, string ToRegion, AgencyCategory ToCategory);

/// <summary>
/// What a write does to the rollup: reports that become current add their values to every node of
/// their agency's region, reports that stop being current (or move with their agency) take them
/// away. <see cref="ApplyAsync"/> merges the change into the stored rows of the groups it touches.
/// </summary>
public sealed class TotalsChange
{
    private readonly Dictionary<Key, (decimal Sum, int Reports)> _delta = [];

    private readonly record struct Key(string Region, AgencyCategory Category, int Year, string Table, string Row, string Column);

    public bool IsEmpty => _delta.Count == 0;

    /// <summary>A current report's value counts in every node of <paramref name="region"/>.</summary>
    public void Add(string region, AgencyCategory category, int? year, ValueEntity value) => Apply(region, category, year, value, +1);

    /// <summary>A report that stops being current (or leaves the region) no longer counts.</summary>
    public void Remove(string region, AgencyCategory category, int? year, ValueEntity value) => Apply(region, category, year, value, -1);

    /// <summary>Adds a new current report's values.</summary>
    public void Add(string region, AgencyCategory category, int? year, IEnumerable<ValueEntity> values)
    {
        foreach (var value in values)
        {
            Add(region, category, year, value);
        }
    }

    /// <summary>
    /// Takes away the stored values of reports that stop being current, each where its agency
    /// counted until now (<paramref name="placeBefore"/>: agency id → region and category).
    /// </summary>
    public async Task RemoveAsync(
        GongkaiDbContext context, IReadOnlyCollection<int> reportIds, IReadOnlyDictionary<int, (string Region, AgencyCategory Category)> placeBefore, CancellationToken cancellationToken)
    {
        var values = await context.Values.AsNoTracking().Where(v => reportIds.Contains(v.ReportId))
            .Join(context.Reports, v => v.ReportId, r => r.Id, (v, r) => new { Agency = r.AgencyId!.Value, r.Year, Value = v })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        foreach (var v in values)
        {
            var (region, category) = placeBefore[v.Agency];
            Remove(region, category, v.Year, v.Value);
        }
    }

    /// <summary>Moves the stored current reports of agencies whose region or category changes.</summary>
    public async Task MoveAsync(
        GongkaiDbContext context,
        IReadOnlyCollection<AgencyMove> moves,
        CancellationToken cancellationToken)
    {
        var ids = moves.Select(m => m.Agency).ToList();
        var byAgency = moves.ToDictionary(m => m.Agency);
        var values = await context.Values.AsNoTracking()
            .Join(context.Reports.Where(r => r.IsCurrent && r.AgencyId != null && ids.Contains(r.AgencyId.Value)), v => v.ReportId, r => r.Id, (v, r) => new { Agency = r.AgencyId!.Value, r.Year, Value = v })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        foreach (var v in values)
        {
            var move = byAgency[v.Agency];
            Remove(move.FromRegion, move.FromCategory, v.Year, v.Value);
            Add(move.ToRegion, move.ToCategory, v.Year, v.Value);
        }
    }

    /// <summary>
    /// Writes the change: the stored rows of every touched node, category and year are read, merged
    /// with the change and written back; rows no current report states any more disappear.
    /// Runs in the caller's transaction.
    /// </summary>
    public async Task ApplyAsync(GongkaiDbContext context, IDatabaseProvider provider, CancellationToken cancellationToken)
    {
        var changed = _delta.Where(d => d.Value.Sum != 0 || d.Value.Reports != 0).ToList();
        if (changed.Count == 0)
        {
            return;
        }

        // One query for a superset of the touched groups (node × category × year), merged whole.
        var regions = changed.Select(d => d.Key.Region).Distinct().ToList();
        var categories = changed.Select(d => d.Key.Category).Distinct().ToList();
        var years = changed.Select(d => d.Key.Year).Distinct().ToList();
        var touched = context.ValueTotals.Where(t => regions.Contains(t.Region) && categories.Contains(t.Category) && years.Contains(t.Year));
        var merged = await touched.AsNoTracking()
            .ToDictionaryAsync(t => new Key(t.Region, t.Category, t.Year, t.TableId, t.RowId, t.ColumnId), t => (t.Sum, t.Reports), cancellationToken)
            .ConfigureAwait(false);
        foreach (var (key, (sum, reports)) in changed)
        {
            var (storedSum, storedReports) = merged.GetValueOrDefault(key);
            merged[key] = (storedSum + sum, storedReports + reports);
        }

        await touched.ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        var rows = merged
            .Where(m => m.Value.Reports > 0)
            .Select(m => new ValueTotalEntity
            {
                Region = m.Key.Region,
                Category = m.Key.Category,
                Year = m.Key.Year,
                TableId = m.Key.Table,
                RowId = m.Key.Row,
                ColumnId = m.Key.Column,
                Sum = m.Value.Sum,
                Reports = m.Value.Reports,
            });
        await provider.InsertEntitiesAsync(context, TableLayout.Of<ValueTotalEntity>(context, withGeneratedKey: true), rows, cancellationToken).ConfigureAwait(false);
        _delta.Clear();
    }

    private void Apply(string region, AgencyCategory category, int? year, ValueEntity value, int sign)
    {
        foreach (var node in RegionTotals.Nodes(region))
        {
            var key = new Key(node, category, year ?? 0, value.TableId, value.RowId, value.ColumnId);
            var (sum, reports) = _delta.GetValueOrDefault(key);
            _delta[key] = (sum + (sign * value.Value), reports + sign);
        }
    }
}
