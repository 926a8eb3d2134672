using Gongkai.Model;

namespace Gongkai.Checks.Rules.Timeliness;

/// <summary>TIME2: the statistical period must be 1月1日 to 12月31日 of the report year.</summary>
internal sealed class StatisticalPeriodNotCalendarYear : IReportRule
{
    public RuleDescriptor Descriptor { get; } = new("TIME2", Severity.Warning, "统计期限不是报告年度的1月1日至12月31日", "DB51/T 2660—2019 §2.1");

    public IEnumerable<Finding> Check(AnnualReport report, CheckContext context)
    {
        if (report.StatisticalPeriod is not { } period || report.Year is not { } year)
        {
            yield break;
        }

        var expected = new DatePeriod(new DateOnly(year.Value, 1, 1), new DateOnly(year.Value, 12, 31));
        if (period.Value != expected)
        {
            yield return new Finding(
                Descriptor.Code, Descriptor.Severity,
                $"统计期限为{period.Value.From:yyyy-MM-dd}至{period.Value.To:yyyy-MM-dd}，应为{year.Value}年1月1日至12月31日",
                new FindingLocation(Span: period.Span));
        }
    }
}
