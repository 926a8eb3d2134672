using Gongkai.Model;
using static Gongkai.Checks.Tests.Reports;

namespace Gongkai.Checks.Tests.Rules;

public sealed class ArithmeticRuleTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Valid_reports_have_no_arithmetic_findings(int seed)
    {
        foreach (var template in new[] { Model.Templates.TemplateCatalog.V2021, Model.Templates.TemplateCatalog.V2019 })
        {
            var findings = ReportChecker.Check(Valid(seed, template));
            Assert.DoesNotContain(findings, f => f.Code is "R1" or "R2" or "R3" or "R4" or "RC");
        }
    }

    [Fact]
    public void R1_names_the_column_and_both_sums()
    {
        var report = Valid();
        var carried = Get(report, "requests", "carriedForward", "naturalPerson");
        Set(report, "requests", "carriedForward", "naturalPerson", carried + 3);
        var finding = Assert.Single(Findings(report, "R1"));
        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Equal(("requests", "total", "naturalPerson"), (finding.Location.Table, finding.Location.Row, finding.Location.Column));
        var received = Get(report, "requests", "newReceived", "naturalPerson") + Get(report, "requests", "carriedOver", "naturalPerson");
        Assert.StartsWith($"表三自然人列：第一项加第二项之和为{received}", finding.Message, StringComparison.Ordinal);
        Assert.Contains($"第三项“(七)总计”加第四项之和为{received + 3}", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void R2_states_the_total_and_the_sum_of_outcomes()
    {
        var report = Valid();
        var total = Get(report, "requests", "total", "business");
        Set(report, "requests", "granted", "business", Get(report, "requests", "granted", "business") + 2);
        var finding = Assert.Single(Findings(report, "R2"));
        Assert.StartsWith($"表三“(七)总计”商业企业列为{total}，但各办理结果之和为{total + 2}", finding.Message, StringComparison.Ordinal);
        Assert.NotNull(finding.Location.Span);
    }

    [Fact]
    public void R3_states_the_row_total_and_the_applicant_sum()
    {
        var report = Valid();
        var total = Get(report, "requests", "newReceived", "total");
        Set(report, "requests", "newReceived", "total", total + 1);
        var finding = Assert.Single(Findings(report, "R3"));
        Assert.StartsWith($"表三“一、本年新收政府信息公开申请数量”行总计列为{total + 1}，但六类申请人之和为{total}", finding.Message, StringComparison.Ordinal);
        Assert.Equal("newReceived", finding.Location.Row);
    }

    [Fact]
    public void R4_states_the_group_total_and_its_parts()
    {
        var report = Valid();
        var total = Get(report, "review", "litigationDirect", "total");
        Set(report, "review", "litigationDirect", "total", total + 5);
        var finding = Assert.Single(Findings(report, "R4"));
        Assert.StartsWith($"表四“未经复议直接起诉”总计为{total + 5}，但结果维持、结果纠正、其他结果、尚未审结之和为{total}", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Culprit_is_the_one_cell_that_explains_every_broken_sum()
    {
        var report = Valid();
        var total = Get(report, "requests", "total", "research");
        Set(report, "requests", "total", "research", total + 4);
        Assert.Equal(3, ReportChecker.Check(report).Count(f => f.Code is "R1" or "R2" or "R3"));
        var culprit = Assert.Single(Findings(report, "RC"));
        Assert.Equal(("total", "research"), (culprit.Location.Row, culprit.Location.Column));
        Assert.Contains($"现为{total + 4}；若为{total}", culprit.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void No_culprit_is_named_when_several_cells_would_do()
    {
        var report = Valid();

        // Two unrelated rows broken: no single cell or row/column pair explains both.
        Set(report, "requests", "newReceived", "total", Get(report, "requests", "newReceived", "total") + 1);
        Set(report, "review", "reconsideration", "total", Get(report, "review", "reconsideration", "total") + 1);
        Assert.Empty(Findings(report, "RC"));
    }

    [Fact]
    public void An_unstated_cell_is_never_taken_as_zero()
    {
        var report = Valid();
        report.Requests!["granted", "naturalPerson"] = CellValue.Absent;
        Set(report, "requests", "total", "naturalPerson", Get(report, "requests", "total", "naturalPerson") + 100);
        Assert.DoesNotContain(Findings(report, "R2"), f => f.Location.Column == "naturalPerson");
    }
}
