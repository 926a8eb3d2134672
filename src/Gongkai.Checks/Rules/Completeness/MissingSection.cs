using Gongkai.Model;
using Gongkai.Model.Templates;

namespace Gongkai.Checks.Rules.Completeness;

/// <summary>CMP1: one of the six sections (条例 第五十条) has no heading (2019 and 2021 formats).</summary>
internal sealed class MissingSection : IReportRule
{
    public RuleDescriptor Descriptor { get; } = new("CMP1", Severity.Warning, "缺少规定的章节", "条例 第五十条；国办公开办函〔2021〕30号");

    public IEnumerable<Finding> Check(AnnualReport report, CheckContext context)
    {
        if (!report.Template.HasTables)
        {
            yield break;
        }

        foreach (var section in TemplateCatalog.Sections.Where(s => report.Section(s.Number) is null))
        {
            yield return new Finding(Descriptor.Code, Descriptor.Severity, $"缺少第{"一二三四五六"[section.Number - 1]}部分“{section.Heading}”", FindingLocation.None);
        }
    }
}
