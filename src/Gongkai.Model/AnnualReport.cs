using Gongkai.Model.Templates;

namespace Gongkai.Model;

/// <summary>
/// One 政府信息公开工作年度报告 in the standard model. Anything the source does not state is null.
/// </summary>
public sealed record AnnualReport
{
    public Located<string>? Agency { get; init; }

    public AgencyKind AgencyKind { get; init; }

    public Located<int>? Year { get; init; }

    public Located<DateOnly>? Published { get; init; }

    public Located<DatePeriod>? StatisticalPeriod { get; init; }

    public Located<string>? IndexNumber { get; init; }

    /// <summary>The template generation the tables follow (or, without tables, the one the year calls for).</summary>
    public required TemplateDefinition Template { get; init; }

    /// <summary>How the generation was decided: "tables" (their labels) or "year" (no table to tell).</summary>
    public required string TemplateEvidence { get; init; }

    public IReadOnlyList<ReportSection> Sections { get; init; } = [];

    public StatTable? Active { get; init; }

    public StatTable? Requests { get; init; }

    public StatTable? Review { get; init; }

    public IReadOnlyList<NarrativeFigure> Narrative { get; init; } = [];

    /// <summary>Problems met while reading (ambiguous cells, debris, garbled text): findings too.</summary>
    public IReadOnlyList<Finding> ReadProblems { get; init; } = [];

    /// <summary>The normalised (simplified, NFKC, chrome-free) text; spans point into the decoded source instead.</summary>
    public string Text { get; init; } = string.Empty;

    /// <summary>Finds source spans for offsets into the full normalised text; null for reports built in code.</summary>
    public ITextLocator? Locator { get; init; }

    public ReportSection? Section(int number) => Sections.FirstOrDefault(s => s.Number == number);

    public StatTable? Table(string id) => id switch
    {
        Ids.Tables.Active => Active,
        Ids.Tables.Requests => Requests,
        Ids.Tables.Review => Review,
        _ => null,
    };

    public IEnumerable<StatTable> Tables()
    {
        if (Active is not null)
        {
            yield return Active;
        }

        if (Requests is not null)
        {
            yield return Requests;
        }

        if (Review is not null)
        {
            yield return Review;
        }
    }
}
