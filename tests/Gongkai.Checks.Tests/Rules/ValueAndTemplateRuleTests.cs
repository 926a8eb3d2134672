using Gongkai.Model.Templates;
using static Gongkai.Checks.Tests.Reports;

namespace Gongkai.Checks.Tests.Rules;

public sealed class ValueAndTemplateRuleTests
{
    [Fact]
    public void VAL1_flags_a_fractional_count_but_not_an_amount()
    {
        var report = Valid();
        Assert.Empty(Findings(report, "VAL1"));
        Set(report, "active", "fees", "amount", 76.885m);
        Assert.Empty(Findings(report, "VAL1"));
        Set(report, "active", "penalty", "decisions", 1.5m);
        var finding = Assert.Single(Findings(report, "VAL1"));
        Assert.Equal("表二“行政处罚”的“本年处理决定数量”为1.5，件数应为整数", finding.Message);
    }

    [Fact]
    public void VAL2_flags_a_negative_count_but_not_a_yearly_change()
    {
        var report = Valid(4, TemplateCatalog.V2019);
        Set(report, "active", "licensing", "change", -3);
        Assert.Empty(Findings(report, "VAL2"));
        Set(report, "active", "licensing", "decisions", -3);
        var finding = Assert.Single(Findings(report, "VAL2"));
        Assert.Equal(("active", "licensing", "decisions"), (finding.Location.Table, finding.Location.Row, finding.Location.Column));
    }

    [Fact]
    public void TPL1_flags_2019_tables_in_a_2022_report()
    {
        Assert.Empty(Findings(Valid(5, TemplateCatalog.V2021), "TPL1"));
        var report = Read(Text(5, TemplateCatalog.V2019, f => f with { Year = 2022, Published = new DateOnly(2023, 1, 10) }));
        Assert.Equal("2019", report.Template.Id);
        var finding = Assert.Single(Findings(report, "TPL1"));
        Assert.Equal("2022年度报告应使用2021版格式（国办公开办函〔2021〕30号），但表格使用的是2019版格式（国办公开办函〔2019〕60号）", finding.Message);
    }

    [Fact]
    public void TPL1_is_silent_when_no_table_tells_the_generation()
    {
        var report = Seed("001_fdba5679b7b391e3.txt");
        Assert.Equal("year", report.TemplateEvidence);
        Assert.Empty(Findings(report, "TPL1"));
    }
}
