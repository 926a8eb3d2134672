using Gongkai.Storage;
using Gongkai.Storage.Entities;
using Gongkai.Storage.Totals;
using Gongkai.Web.Agencies;
using Gongkai.Web.Infrastructure;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Agencies;

/// <summary>One agency across its years: trends, each year's report, and the cross-year checks.</summary>
public sealed class DetailModel(GongkaiDbContext context, Database database, IOutputCacheStore cache) : PageModel
{
    public AgencyHistory History { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await AgencyHistory.LoadAsync(context, id, cancellationToken) is not { } history)
        {
            return NotFound();
        }

        History = history;
        return Page();
    }

    /// <summary>An administrator corrects the kind or region inferred from the name; later imports keep it.</summary>
    public async Task<IActionResult> OnPostAsync(int id, AgencyCategory category, string? region, CancellationToken cancellationToken)
    {
        if (User.Identity?.IsAuthenticated != true)
        {
            return Challenge();
        }

        var agency = await context.Agencies.FindAsync([id], cancellationToken);
        if (agency is null)
        {
            return NotFound();
        }

        await RegionTotals.EditAgencyAsync(context, database.Provider, agency, category, (region ?? string.Empty).Trim().Trim('/'), cancellationToken);
        await AggregateCache.EvictAsync(cache, cancellationToken);
        return RedirectToPage(new { id });
    }

    /// <summary>The trend chart's data: applications and outcomes as lines, review and litigation as bars.</summary>
    public object Trend() => new
    {
        years = History.Span,
        series = new object[]
        {
            new { name = "本年新收申请", kind = "line", values = History.Series(y => y.Received) },
            new { name = "办结（总计）", kind = "line", values = History.Series(y => y.Handled) },
            new { name = "予以公开", kind = "line", values = History.Series(y => y.Granted) },
            new { name = "部分公开", kind = "line", values = History.Series(y => y.PartiallyGranted) },
            new { name = "行政复议", kind = "bar", values = History.Series(y => y.Reconsideration) },
            new { name = "行政诉讼", kind = "bar", values = History.Series(y => y.Litigation) },
        },
    };
}
