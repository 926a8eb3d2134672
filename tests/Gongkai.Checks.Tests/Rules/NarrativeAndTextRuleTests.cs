using static Gongkai.Checks.Tests.Reports;

namespace Gongkai.Checks.Tests.Rules;

public sealed class NarrativeAndTextRuleTests
{
    [Fact]
    public void NAR1_flags_prose_that_states_another_number_of_applications()
    {
        foreach (var seed in new[] { "000_22a2669e7a81eeda.txt", "002_b423b0293a9d3bd4.txt", "003_ab7d1287facdaff7.txt", "004_db6cd9a826adafdd.txt" })
        {
            Assert.Empty(Findings(Seed(seed), "NAR1"));
        }

        var report = Valid();
        var received = Get(report, "requests", "newReceived", "total");
        var text = Text().Replace($"全年共收到政府信息公开申请{received}件", $"全年共收到政府信息公开申请{received + 7}件", StringComparison.Ordinal);
        var finding = Assert.Single(Findings(Read(text), "NAR1"));
        Assert.StartsWith($"正文称收到申请{received + 7}件", finding.Message, StringComparison.Ordinal);
        Assert.EndsWith($"但表三“一、本年新收政府信息公开申请数量”总计为{received}", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NAR1_reads_no_applications_as_zero()
    {
        var text = File.ReadAllText(Path.Combine(Testing.SharedData.Seeds, "003_ab7d1287facdaff7.txt"))
            .Replace("一、本年新收政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0", "一、本年新收政府信息公开申请数量 | 2 | 0 | 0 | 0 | 0 | 0 | 2", StringComparison.Ordinal);
        var finding = Assert.Single(Findings(Read(text), "NAR1"));
        Assert.Contains("正文称收到申请0件（“无依申请公开”）", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NAR2_flags_prose_denying_review_cases_that_table_four_counts()
    {
        var clean = File.ReadAllText(Path.Combine(Testing.SharedData.Seeds, "002_b423b0293a9d3bd4.txt"));
        Assert.Empty(Findings(Read(clean), "NAR2"));
        var lines = clean.Split('\n');

        // 表四's fifteen values follow its last header "总计"; set 行政复议 结果维持 and 总计 to 1.
        var sectionFive = Array.FindIndex(lines, l => l.StartsWith("五、", StringComparison.Ordinal));
        var header = Array.FindLastIndex(lines, sectionFive, l => l == "总计");
        var values = Enumerable.Range(header + 1, lines.Length - header - 1).Where(i => lines[i].Trim().Length > 0).Take(15).ToArray();
        lines[values[0]] = "1";
        lines[values[4]] = "1";
        var report = Read(string.Join('\n', lines));
        Assert.Equal(1, Get(report, "review", "reconsideration", "upheld"));
        var finding = Assert.Single(Findings(report, "NAR2"));
        Assert.Equal("正文称“未被申请行政复议或提起行政诉讼”，但表四各组总计共1件", finding.Message);
    }

    [Fact]
    public void TXT1_points_at_lost_glyphs_in_the_source()
    {
        Assert.Empty(Findings(Seed("000_22a2669e7a81eeda.txt"), "TXT1"));
        var findings = Findings(Seed("002_b423b0293a9d3bd4.txt"), "TXT1");
        Assert.Equal(3, findings.Count);
        Assert.Contains(findings, f => f.Message == "文字缺损：“〔202130号”文号缺少“〕”");
        var period = Assert.Single(findings, f => f.Message.StartsWith("文字缺损：“202111日”", StringComparison.Ordinal));
        var source = File.ReadAllText(Path.Combine(Testing.SharedData.Seeds, "002_b423b0293a9d3bd4.txt"));
        Assert.Equal("202111日", source.Substring(period.Location.Span!.Value.Start, period.Location.Span.Value.Length));
    }
}
