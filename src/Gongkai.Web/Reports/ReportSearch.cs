using Gongkai.Search;
using Gongkai.Storage;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Reports;

/// <summary>A search result: the report's list row and its snippets.</summary>
public sealed record SearchResult(ReportListItem Report, IReadOnlyList<Snippet> Snippets);

/// <summary>
/// Full-text search with the report list's filters: the index ranks report versions by the text,
/// the database keeps the current versions the filters select, in the index's order.
/// </summary>
public static class ReportSearch
{
    /// <summary>How many ranked hits the index is asked for before filtering.</summary>
    public const int MaxHits = 2000;

    public const int PageSize = 20;

    public static async Task<(List<SearchResult> Results, int Total)> RunAsync(
        string query, ReportFilter filter, ReportIndex index, Database database, GongkaiDbContext context, CancellationToken cancellationToken)
    {
        await index.SyncAsync(database, cancellationToken).ConfigureAwait(false);
        var hits = index.Search(query, MaxHits);
        if (hits.Count == 0)
        {
            return ([], 0);
        }

        var ids = hits.Select(h => h.ReportId).ToList();
        var rows = await filter.Items(context, ids).ToListAsync(cancellationToken).ConfigureAwait(false);
        var byId = rows.ToDictionary(r => r.Id);
        var ranked = hits.Where(h => byId.ContainsKey(h.ReportId)).ToList();
        var page = ranked.Skip((filter.PageNumber - 1) * PageSize).Take(PageSize)
            .Select(h => new SearchResult(byId[h.ReportId], h.Snippets)).ToList();
        return (page, ranked.Count);
    }
}
