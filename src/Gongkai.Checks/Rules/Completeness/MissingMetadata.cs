using Gongkai.Model;

namespace Gongkai.Checks.Rules.Completeness;

/// <summary>CMP4: the report does not state who issued it, for which year, or when it was published.</summary>
internal sealed class MissingMetadata : IReportRule
{
    public RuleDescriptor Descriptor { get; } = new("CMP4", Severity.Warning, "报告未载明发布机关、年度或发布日期", "条例 第四十九条");

    public IEnumerable<Finding> Check(AnnualReport report, CheckContext context)
    {
        if (report.Agency is null)
        {
            yield return Missing("未能确定发布机关（标题、发布单位和落款均未载明）");
        }

        if (report.Year is null)
        {
            yield return Missing("未能确定报告年度（标题和统计期限均未载明）");
        }

        if (report.Published is null)
        {
            yield return Missing("未载明发布日期（无发布时间、公开日期或落款日期），无法判断是否按时发布");
        }
    }

    private Finding Missing(string message) => new(Descriptor.Code, Descriptor.Severity, message, FindingLocation.None);
}
