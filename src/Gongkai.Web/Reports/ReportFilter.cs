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

    public string? Template { get; init; }

    public string? Code { get; init; }

    public bool? Errors { get; init; }

    public bool? Late { get; init; }

    /// <summary>year (default, newest first), agency, published, errors.</summary>
    public string? Sort { get; init; }

    /// <summary>1-based; absent means the first page.</summary>
    public int? Page { get; init; }

    public int PageNumber => Math.Max(1, Page ?? 1);

    /// <summary>Current versions matching the filters, sorted.</summary>
    public IQueryable<ReportEntity> Apply(GongkaiDbContext context)
    {
        var query = context.Reports.AsNoTracking().Where(r => r.IsCurrent);
        if (!string.IsNullOrWhiteSpace(Region))
        {
            query = query.Where(r => r.Agency != null && r.Agency.Region.StartsWith(Region));
        }

        if (!string.IsNullOrWhiteSpace(Agency))
        {
            query = query.Where(r => r.Agency != null && r.Agency.Name.Contains(Agency));
        }

        if (Year is { } year)
        {
            query = query.Where(r => r.Year == year);
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

        return Sort switch
        {
            "agency" => query.OrderBy(r => r.Agency!.Name).ThenByDescending(r => r.Year),
            "published" => query.OrderByDescending(r => r.Published).ThenBy(r => r.Id),
            "errors" => query.OrderByDescending(r => r.Errors).ThenByDescending(r => r.Warnings),
            _ => query.OrderByDescending(r => r.Year).ThenBy(r => r.Agency!.Name),
        };
    }

    /// <summary>The selected reports as list rows, sorted, not paged.</summary>
    public IQueryable<ReportListItem> Items(GongkaiDbContext context) =>
        Apply(context).Select(r => new ReportListItem(r.Id, r.Agency != null ? r.Agency.Name : null, r.Agency != null ? r.Agency.Region : null, r.Year, r.Template, r.Published, r.Late, r.Errors, r.Warnings, r.Version, r.FileName));

    /// <summary>One page of the list, and how many reports the filters select in all.</summary>
    public async Task<(List<ReportListItem> Items, int Total)> RunAsync(GongkaiDbContext context, CancellationToken cancellationToken)
    {
        var total = await Apply(context).CountAsync(cancellationToken).ConfigureAwait(false);
        var items = await Items(context).Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken).ConfigureAwait(false);
        return (items, total);
    }
}

/// <summary>One row of the report list.</summary>
public sealed record ReportListItem(int Id, string? Agency, string? Region, int? Year, string Template, DateOnly? Published, bool? Late, int Errors, int Warnings, int Version, string FileName);
