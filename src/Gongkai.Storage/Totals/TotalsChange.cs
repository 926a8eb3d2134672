using System.Runtime.InteropServices;
using Gongkai.Storage.Entities;
using Gongkai.Storage.Values;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Storage.Totals;

/// <summary>An agency whose region or category changes: where its reports counted, and where they count now.</summary>
public sealed record AgencyMove(int Agency, string FromRegion, AgencyCategory FromCategory, string ToRegion, AgencyCategory ToCategory);

/// <summary>
/// What a write does to the rollup: reports that become current add their values to every node of
/// their agency's region, reports that stop being current (or move with their agency) take them
/// away. <see cref="ApplyAsync"/> merges the change into the stored rows of the groups it touches.
/// </summary>
/// <remarks>
/// The change is gathered per place (region, category, year), where many of a batch's reports
/// fall together, and spread to the region's nodes only when applied: once per place and cell,
/// not once per value and node.
/// </remarks>
public sealed class TotalsChange
{
    private readonly Dictionary<Place, Dictionary<CellKey, (decimal Sum, int Reports)>> _delta = [];

    private readonly record struct Place(string Region, AgencyCategory Category, int Year);

    private readonly record struct Key(string Region, AgencyCategory Category, int Year, CellKey Cell);

    /// <summary>A current report's value counts in every node of <paramref name="region"/>.</summary>
    public void Add(string region, AgencyCategory category, int? year, StatedValue value) => Apply(region, category, year, value, +1);

    /// <summary>A report that stops being current (or leaves the region) no longer counts.</summary>
    public void Remove(string region, AgencyCategory category, int? year, StatedValue value) => Apply(region, category, year, value, -1);

    /// <summary>Adds a new current report's values.</summary>
    public void Add(string region, AgencyCategory category, int? year, IEnumerable<StatedValue> values)
    {
        var cells = CellsOf(region, category, year);
        foreach (var value in values)
        {
            Apply(cells, value, +1);
        }
    }

    /// <summary>A cell's sum over <paramref name="reports"/> current reports of one place, added at once.</summary>
    internal void Add(string region, AgencyCategory category, int? year, CellKey cell, decimal sum, int reports)
    {
        ref var total = ref CollectionsMarshal.GetValueRefOrAddDefault(CellsOf(region, category, year), cell, out _);
        total = (total.Sum + sum, total.Reports + reports);
    }

    /// <summary>
    /// Takes away the stored values of reports that stop being current, each where its agency
    /// counted until now (<paramref name="placeBefore"/>: agency id → region and category).
    /// </summary>
    public async Task RemoveAsync(
        GongkaiDbContext context, IReadOnlyCollection<int> reportIds, IReadOnlyDictionary<int, (string Region, AgencyCategory Category)> placeBefore, CancellationToken cancellationToken)
    {
        var sets = await context.ValueSets.AsNoTracking().Where(v => reportIds.Contains(v.ReportId))
            .Join(context.Reports, v => v.ReportId, r => r.Id, (v, r) => new { Agency = r.AgencyId!.Value, r.Year, v.Cells, v.Values })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var catalogue = await ValueCatalogue.LoadAsync(context, cancellationToken).ConfigureAwait(false);
        foreach (var set in sets)
        {
            var (region, category) = placeBefore[set.Agency];
            foreach (var value in catalogue.Unpack(set.Cells, set.Values))
            {
                Remove(region, category, set.Year, value);
            }
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
        var sets = await context.ValueSets.AsNoTracking()
            .Join(context.Reports.Where(r => r.IsCurrent && r.AgencyId != null && ids.Contains(r.AgencyId.Value)), v => v.ReportId, r => r.Id, (v, r) => new { Agency = r.AgencyId!.Value, r.Year, v.Cells, v.Values })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var catalogue = await ValueCatalogue.LoadAsync(context, cancellationToken).ConfigureAwait(false);
        foreach (var set in sets)
        {
            var move = byAgency[set.Agency];
            foreach (var value in catalogue.Unpack(set.Cells, set.Values))
            {
                Remove(move.FromRegion, move.FromCategory, set.Year, value);
                Add(move.ToRegion, move.ToCategory, set.Year, value);
            }
        }
    }

    /// <summary>
    /// Writes the change: the stored rows of every touched node, category and year are read, merged
    /// with the change and written back; rows no current report states any more disappear.
    /// Runs in the caller's transaction.
    /// </summary>
    public async Task ApplyAsync(GongkaiDbContext context, IDatabaseProvider provider, CancellationToken cancellationToken)
    {
        var changed = new Dictionary<Key, (decimal Sum, int Reports)>();
        foreach (var (place, cells) in _delta)
        {
            foreach (var node in RegionTotals.Nodes(place.Region))
            {
                foreach (var (cell, (sum, reports)) in cells)
                {
                    ref var total = ref CollectionsMarshal.GetValueRefOrAddDefault(changed, new Key(node, place.Category, place.Year, cell), out _);
                    total = (total.Sum + sum, total.Reports + reports);
                }
            }
        }

        _delta.Clear();
        if (!changed.Values.Any(d => d.Sum != 0 || d.Reports != 0))
        {
            return;
        }

        // One query for a superset of the touched groups (node × category × year), merged whole.
        var regions = changed.Keys.Select(k => k.Region).Distinct().ToList();
        var categories = changed.Keys.Select(k => k.Category).Distinct().ToList();
        var years = changed.Keys.Select(k => k.Year).Distinct().ToList();
        var touched = context.ValueTotals.Where(t => regions.Contains(t.Region) && categories.Contains(t.Category) && years.Contains(t.Year));
        var merged = await touched.AsNoTracking()
            .ToDictionaryAsync(t => new Key(t.Region, t.Category, t.Year, new CellKey(t.TableId, t.RowId, t.ColumnId)), t => (t.Sum, t.Reports), cancellationToken)
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
                TableId = m.Key.Cell.Table,
                RowId = m.Key.Cell.Row,
                ColumnId = m.Key.Cell.Column,
                Sum = m.Value.Sum,
                Reports = m.Value.Reports,
            });
        await provider.InsertEntitiesAsync(context, TableLayout.Of<ValueTotalEntity>(context, withGeneratedKey: true), rows, cancellationToken).ConfigureAwait(false);
    }

    private Dictionary<CellKey, (decimal Sum, int Reports)> CellsOf(string region, AgencyCategory category, int? year)
    {
        var place = new Place(region, category, year ?? 0);
        if (!_delta.TryGetValue(place, out var cells))
        {
            cells = [];
            _delta[place] = cells;
        }

        return cells;
    }

    private void Apply(string region, AgencyCategory category, int? year, StatedValue value, int sign) =>
        Apply(CellsOf(region, category, year), value, sign);

    private static void Apply(Dictionary<CellKey, (decimal Sum, int Reports)> cells, StatedValue value, int sign)
    {
        ref var total = ref CollectionsMarshal.GetValueRefOrAddDefault(cells, value.Cell, out _);
        total = (total.Sum + (sign * value.Value), total.Reports + sign);
    }
}
