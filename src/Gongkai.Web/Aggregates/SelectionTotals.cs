using System.Runtime.InteropServices;
using Gongkai.Model.Templates;
using Gongkai.Storage;
using Gongkai.Storage.Totals;
using Gongkai.Storage.Values;
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

    /// <summary>
    /// The sums from the rollup when the filter only selects by region, kind and year (what the
    /// rollup is grouped by), else from the values of the selected reports.
    /// </summary>
    public static Task<SelectionTotals> ComputeAsync(ReportFilter filter, GongkaiDbContext context, CancellationToken cancellationToken) =>
        filter.SelectsByRegionKindAndYearOnly
            ? FromRollupAsync(filter, context, cancellationToken)
            : FromValuesAsync(filter, context, cancellationToken);

    /// <summary>Sums the stated values of every selected report: any filter, cost grows with the selection.</summary>
    public static async Task<SelectionTotals> FromValuesAsync(ReportFilter filter, GongkaiDbContext context, CancellationToken cancellationToken)
    {
        var reports = filter.Selected(context);
        var count = await reports.CountAsync(cancellationToken).ConfigureAwait(false);
        var sets =
            from v in context.ValueSets.AsNoTracking()
            join r in reports on v.ReportId equals r.Id
            select new { r.Year, v.Cells, v.Values };

        // Summed by year and cell id as the sets stream by; the catalogue is read after them, so it knows every id they use.
        var byCell = new Dictionary<(int? Year, short Cell), decimal>();
        await foreach (var set in sets.AsAsyncEnumerable().WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            for (var i = 0; i < set.Cells.Length; i++)
            {
                ref var sum = ref CollectionsMarshal.GetValueRefOrAddDefault(byCell, (set.Year, set.Cells[i]), out _);
                sum += set.Values[i];
            }
        }

        var catalogue = await ValueCatalogue.LoadAsync(context, cancellationToken).ConfigureAwait(false);
        var sums = new List<Sum>();
        foreach (var ((year, id), value) in byCell)
        {
            var cell = catalogue[id];
            if (cell.Table is Ids.Tables.Requests or Ids.Tables.Review)
            {
                sums.Add(new Sum(year, cell.Table, cell.Row, cell.Column, value));
            }
        }

        return Build(count, sums);
    }

    /// <summary>
    /// Adds up the rollup rows of the region nodes covering the filter's region: a few thousand rows
    /// whatever the number of reports. Only for filters by region, kind and year.
    /// </summary>
    public static async Task<SelectionTotals> FromRollupAsync(ReportFilter filter, GongkaiDbContext context, CancellationToken cancellationToken)
    {
        if (!filter.SelectsByRegionKindAndYearOnly)
        {
            throw new ArgumentException("The rollup is grouped by region, kind and year only.", nameof(filter));
        }

        var count = await filter.Selected(context).CountAsync(cancellationToken).ConfigureAwait(false);
        var region = string.IsNullOrWhiteSpace(filter.Region) ? string.Empty : filter.Region;
        var regions = region.Length == 0 ? [] : await context.Agencies.Select(a => a.Region).Distinct().ToListAsync(cancellationToken).ConfigureAwait(false);
        var nodes = RegionTotals.Covering(regions, region);
        var rows = context.ValueTotals.AsNoTracking()
            .Where(t => nodes.Contains(t.Region) && (t.TableId == Ids.Tables.Requests || t.TableId == Ids.Tables.Review));
        if (filter.Kind is { } kind)
        {
            rows = rows.Where(t => t.Category == kind);
        }

        // The rollup files reports of unknown year under 0; a year filter leaves them out, as it does reports.
        if (filter.Year is { } year)
        {
            rows = rows.Where(t => t.Year == year);
        }

        if (filter.YearFrom is { } from)
        {
            rows = rows.Where(t => t.Year >= from && t.Year != 0);
        }

        if (filter.YearTo is { } to)
        {
            rows = rows.Where(t => t.Year <= to && t.Year != 0);
        }

        var sums = await rows
            .GroupBy(t => new { t.Year, t.TableId, t.RowId, t.ColumnId })
            .Select(g => new { g.Key.Year, g.Key.TableId, g.Key.RowId, g.Key.ColumnId, Sum = g.Sum(t => t.Sum) })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return Build(count, [.. sums.Select(s => new Sum(s.Year == 0 ? null : s.Year, s.TableId, s.RowId, s.ColumnId, s.Sum))]);
    }

    private sealed record Sum(int? Year, string TableId, string RowId, string ColumnId, decimal Value);

    private static SelectionTotals Build(int reports, List<Sum> sums)
    {
        var totals = new SelectionTotals(reports);
        foreach (var s in sums)
        {
            var key = (s.TableId, s.RowId, s.ColumnId);
            totals._totals[key] = totals._totals.GetValueOrDefault(key) + s.Value;
            if (s.Year is { } year)
            {
                totals._byYear[(year, s.TableId, s.RowId, s.ColumnId)] = s.Value;
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
