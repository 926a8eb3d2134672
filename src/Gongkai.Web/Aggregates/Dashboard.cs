using Gongkai.Model.Templates;
using Gongkai.Storage;
using Gongkai.Web.Reports;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Aggregates;

/// <summary>A named number of a chart; null when no selected report states it.</summary>
public sealed record Slice(string Name, decimal? Value);

/// <summary>One line or bar series over the report years.</summary>
public sealed record Series(string Name, string Kind, IReadOnlyList<decimal?> Values);

/// <summary>A report of the selection that is late or does not add up.</summary>
public sealed record ProblemReport(int Id, string? Agency, int? Year, DateOnly? Published, bool? Late, int Errors);

/// <summary>
/// The region dashboard over a selection: tables 三 and 四 summed, the outcome mix, the grounds of
/// 不予公开, applications and litigation over the years, and the reports that are late or broken.
/// </summary>
public sealed record Dashboard(
    SelectionTotals Totals, int Agencies, int Late, int WithErrors,
    IReadOnlyList<Slice> Outcomes, IReadOnlyList<Slice> DenialReasons, IReadOnlyList<int> Years, IReadOnlyList<Series> Trend,
    IReadOnlyList<ProblemReport> Problems)
{
    public const int ProblemLimit = 100;

    public static async Task<Dashboard> ComputeAsync(ReportFilter filter, GongkaiDbContext context, CancellationToken cancellationToken)
    {
        var totals = await SelectionTotals.ComputeAsync(filter, context, cancellationToken).ConfigureAwait(false);
        var selected = filter.Selected(context);
        var agencies = await selected.Where(r => r.AgencyId != null).Select(r => r.AgencyId).Distinct().CountAsync(cancellationToken).ConfigureAwait(false);
        var late = await selected.CountAsync(r => r.Late == true, cancellationToken).ConfigureAwait(false);
        var withErrors = await selected.CountAsync(r => r.Errors > 0, cancellationToken).ConfigureAwait(false);
        var problems = await selected.Where(r => r.Late == true || r.Errors > 0)
            .OrderByDescending(r => r.Errors).ThenByDescending(r => r.Year).ThenBy(r => r.Id)
            .Take(ProblemLimit)
            .Select(r => new ProblemReport(r.Id, r.Agency != null ? r.Agency.Name : null, r.Year, r.Published, r.Late, r.Errors))
            .ToListAsync(cancellationToken).ConfigureAwait(false);

        var requests = TemplateCatalog.V2021.Table(Ids.Tables.Requests)!;
        decimal? Total(string row) => totals.Value(Ids.Tables.Requests, row, Ids.Requests.TotalColumn);

        // The outcome mix in the 2021 grouping; a 2019 report's single (六)其他处理 row joins its group.
        var outcomes = new List<Slice>();
        foreach (var row in requests.Rows.Where(r => r.Role == RowRole.Outcome && r.Group == "outcomes"))
        {
            outcomes.Add(new Slice(ShortLabel(row.Label), Total(row.Id)));
        }

        foreach (var group in requests.Groups.Where(g => g.Parent == "outcomes"))
        {
            var members = requests.Rows.Where(r => r.Group == group.Id).Select(r => Total(r.Id)).ToList();
            if (group.Id == "otherHandling")
            {
                members.Add(totals.UnsplitOtherHandling);
            }

            outcomes.Add(new Slice(group.Label, Stated.Sum(members)));
        }

        var denial = requests.Rows.Where(r => r.Group == "denied").Select(r => new Slice(r.Label, Total(r.Id))).ToList();

        decimal? Review(int year, string group) => totals.Value(year, Ids.Tables.Review, group, Ids.Review.Total);
        // Every year from the first to the last, so that a year without reports shows as a gap.
        IReadOnlyList<int> years = totals.Years.Count == 0 ? [] : [.. Enumerable.Range(totals.Years[0], totals.Years[^1] - totals.Years[0] + 1)];
        var trend = new List<Series>
        {
            new("本年新收申请", "line", [.. years.Select(y => totals.Value(y, Ids.Tables.Requests, Ids.Requests.NewReceived, Ids.Requests.TotalColumn))]),
            new("办结（总计）", "line", [.. years.Select(y => totals.Value(y, Ids.Tables.Requests, Ids.Requests.Total, Ids.Requests.TotalColumn))]),
            new("行政复议", "bar", [.. years.Select(y => Review(y, "reconsideration"))]),
            new("行政诉讼", "bar", [.. years.Select(y => Stated.Litigation(group => Review(y, group)))]),
        };

        return new Dashboard(totals, agencies, late, withErrors, outcomes, denial, years, trend, problems);
    }

    /// <summary>A row label without its parenthesised note: 部分公开（区分处理的，…） → 部分公开.</summary>
    private static string ShortLabel(string label) => label.Split('（', '(')[0];
}
