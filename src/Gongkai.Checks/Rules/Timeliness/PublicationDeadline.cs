using Gongkai.Model;

namespace Gongkai.Checks.Rules.Timeliness;

/// <summary>The statutory publication deadline of a report, and the article behind it.</summary>
public static class PublicationDeadline
{
    public static (DateOnly Deadline, string Basis)? For(AnnualReport report, CheckOptions options)
    {
        if (report.Year is not { } year)
        {
            return null;
        }

        var y = year.Value + 1;
        if (year.Value <= options.LastPreRevisionYear)
        {
            return (new DateOnly(y, options.PreRevisionDeadline.Month, options.PreRevisionDeadline.Day), "原条例第三十一条：各行政机关3月31日前");
        }

        return report.AgencyKind == AgencyKind.Government
            ? (new DateOnly(y, options.GovernmentDeadline.Month, options.GovernmentDeadline.Day), "条例第四十九条：人民政府年度报告3月31日前")
            : (new DateOnly(y, options.DepartmentDeadline.Month, options.DepartmentDeadline.Day),
               report.AgencyKind == AgencyKind.Department ? "条例第四十九条：政府部门1月31日前" : "条例第四十九条：机关类型不明，按政府部门1月31日计");
    }
}

/// <summary>TIME1: published after the statutory deadline.</summary>
internal sealed class LatePublication : IReportRule
{
    public RuleDescriptor Descriptor { get; } = new("TIME1", Severity.Warning, "逾期发布", "条例 第四十九条；原条例 第三十一条");

    public IEnumerable<Finding> Check(AnnualReport report, CheckContext context)
    {
        if (report.Published is not { } published || PublicationDeadline.For(report, context.Options) is not { } deadline)
        {
            yield break;
        }

        if (published.Value > deadline.Deadline)
        {
            var days = published.Value.DayNumber - deadline.Deadline.DayNumber;
            yield return new Finding(
                Descriptor.Code, Descriptor.Severity,
                $"{report.Year!.Value}年度报告发布日期为{published.Value:yyyy-MM-dd}，晚于法定期限{deadline.Deadline:yyyy-MM-dd}（{deadline.Basis}）{days}天",
                new FindingLocation(Span: published.Span));
        }
    }
}
