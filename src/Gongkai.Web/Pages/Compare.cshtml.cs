using Gongkai.Storage;
using Gongkai.Web.Reports;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages;

/// <summary>Two or more reports side by side, their differences highlighted.</summary>
public sealed class CompareModel(GongkaiDbContext context) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public List<int> Ids { get; set; } = [];

    /// <summary>Show only the cells whose values differ.</summary>
    [BindProperty(SupportsGet = true)]
    public bool DiffOnly { get; set; }

    public Comparison Comparison { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Comparison = await Comparison.LoadAsync(context, Ids, cancellationToken);
}
