using Gongkai.Checks.Rules.Timeliness;
using Gongkai.Model;
using static Gongkai.Checks.Tests.Reports;

namespace Gongkai.Checks.Tests.Rules;

public sealed class TimelinessRuleTests
{
    [Fact]
    public void TIME1_flags_a_2018_report_published_in_2020_under_the_old_deadline()
    {
        var finding = Assert.Single(Findings(Seed("001_fdba5679b7b391e3.txt"), "TIME1"));
        Assert.Equal("2018年度报告发布日期为2020-01-03，晚于法定期限2019-03-31（原条例第三十一条：各行政机关3月31日前）278天", finding.Message);
    }

    [Fact]
    public void TIME1_treats_the_deadline_day_itself_as_on_time()
    {
        var report = Seed("000_22a2669e7a81eeda.txt");
        Assert.Equal(new DateOnly(2021, 1, 31), report.Published!.Value);
        Assert.Empty(Findings(report, "TIME1"));
        var late = report with { Published = report.Published with { Value = new DateOnly(2021, 2, 1) } };
        Assert.Single(Findings(late, "TIME1"));
    }

    [Fact]
    public void Governments_have_until_the_end_of_march_and_departments_until_january()
    {
        var report = Seed("000_22a2669e7a81eeda.txt");
        var march = report with { Published = report.Published! with { Value = new DateOnly(2021, 3, 15) } };
        Assert.Single(Findings(march with { AgencyKind = AgencyKind.Department }, "TIME1"));
        Assert.Empty(Findings(march with { AgencyKind = AgencyKind.Government }, "TIME1"));
        Assert.Equal(new DateOnly(2021, 3, 31), PublicationDeadline.For(march with { AgencyKind = AgencyKind.Government }, CheckOptions.Default)!.Value.Deadline);
    }

    [Fact]
    public void Deadlines_are_configurable_per_jurisdiction()
    {
        var report = Seed("002_b423b0293a9d3bd4.txt");
        Assert.DoesNotContain(ReportChecker.Check(report), f => f.Code == "TIME1");
        var strict = CheckOptions.Default with { DepartmentDeadline = (1, 20) };
        Assert.Single(ReportChecker.Check(report, strict), f => f.Code == "TIME1");
    }

    [Fact]
    public void TIME2_flags_a_period_that_is_not_the_calendar_year()
    {
        Assert.Empty(Findings(Seed("004_db6cd9a826adafdd.txt"), "TIME2"));
        var report = Read(Text().Replace("1月1日至", "3月1日至", StringComparison.Ordinal));
        var finding = Assert.Single(Findings(report, "TIME2"));
        Assert.Contains($"统计期限为{report.Year!.Value}-03-01至{report.Year.Value}-12-31", finding.Message, StringComparison.Ordinal);
    }
}
