using Gongkai.Storage;
using Gongkai.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Agencies;

/// <summary>The agency registry's filters and page, bound from the query string.</summary>
public sealed record AgencyFilter
{
    public const int PageSize = 50;

    /// <summary>Part of the name.</summary>
    public string? Name { get; init; }

    /// <summary>A region path prefix: 四川省/资阳市.</summary>
    public string? Region { get; init; }

    public AgencyCategory? Kind { get; init; }

    public int? Page { get; init; }

    public int PageNumber => Math.Max(1, Page ?? 1);

    public async Task<(List<AgencyListItem> Items, int Total)> RunAsync(GongkaiDbContext context, CancellationToken cancellationToken)
    {
        var query = Selected(context);
        var total = await query.CountAsync(cancellationToken).ConfigureAwait(false);
        var items = await Items(query).Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken).ConfigureAwait(false);
        return (items, total);
    }

    /// <summary>Every agency the filters select, not paged (for exports).</summary>
    public Task<List<AgencyListItem>> AllAsync(GongkaiDbContext context, CancellationToken cancellationToken) =>
        Items(Selected(context)).ToListAsync(cancellationToken);

    private IQueryable<AgencyEntity> Selected(GongkaiDbContext context)
    {
        var query = context.Agencies.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Name))
        {
            query = query.Where(a => a.Name.Contains(Name));
        }

        if (!string.IsNullOrWhiteSpace(Region))
        {
            query = query.InRegion(context, Region);
        }

        if (Kind is { } kind)
        {
            query = query.Where(a => a.Category == kind);
        }

        return query;
    }

    private static IQueryable<AgencyListItem> Items(IQueryable<AgencyEntity> agencies) =>
        agencies.OrderBy(a => a.Region).ThenBy(a => a.Name)
            .Select(a => new AgencyListItem(
                a.Id, a.Name, a.Region, a.Category,
                a.Reports.Count(r => r.IsCurrent),
                a.Reports.Where(r => r.IsCurrent).Min(r => r.Year),
                a.Reports.Where(r => r.IsCurrent).Max(r => r.Year),
                a.Reports.Count(r => r.IsCurrent && r.Errors > 0)));
}

/// <summary>One row of the agency list.</summary>
public sealed record AgencyListItem(int Id, string Name, string Region, AgencyCategory Kind, int Reports, int? FirstYear, int? LastYear, int WithErrors);
