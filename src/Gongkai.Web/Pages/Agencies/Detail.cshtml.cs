using Gongkai.Storage;
using Gongkai.Web.Agencies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Agencies;

/// <summary>One agency across its years: trends, each year's report, and the cross-year checks.</summary>
public sealed class DetailModel(GongkaiDbContext context) : PageModel
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

    /// <summary>The trend chart's data: applications and outcomes as lines, review and litigation as bars.</summary>
    public object Trend() => new
    {
        years = History.Years.Select(y => y.Year),
        series = new object[]
        {
            new { name = "本年新收申请", kind = "line", values = History.Years.Select(y => y.Received) },
            new { name = "办结（总计）", kind = "line", values = History.Years.Select(y => y.Handled) },
            new { name = "予以公开", kind = "line", values = History.Years.Select(y => y.Granted) },
            new { name = "部分公开", kind = "line", values = History.Years.Select(y => y.PartiallyGranted) },
            new { name = "行政复议", kind = "bar", values = History.Years.Select(y => y.Reconsideration) },
            new { name = "行政诉讼", kind = "bar", values = History.Years.Select(y => y.Litigation) },
        },
    };
}
