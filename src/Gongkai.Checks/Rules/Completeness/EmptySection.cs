using Gongkai.Model;

namespace Gongkai.Checks.Rules.Completeness;

/// <summary>CMP5: a section heading stands with nothing under it (its table or text was lost).</summary>
internal sealed class EmptySection : IReportRule
{
    public RuleDescriptor Descriptor { get; } = new("CMP5", Severity.Warning, "章节只有标题没有内容", "条例 第五十条");

    public IEnumerable<Finding> Check(AnnualReport report, CheckContext context) =>
        from section in report.Sections
        where string.IsNullOrWhiteSpace(section.Text)
        select new Finding(
            Descriptor.Code, Descriptor.Severity,
            $"“{section.Heading}”下没有任何内容（表格或文字缺失）",
            new FindingLocation(Span: section.Span));
}
