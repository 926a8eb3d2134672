using Gongkai.Storage;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages;

/// <summary>Home: what the corpus holds and the newest findings.</summary>
public sealed class IndexModel(GongkaiDbContext context) : PageModel
{
    public int Reports { get; private set; }

    public int Agencies { get; private set; }

    public int? FirstYear { get; private set; }

    public int? LastYear { get; private set; }

    public int WithErrors { get; private set; }

    public int Late { get; private set; }

    public IReadOnlyList<NewestFinding> Newest { get; private set; } = [];

    public sealed record NewestFinding(int ReportId, string? Agency, int? Year, string Code, string Severity, string Message);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var current = context.Reports.AsNoTracking().Where(r => r.IsCurrent);
        Reports = await current.CountAsync(cancellationToken);
        Agencies = await context.Agencies.CountAsync(cancellationToken);
        FirstYear = await current.MinAsync(r => r.Year, cancellationToken);
        LastYear = await current.MaxAsync(r => r.Year, cancellationToken);
        WithErrors = await current.CountAsync(r => r.Errors > 0, cancellationToken);
        Late = await current.CountAsync(r => r.Late == true, cancellationToken);
        Newest = await (
            from f in context.Findings.AsNoTracking()
            join r in current on f.ReportId equals r.Id
            where f.Severity != "info"
            orderby r.Id descending, f.Id descending
            select new NewestFinding(r.Id, r.Agency != null ? r.Agency.Name : null, r.Year, f.Code, f.Severity, f.Message))
            .Take(15).ToListAsync(cancellationToken);
    }
}
