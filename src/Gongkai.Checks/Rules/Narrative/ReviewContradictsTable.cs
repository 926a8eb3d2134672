using Gongkai.Model;
using Gongkai.Model.Templates;

namespace Gongkai.Checks.Rules.Narrative;

/// <summary>NAR2: the prose says there was no 行政复议/行政诉讼 but 表四 counts some.</summary>
internal sealed class ReviewContradictsTable : IReportRule
{
    public RuleDescriptor Descriptor { get; } = new("NAR2", Severity.Warning, "正文称无行政复议、行政诉讼，但表四有案件", "评估报告常见问题：正文与表格矛盾");

    public IEnumerable<Finding> Check(AnnualReport report, CheckContext context)
    {
        var figure = report.Narrative.FirstOrDefault(f => f.Id == "reviewCases");
        if (figure is null || report.Review is not { } review)
        {
            yield break;
        }

        var cases = review.Definition.Rows.Sum(r => review.Value(r.Id, Ids.Review.Total) ?? 0);
        if (cases > 0)
        {
            yield return new Finding(
                Descriptor.Code, Descriptor.Severity,
                $"正文称“{figure.Raw}”，但表四各组总计共{Labels.Number(cases)}件",
                new FindingLocation(Ids.Tables.Review, Span: figure.Span));
        }
    }
}
