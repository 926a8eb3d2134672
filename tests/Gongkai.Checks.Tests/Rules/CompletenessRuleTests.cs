using static Gongkai.Checks.Tests.Reports;

namespace Gongkai.Checks.Tests.Rules;

public sealed class CompletenessRuleTests
{
    [Fact]
    public void CMP1_names_a_missing_section()
    {
        Assert.Empty(Findings(Valid(), "CMP1"));
        var report = Read(Text().Replace("五、存在的主要问题及改进情况\n", string.Empty, StringComparison.Ordinal));
        var finding = Assert.Single(Findings(report, "CMP1"));
        Assert.Equal("缺少第五部分“五、存在的主要问题及改进情况”", finding.Message);
    }

    [Fact]
    public void CMP5_flags_headings_left_without_content()
    {
        Assert.Empty(Findings(Valid(), "CMP5"));
        var findings = Findings(Seed("001_fdba5679b7b391e3.txt"), "CMP5");
        Assert.Equal(3, findings.Count);
        Assert.Contains(findings, f => f.Message.StartsWith("“三、收到和处理政府信息公开申请情况”下没有任何内容", StringComparison.Ordinal));
    }

    [Fact]
    public void CMP2_flags_a_table_that_was_not_read_at_all()
    {
        Assert.Empty(Findings(Valid(), "CMP2"));
        var text = Text();
        var start = text.IndexOf("四、政府信息公开行政复议、行政诉讼情况\n", StringComparison.Ordinal);
        var end = text.IndexOf("五、存在的主要问题", StringComparison.Ordinal);
        var report = Read(text[..start] + "四、政府信息公开行政复议、行政诉讼情况\n（表格略）\n" + text[end..]);
        var finding = Assert.Single(Findings(report, "CMP2"));
        Assert.Equal("未能读到表四“政府信息公开行政复议、行政诉讼情况”的任何数值", finding.Message);
        Assert.Null(report.Review);
    }

    [Fact]
    public void CMP6_counts_cells_that_were_not_found()
    {
        Assert.Empty(Findings(Valid(), "CMP6"));
        var text = Text();
        var lines = text.Split('\n').Where(l => !l.StartsWith("2.重复申请", StringComparison.Ordinal)).ToArray();
        var finding = Assert.Single(Findings(Read(string.Join('\n', lines)), "CMP6"));
        Assert.Equal("表三有7个单元格未读到数值：“2.重复申请”", finding.Message);
    }

    [Fact]
    public void CMP3_flags_a_blank_or_slash_where_zero_was_due()
    {
        Assert.Empty(Findings(Valid(), "CMP3"));
        var text = Text();
        var line = text.Split('\n').First(l => l.StartsWith("行政强制 |", StringComparison.Ordinal));
        var finding = Assert.Single(Findings(Read(text.Replace(line, "行政强制 | /", StringComparison.Ordinal)), "CMP3"));
        Assert.Equal("表二“行政强制”的“本年处理决定数量”填写为“/”，应填数字（无则填0）", finding.Message);
        Assert.Equal(("active", "enforcement", "decisions"), (finding.Location.Table, finding.Location.Row, finding.Location.Column));
    }

    [Fact]
    public void CMP4_says_when_the_publication_date_is_not_stated()
    {
        Assert.Empty(Findings(Seed("000_22a2669e7a81eeda.txt"), "CMP4"));
        var finding = Assert.Single(Findings(Seed("003_ab7d1287facdaff7.txt"), "CMP4"));
        Assert.StartsWith("未载明发布日期", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FEE1_flags_a_2021_report_silent_on_the_information_processing_fee()
    {
        Assert.Empty(Findings(Seed("002_b423b0293a9d3bd4.txt"), "FEE1"));
        Assert.Empty(Findings(Seed("004_db6cd9a826adafdd.txt"), "FEE1"));
        var finding = Assert.Single(Findings(Seed("003_ab7d1287facdaff7.txt"), "FEE1"));
        Assert.Contains("未说明信息处理费", finding.Message, StringComparison.Ordinal);

        // The 2019 format did not ask for it.
        Assert.Empty(Findings(Seed("000_22a2669e7a81eeda.txt"), "FEE1"));
    }
}
