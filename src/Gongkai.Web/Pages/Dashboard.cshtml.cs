using Gongkai.Model.Templates;
using Gongkai.Storage;
using Gongkai.Web.Aggregates;
using Gongkai.Web.Infrastructure;
using Gongkai.Web.Reports;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages;

/// <summary>The region dashboard: tables 三 and 四 summed over any selection, charts, problem reports.</summary>
[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = AggregateCache.Policy)]
public sealed class DashboardModel(GongkaiDbContext context) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public ReportFilter Filter { get; set; } = new();

    public Dashboard Dashboard { get; private set; } = null!;

    public IReadOnlyList<TableView> Tables { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Dashboard = await Dashboard.ComputeAsync(Filter, context, cancellationToken);
        var totals = Dashboard.Totals;
        Tables =
        [
            ReportView.Sums(TemplateCatalog.V2021.Table(Ids.Tables.Requests)!, totals.Cells(Ids.Tables.Requests)),
            ReportView.Sums(TemplateCatalog.V2021.Table(Ids.Tables.Review)!, totals.Cells(Ids.Tables.Review)),
        ];
    }
}
