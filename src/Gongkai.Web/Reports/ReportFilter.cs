using Gongkai.Storage;
using Gongkai.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Reports;

/// <summary>The report list's filters, sort and page, bound from the query string.</summary>
public sealed record ReportFilter
{
    public const int PageSize = 50;

    public string? Region { get; init; }

    public string? Agency { get; init; }

    public int? Year { get; init; }

    /// <summary>First report year of a range (inclusive).</summary>
    public int? YearFrom { get; init; }

    /// <summary>Last report year of a range (inclusive).</summary>
    public int? YearTo { get; init; }

    /// <summary>The agency's kind: government, department, township, other.</summary>
    public AgencyCategory? Kind { get; init; }

    /// <summary>One agency of the registry.</summary>
    public int? AgencyId { get; init; }

    public string? Template { get; init; }

    public string? Code { get; init; }

    public bool? Errors { get; init; }

    public bool? Late { get; init; }

    /// <summary>year (default, newest first), agency, published, errors.</summary>
    public string? Sort { get; init; }

    /// <summary>1-based; absent means the first page.</summary>
    public int? Page { get; init; }

    public int PageNumber => Math.Max(1, Page ?? 1);

    /// <summary>
    /// True when only region, kind and years select: what the dashboards' rollup is grouped by.
    /// (Reports without an agency count under kind Other at the root, so kind Other with no
    /// region, which the report query does not match to them, is left to the reports.)
    /// </summary>
    public bool SelectsByRegionKindAndYearOnly =>
        string.IsNullOrWhiteSpace(Agency) && AgencyId is null && string.IsNullOrWhiteSpace(Template) && string.IsNullOrWhiteSpace(Code)
        && Errors is null && Late is null
        && !(Kind == AgencyCategory.Other && string.IsNullOrWhiteSpace(Region));

    /// <summary>Current versions matching the filters, sorted.</summary>
    public IQueryable<ReportEntity> Apply(GongkaiDbContext context)
    {
        var query = Selected(context);
        return Sort switch
        {
            "agency" => query.OrderBy(r => r.Agency!.Name).ThenByDescending(r => r.Year),
            "published" => query.OrderByDescending(r => r.Published).ThenBy(r => r.Id),
            "errors" => query.OrderByDescending(r => r.Errors).ThenByDescending(r => r.Warnings),
            _ => query.OrderByDescending(r => r.Year).ThenBy(r => r.Agency!.Name),
        };
    }

    /// <summary>
    /// Current versions matching the filters, in no particular order (for counts and sums). The
    /// agency filters (region, name, kind) select agency ids first, so the reports are found through
    /// their agency index instead of a scan of every report joined to its agency.
    /// </summary>
    public IQueryable<ReportEntity> Selected(GongkaiDbContext context)
    {
        var query = context.Reports.AsNoTracking().Where(r => r.IsCurrent);
        if (Agencies(context) is { } agencies)
        {
            var ids = agencies.Select(a => a.Id);
            query = query.Where(r => r.AgencyId != null && ids.Contains(r.AgencyId.Value));
        }

        if (Year is { } year)
        {
            query = query.Where(r => r.Year == year);
        }

        if (YearFrom is { } from)
        {
            query = query.Where(r => r.Year >= from);
        }

        if (YearTo is { } to)
        {
            query = query.Where(r => r.Year <= to);
        }

        if (AgencyId is { } agencyId)
        {
            query = query.Where(r => r.AgencyId == agencyId);
        }

        if (!string.IsNullOrWhiteSpace(Template))
        {
            query = query.Where(r => r.Template == Template);
        }

        if (!string.IsNullOrWhiteSpace(Code))
        {
            query = query.Where(r => r.Findings.Any(f => f.Code == Code));
        }

        if (Errors is { } errors)
        {
            query = errors ? query.Where(r => r.Errors > 0) : query.Where(r => r.Errors == 0);
        }

        if (Late is { } late)
        {
            query = query.Where(r => r.Late == late);
        }

        return query;
    }

    /// <summary>The filters (and a page) as a query string, without the leading '?'.</summary>
    public string ToQueryString(int? page = null) =>
        string.Join('&', new Dictionary<string, string?>
        {
            ["region"] = Region, ["agency"] = Agency, ["agencyId"] = Invariant(AgencyId), ["kind"] = Kind?.ToString(),
            ["year"] = Invariant(Year), ["yearFrom"] = Invariant(YearFrom), ["yearTo"] = Invariant(YearTo),
            ["template"] = Template, ["code"] = Code, ["errors"] = Errors?.ToString().ToLowerInvariant(),
            ["late"] = Late?.ToString().ToLowerInvariant(), ["sort"] = Sort, ["page"] = Invariant(page),
        }.Where(p => !string.IsNullOrEmpty(p.Value)).Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value!)}"));

    private static string? Invariant(int? value) => value?.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The selected reports as list rows, sorted, not paged.</summary>
    public IQueryable<ReportListItem> Items(GongkaiDbContext context) => ToItems(Apply(context));

    /// <summary>The current versions among the reports <paramref name="ids"/> that match the filters, as list rows, in no order.</summary>
    public IQueryable<ReportListItem> Items(GongkaiDbContext context, IReadOnlyCollection<int> ids) => ToItems(Selected(context).Where(r => ids.Contains(r.Id)));

    private static IQueryable<ReportListItem> ToItems(IQueryable<ReportEntity> reports) =>
        reports.Select(r => new ReportListItem(r.Id, r.Agency != null ? r.Agency.Name : null, r.Agency != null ? r.Agency.Region : null, r.AgencyId, r.Year, r.Template, r.Published, r.Late, r.Errors, r.Warnings, r.Version, r.FileName));

    /// <summary>One page of the list, and how many reports the filters select in all.</summary>
    public async Task<(List<ReportListItem> Items, int Total)> RunAsync(GongkaiDbContext context, CancellationToken cancellationToken)
    {
        var total = await Selected(context).CountAsync(cancellationToken).ConfigureAwait(false);
        var items = await Items(context).Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken).ConfigureAwait(false);
        return (items, total);
    }

    /// <summary>The agencies the region, name and kind filters allow; null when none of them is set.</summary>
    private IQueryable<AgencyEntity>? Agencies(GongkaiDbContext context)
    {
        if (string.IsNullOrWhiteSpace(Region) && string.IsNullOrWhiteSpace(Agency) && Kind is null)
        {
            return null;
        }

        var agencies = context.Agencies.AsQueryable();
        if (!string.IsNullOrWhiteSpace(Region))
        {
            agencies = agencies.InRegion(context, Region);
        }

        if (!string.IsNullOrWhiteSpace(Agency))
        {
            agencies = agencies.Where(a => a.Name.Contains(Agency));
        }

        if (Kind is { } kind)
        {
            agencies = agencies.Where(a => a.Category == kind);
        }

        return agencies;
    }
}

/// <summary>One row of the report list.</summary>
public sealed record ReportListItem(int Id, string? Agency, string? Region, int? AgencyId, int? Year, string Template, DateOnly? Published, bool? Late, int Errors, int Warnings, int Version, string FileName);
