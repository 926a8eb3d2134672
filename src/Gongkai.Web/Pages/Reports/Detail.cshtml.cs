using System.Text.Json.Nodes;
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
    public ReportEntity Report { get; private set; } = null!;

    public JsonObject Model { get; private set; } = null!;

    public IReadOnlyList<TableView> Tables { get; private set; } = [];

    public IReadOnlyList<JsonObject> Findings { get; private set; } = [];

    public IReadOnlyList<string> SourceLines { get; private set; } = [];

    public IReadOnlyList<ReportEntity> Versions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var report = await context.Reports.AsNoTracking().Include(r => r.Agency).Include(r => r.Document).Include(r => r.Source).FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (report is null)
        {
            return NotFound();
        }

        Report = report;
        Model = JsonNode.Parse(report.Document?.ModelJson ?? "{}")!.AsObject();
        Tables = ReportView.Tables(Model);
        Findings = [.. Model["findings"]!.AsArray().Select(f => f!.AsObject())];
        SourceLines = (SourceDecoder.Decode(report.Source?.Bytes ?? []) ?? string.Empty).Replace("\r", string.Empty, StringComparison.Ordinal).Split('\n');
        Versions = report.AgencyId is null || report.Year is null
            ? []
            : await context.Reports.AsNoTracking().Where(r => r.AgencyId == report.AgencyId && r.Year == report.Year).OrderBy(r => r.Version).ToListAsync(cancellationToken);
        return Page();
    }
}
