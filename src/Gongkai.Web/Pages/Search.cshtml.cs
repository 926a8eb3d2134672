using Gongkai.Search;
using Gongkai.Storage;
using Gongkai.Web.Reports;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages;

/// <summary>Full-text search over the reports' text, with highlighted snippets and the list's filters.</summary>
public sealed class SearchModel(ReportIndex index, Database database, GongkaiDbContext context) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public ReportFilter Filter { get; set; } = new();

    public IReadOnlyList<SearchResult> Results { get; private set; } = [];

    public int Total { get; private set; }

    public int Pages => Math.Max(1, (Total + ReportSearch.PageSize - 1) / ReportSearch.PageSize);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(Q))
        {
            (Results, Total) = await ReportSearch.RunAsync(Q, Filter, index, database, context, cancellationToken);
        }
    }

    public string PageLink(int page) => $"/search?q={Uri.EscapeDataString(Q ?? string.Empty)}&{Filter.ToQueryString(page)}";
}
