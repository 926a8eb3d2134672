using Gongkai.Storage;
using Gongkai.Web.Agencies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Agencies;

/// <summary>The agency registry: find an agency, then see its years.</summary>
public sealed class IndexModel(GongkaiDbContext context) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public AgencyFilter Filter { get; set; } = new();

    public IReadOnlyList<AgencyListItem> Items { get; private set; } = [];

    public int Total { get; private set; }

    public int Pages => Math.Max(1, (Total + AgencyFilter.PageSize - 1) / AgencyFilter.PageSize);

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        (Items, Total) = await Filter.RunAsync(context, cancellationToken);

    public string PageLink(int page) =>
        $"/agencies?name={Uri.EscapeDataString(Filter.Name ?? string.Empty)}&region={Uri.EscapeDataString(Filter.Region ?? string.Empty)}&kind={Filter.Kind}&page={page}";
}
