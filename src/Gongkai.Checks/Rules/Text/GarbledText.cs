using System.Text.RegularExpressions;
using Gongkai.Model;

namespace Gongkai.Checks.Rules.Text;

/// <summary>
/// TXT1: characters the page lost or mangled — dates without 年/月 (<c>202111日</c>), document
/// numbers without 〕 (<c>〔202130号</c>), replacement characters and the classic mojibake.
/// </summary>
internal sealed partial class GarbledText : IReportRule
{
    private const int MaxPerReport = 10;

    public RuleDescriptor Descriptor { get; } = new("TXT1", Severity.Warning, "文字缺损或乱码", "评估报告常见问题；网页转换丢字");

    public IEnumerable<Finding> Check(AnnualReport report, CheckContext context)
    {
        if (report.Locator is not { } locator)
        {
            yield break;
        }

        var count = 0;
        foreach (var (pattern, mark, explain) in Patterns())
        {
            // A character every match contains: most texts lack it, and the scan is skipped.
            if (mark is { } c && !locator.Text.Contains(c, StringComparison.Ordinal))
            {
                continue;
            }

            foreach (Match m in pattern.Matches(locator.Text))
            {
                if (++count > MaxPerReport)
                {
                    yield break;
                }

                yield return new Finding(Descriptor.Code, Descriptor.Severity, $"文字缺损：“{m.Value}”{explain}", new FindingLocation(Span: locator.Span(m.Index, m.Index + m.Length)));
            }
        }
    }

    private static IEnumerable<(Regex Pattern, char? Mark, string Explain)> Patterns()
    {
        yield return (DateWithoutGlyphs(), '日', "缺少“年”“月”等字，日期可能被误读");
        yield return (DocumentNumberWithoutBracket(), '〔', "文号缺少“〕”");
        yield return (Mojibake(), null, "为乱码（编码错误）");
    }

    [GeneratedRegex(@"(?<![\d年月])(?:19|20)\d{4,6}日")]
    private static partial Regex DateWithoutGlyphs();

    [GeneratedRegex(@"〔(?:19|20)\d{2}\d{1,4}号")]
    private static partial Regex DocumentNumberWithoutBracket();

    [GeneratedRegex(@"\uFFFD+|锟斤拷|烫烫烫|(?:[ÃÂ][\u0080-\u00FF]){2,}")]
    private static partial Regex Mojibake();
}
