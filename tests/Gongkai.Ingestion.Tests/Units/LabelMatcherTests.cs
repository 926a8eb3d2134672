using Gongkai.Ingestion.Mapping;

namespace Gongkai.Ingestion.Tests.Units;

public sealed class LabelMatcherTests
{
    [Theory]
    [InlineData("（七）总计", "总计")]
    [InlineData("三、本年度办理结果", "本年度办理结果")]
    [InlineData("1.属于国家秘密", "属于国家秘密")]
    [InlineData("3.危及“三安全一稳定”", "危及三安全一稳定")]
    [InlineData("商业 企业", "商业企业")]
    [InlineData("(二)部分公开(区分处理的,只计这一情形,不计其他情形)", "部分公开区分处理的只计这一情形不计其他情形")]
    public void Normalizes_numbering_spaces_and_punctuation(string label, string expected) =>
        Assert.Equal(expected, LabelMatcher.Normalize(label));

    [Fact]
    public void A_label_that_lost_a_character_still_matches()
    {
        // Seed 002 prints 不再处其政府信息公开申请 (the 理 was lost).
        var official = LabelMatcher.Normalize("2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请");
        var printed = LabelMatcher.Normalize("2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处其政府信息公开申请");
        Assert.True(LabelMatcher.Matches(printed, official));
    }

    [Fact]
    public void Different_rows_do_not_match()
    {
        Assert.False(LabelMatcher.Matches(LabelMatcher.Normalize("行政许可"), LabelMatcher.Normalize("行政处罚")));
        Assert.False(LabelMatcher.Matches(LabelMatcher.Normalize("规章"), LabelMatcher.Normalize("规范性文件")));
    }
}
