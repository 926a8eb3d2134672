using Gongkai.Checks.CrossYear;
using Gongkai.Model.Templates;
using Gongkai.Storage;
using Gongkai.Storage.Entities;
using Gongkai.Web.Aggregates;
using Gongkai.Web.Reports;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Agencies;

/// <summary>One year of an agency: its current report and the figures the trend charts draw.</summary>
public sealed record AgencyYear(
    int ReportId, int Year, int Version, string Template, DateOnly? Published, bool? Late, int Errors, int Warnings,
    decimal? Received, decimal? CarriedOver, decimal? Handled, decimal? CarriedForward, decimal? Granted, decimal? PartiallyGranted,
    decimal? Reconsideration, decimal? Litigation);

/// <summary>A cross-year finding (XY1, XY2) on the report of <see cref="Year"/>.</summary>
public sealed record AgencyYearFinding(int Year, int ReportId, string Code, string Severity, string Message, string? Table, string? Row, string? Column);

/// <summary>
/// An agency across its years: one current report per year, the trend figures, and the cross-year
/// checks (表三 上年结转 of year N against 结转下年度 of year N−1).
/// </summary>
public sealed record AgencyHistory(AgencyEntity Agency, IReadOnlyList<AgencyYear> Years, IReadOnlyList<AgencyYearFinding> CrossYear, int OlderVersions)
{
    /// <summary>Every year from the first report to the last, gaps included: the trend charts' axis.</summary>
    public IReadOnlyList<int> Span => Years.Count == 0 ? [] : [.. Enumerable.Range(Years[0].Year, Years[^1].Year - Years[0].Year + 1)];

    /// <summary>The years between the first and the last report that have no report.</summary>
    public IReadOnlyList<int> MissingYears => [.. Span.Except(Years.Select(y => y.Year))];

    /// <summary>
    /// One figure per year of <see cref="Span"/>: null for a year without a report (the chart leaves
    /// a gap there rather than drawing the years on either side as neighbours).
    /// </summary>
    public IReadOnlyList<decimal?> Series(Func<AgencyYear, decimal?> figure)
    {
        var byYear = Years.ToDictionary(y => y.Year);
        return [.. Span.Select(year => byYear.TryGetValue(year, out var y) ? figure(y) : null)];
    }

    public static async Task<AgencyHistory?> LoadAsync(GongkaiDbContext context, int agencyId, CancellationToken cancellationToken)
    {
        var agency = await context.Agencies.AsNoTracking().FirstOrDefaultAsync(a => a.Id == agencyId, cancellationToken).ConfigureAwait(false);
        if (agency is null)
        {
            return null;
        }

        var reports = await context.Reports.AsNoTracking()
            .Where(r => r.AgencyId == agencyId && r.IsCurrent && r.Year != null)
            .OrderBy(r => r.Year).ThenByDescending(r => r.Id)
            .Select(r => new { r.Id, Year = r.Year!.Value, r.Version, r.Template, r.Published, r.Late, r.Errors, r.Warnings })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var olderVersions = await context.Reports.CountAsync(r => r.AgencyId == agencyId && !r.IsCurrent, cancellationToken).ConfigureAwait(false);

        // Two current reports of one year can only come from two titles that normalise alike; the newest import speaks for the year.
        var perYear = reports.GroupBy(r => r.Year).Select(g => g.First()).ToList();
        var ids = perYear.Select(r => r.Id).ToList();
        var byReport = await StoredValues.LoadAsync(context, ids, cancellationToken).ConfigureAwait(false);

        var stated = perYear.Select(r => new StatedValues(r.Year, r.Template, byReport.GetValueOrDefault(r.Id) ?? new Dictionary<(string, string, string), decimal>())).ToList();
        var years = perYear.Zip(stated, (r, s) => new AgencyYear(
            r.Id, r.Year, r.Version, r.Template, r.Published, r.Late, r.Errors, r.Warnings,
            Received: Requests(s, Ids.Requests.NewReceived),
            CarriedOver: Requests(s, Ids.Requests.CarriedOver),
            Handled: Requests(s, Ids.Requests.Total),
            CarriedForward: Requests(s, Ids.Requests.CarriedForward),
            Granted: Requests(s, "granted"),
            PartiallyGranted: Requests(s, "partiallyGranted"),
            Reconsideration: s.Value(Ids.Tables.Review, "reconsideration", Ids.Review.Total),
            Litigation: Stated.Litigation(group => s.Value(Ids.Tables.Review, group, Ids.Review.Total))))
            .ToList();

        var reportOfYear = perYear.ToDictionary(r => r.Year, r => r.Id);
        var crossYear = CrossYearChecker.Check(stated)
            .Select(f => new AgencyYearFinding(
                f.Year, reportOfYear[f.Year], f.Finding.Code, f.Finding.Severity.ToString().ToLowerInvariant(), f.Finding.Message,
                f.Finding.Location.Table, f.Finding.Location.Row, f.Finding.Location.Column))
            .ToList();
        return new AgencyHistory(agency, years, crossYear, olderVersions);
    }

    private static decimal? Requests(StatedValues values, string row) => values.Value(Ids.Tables.Requests, row, Ids.Requests.TotalColumn);
}
