using Gongkai.Storage;
using Gongkai.Web.Reports;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Reports;

/// <summary>The report list: filters, sort, pages.</summary>
public sealed class IndexModel(GongkaiDbContext context) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public ReportFilter Filter { get; set; } = new();

    public IReadOnlyList<ReportListItem> Items { get; private set; } = [];

    public int Total { get; private set; }

    public int Pages => Math.Max(1, (Total + ReportFilter.PageSize - 1) / ReportFilter.PageSize);

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        (Items, Total) = await Filter.RunAsync(context, cancellationToken);

    public string PageLink(int page) => "/reports?" + Filter.ToQueryString(page);
}
