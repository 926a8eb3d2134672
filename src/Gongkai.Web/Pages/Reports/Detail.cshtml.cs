using Gongkai.Ingestion;
using Gongkai.Storage;
using Gongkai.Storage.Entities;
using Gongkai.Web.Reports;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages.Reports;

/// <summary>
/// One report: its tables in the official layout with each finding marked on its cells, the
/// findings list, and the source beside it (always shown as text, never as live markup).
/// </summary>
public sealed class DetailModel(GongkaiDbContext context) : PageModel
{
    /// <summary>
    /// The report with its agency, stored model and source bytes (not its text), and how many
    /// versions its agency and year have: one compiled query.
    /// </summary>
    private static readonly Func<GongkaiDbContext, int, CancellationToken, Task<Stored?>> Load =
        EF.CompileAsyncQuery((GongkaiDbContext c, int id, CancellationToken _) => c.Reports.AsNoTracking()
            .Where(r => r.Id == id)
            .Select(r => new Stored(
                r,
                r.Agency,
                r.Document!.ModelJson,
                r.Source!.Bytes,
                r.AgencyId != null && r.Year != null ? c.Reports.Count(o => o.AgencyId == r.AgencyId && o.Year == r.Year) : 1))
            .FirstOrDefault());

    private static readonly Func<GongkaiDbContext, int, int, IAsyncEnumerable<ReportEntity>> VersionsOf =
        EF.CompileAsyncQuery<GongkaiDbContext, int, int, ReportEntity>((c, agencyId, year) => c.Reports.AsNoTracking()
            .Where(r => r.AgencyId == agencyId && r.Year == year).OrderBy(r => r.Version));

    public ReportEntity Report { get; private set; } = null!;

    public AgencyEntity? Agency { get; private set; }

    public ReportPageView View { get; private set; } = null!;

    public IReadOnlyList<string> SourceLines { get; private set; } = [];

    public IReadOnlyList<ReportEntity> Versions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await Load(context, id, cancellationToken) is not { } stored)
        {
            return NotFound();
        }

        Report = stored.Report;
        Agency = stored.Agency;
        View = ReportView.Read(stored.ModelJson ?? "{}");
        SourceLines = (SourceDecoder.Decode(stored.Source ?? []) ?? string.Empty).Replace("\r", string.Empty, StringComparison.Ordinal).Split('\n');
        // Most reports have one version: their list is asked for only when there are others.
        if (stored.Versions > 1 && Report is { AgencyId: { } agencyId, Year: { } year })
        {
            var versions = new List<ReportEntity>();
            await foreach (var version in VersionsOf(context, agencyId, year).WithCancellation(cancellationToken))
            {
                versions.Add(version);
            }

            Versions = versions;
        }

        return Page();
    }

    private sealed record Stored(ReportEntity Report, AgencyEntity? Agency, string? ModelJson, byte[]? Source, int Versions);
}
