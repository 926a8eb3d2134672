using Gongkai.Checks.CrossYear;
using Gongkai.Model;
using static Gongkai.Checks.Tests.Reports;

namespace Gongkai.Checks.Tests.Rules;

public sealed class CrossYearRuleTests
{
    private static StatedValues Year(int year, AnnualReport report) => StatedValues.From(report, year);

    /// <summary>Two generated reports whose year N carries over exactly what year N−1 carried forward.</summary>
    private static (AnnualReport Previous, AnnualReport Current) Consistent()
    {
        var previous = Valid(1);
        var current = Valid(2);
        foreach (var column in previous.Requests!.Definition.Columns)
        {
            var forward = Get(previous, "requests", "carriedForward", column.Id);
            var delta = forward - Get(current, "requests", "carriedOver", column.Id);
            Set(current, "requests", "carriedOver", column.Id, forward);
            Set(current, "requests", "carriedForward", column.Id, Get(current, "requests", "carriedForward", column.Id) + delta);
        }

        foreach (var item in new[] { "rules", "normativeDocs" })
        {
            var expected = Get(previous, "active", item, "inForce") + Get(current, "active", item, "issued") - Get(current, "active", item, "repealed");
            Set(current, "active", item, "inForce", expected);
        }

        return (previous, current);
    }

    [Fact]
    public void Consistent_consecutive_years_have_no_cross_year_finding()
    {
        var (previous, current) = Consistent();
        Assert.Empty(CrossYearChecker.Check([Year(2022, previous), Year(2023, current)]));
        Assert.DoesNotContain(ReportChecker.Check(current), f => f.Code is "R1");
    }

    [Fact]
    public void XY1_states_both_years_and_both_numbers()
    {
        var (previous, current) = Consistent();
        var forward = Get(previous, "requests", "carriedForward", "naturalPerson");
        Set(current, "requests", "carriedOver", "naturalPerson", forward + 2);

        var finding = Assert.Single(CrossYearChecker.Check([Year(2022, previous), Year(2023, current)]));
        Assert.Equal(2023, finding.Year);
        Assert.Equal("XY1", finding.Finding.Code);
        Assert.Equal(Severity.Warning, finding.Finding.Severity);
        Assert.Equal(("requests", "carriedOver", "naturalPerson"), (finding.Finding.Location.Table, finding.Finding.Location.Row, finding.Finding.Location.Column));
        Assert.Equal($"表三自然人列：2023年“二、上年结转”为{forward + 2}，但2022年报告“四、结转下年度继续办理”为{forward}，两者应相等", finding.Finding.Message);
    }

    [Fact]
    public void XY1_does_not_bridge_a_missing_year_nor_compare_unstated_values()
    {
        var (previous, current) = Consistent();
        Set(current, "requests", "carriedOver", "total", 999);
        Assert.Empty(CrossYearChecker.Check([Year(2021, previous), Year(2023, current)]));

        var unstated = new StatedValues(2022, "2021", new Dictionary<(string, string, string), decimal>());
        Assert.Empty(CrossYearChecker.Check([unstated, Year(2023, current)]));
    }

    [Fact]
    public void XY2_explains_the_expected_in_force_count()
    {
        var (previous, current) = Consistent();
        var inForce = Get(current, "active", "rules", "inForce");
        Set(current, "active", "rules", "inForce", inForce + 1);

        var finding = Assert.Single(CrossYearChecker.Check([Year(2022, previous), Year(2023, current)]));
        Assert.Equal("XY2", finding.Finding.Code);
        Assert.Equal(Severity.Info, finding.Finding.Severity);
        Assert.StartsWith($"表二规章：2023年现行有效件数为{inForce + 1}，而2022年现行有效", finding.Finding.Message, StringComparison.Ordinal);
        Assert.EndsWith($"为{inForce}件", finding.Finding.Message, StringComparison.Ordinal);
    }
}
