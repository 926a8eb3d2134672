using Gongkai.Storage.Entities;
using Gongkai.Storage.Values;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Storage.Totals;

/// <summary>
/// The <c>value_totals</c> rollup: every stated value of every current report, summed per region
/// node, agency category and year. A report counts in each node of its agency's region path, so a
/// dashboard over 资阳市 reads that node's few thousand rows instead of the values of every report.
/// </summary>
public static class RegionTotals
{
    /// <summary>The nodes a region path counts in: "", 四川省, 四川省/资阳市, 四川省/资阳市/雁江区.</summary>
    public static IEnumerable<string> Nodes(string region)
    {
        yield return string.Empty;
        if (region.Length == 0)
        {
            yield break;
        }

        for (var slash = region.IndexOf('/', StringComparison.Ordinal); slash >= 0; slash = region.IndexOf('/', slash + 1))
        {
            yield return region[..slash];
        }

        yield return region;
    }

    /// <summary>
    /// The nodes whose rows together hold exactly the agencies whose region starts with
    /// <paramref name="prefix"/> (the report filter's meaning of 地区): for each such region, its
    /// shortest node that starts with the prefix. They never nest, so their rows add up.
    /// </summary>
    public static IReadOnlyList<string> Covering(IEnumerable<string> agencyRegions, string prefix) =>
        prefix.Length == 0
            ? [string.Empty]
            : [.. agencyRegions
                .Where(r => r.StartsWith(prefix, StringComparison.Ordinal))
                .Select(r => Nodes(r).First(n => n.StartsWith(prefix, StringComparison.Ordinal)))
                .Distinct(StringComparer.Ordinal)];

    /// <summary>Recomputes the whole rollup from the current reports (a new database, or one from before the rollup).</summary>
    public static async Task RebuildAsync(GongkaiDbContext context, IDatabaseProvider provider, CancellationToken cancellationToken = default)
    {
        await context.ValueTotals.ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        var change = new TotalsChange();

        // Summed by cell id while the sets stream by; the catalogue is read after them, so it knows every id they use.
        var places = new Dictionary<(string Region, AgencyCategory Category, int? Year), Dictionary<short, (decimal Sum, int Reports)>>();
        await foreach (var set in StatedValues(context, context.Reports.Where(r => r.IsCurrent)).AsAsyncEnumerable().WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (!places.TryGetValue((set.Region, set.Category, set.Year), out var cells))
            {
                cells = [];
                places[(set.Region, set.Category, set.Year)] = cells;
            }

            for (var i = 0; i < set.Cells.Length; i++)
            {
                var (sum, reports) = cells.GetValueOrDefault(set.Cells[i]);
                cells[set.Cells[i]] = (sum + set.Values[i], reports + 1);
            }
        }

        var catalogue = await ValueCatalogue.LoadAsync(context, cancellationToken).ConfigureAwait(false);
        foreach (var ((region, category, year), cells) in places)
        {
            foreach (var (cell, (sum, reports)) in cells)
            {
                change.Add(region, category, year, catalogue[cell], sum, reports);
            }
        }

        await change.ApplyAsync(context, provider, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Fills the rollup of a database that has current reports but no rollup yet.</summary>
    public static async Task EnsureBuiltAsync(GongkaiDbContext context, IDatabaseProvider provider, CancellationToken cancellationToken = default)
    {
        if (!await context.ValueTotals.AnyAsync(cancellationToken).ConfigureAwait(false)
            && await context.Reports.AnyAsync(r => r.IsCurrent, cancellationToken).ConfigureAwait(false))
        {
            await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await RebuildAsync(context, provider, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// An administrator's correction of an agency's category or region: its current reports move
    /// to the new nodes in the same transaction.
    /// </summary>
    public static async Task EditAgencyAsync(GongkaiDbContext context, IDatabaseProvider provider, AgencyEntity agency, AgencyCategory category, string region, CancellationToken cancellationToken = default)
    {
        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var change = new TotalsChange();
        await change.MoveAsync(context, [new AgencyMove(agency.Id, agency.Region, agency.Category, region, category)], cancellationToken).ConfigureAwait(false);
        agency.Category = category;
        agency.Region = region;
        agency.Edited = true;
        await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await change.ApplyAsync(context, provider, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A report's value set with where the report counts.</summary>
    internal sealed record Stated(string Region, AgencyCategory Category, int? Year, short[] Cells, decimal[] Values);

    /// <summary>The value sets of <paramref name="reports"/>, each with its agency's region and category (none: "" and Other).</summary>
    internal static IQueryable<Stated> StatedValues(GongkaiDbContext context, IQueryable<ReportEntity> reports) =>
        from v in context.ValueSets.AsNoTracking()
        join r in reports on v.ReportId equals r.Id
        select new Stated(
            r.Agency != null ? r.Agency.Region : string.Empty,
            r.Agency != null ? r.Agency.Category : AgencyCategory.Other,
            r.Year,
            v.Cells,
            v.Values);
}
