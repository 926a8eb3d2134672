using System.Text.RegularExpressions;
using Gongkai.Ingestion.Structure;
using Gongkai.Model;

namespace Gongkai.Ingestion.Metadata;

/// <summary>
/// Finds the issuing agency: the report title (<c>X2020年政府信息公开工作年度报告</c>), the page's
/// 发布单位 box, the signature above the closing date, or the preamble's <c>X编制</c>, in that order
/// of trust. A name that starts at an administrative level (<c>市金融发展局</c>, <c>区财政局</c>) is
/// completed with the place the body names (<c>抚顺市金融发展局</c>, <c>上虞区财政局</c>).
/// Parentheses are written full-width, as agencies write their names.
/// </summary>
internal static partial class AgencyLocator
{
    private const string Levels = "省市区县州盟旗镇乡";

    // Two characters before 区/市/县 that make a word rather than a place name.
    private const string NotPlaceChars = "各本全该我在等及和与其地社景园城辖片街小校专山矿灾疫展新市区县省州镇乡的对为在到从由";

    public static Located<string>? Locate(ReadContext context)
    {
        var candidate = FromTitle(context) is { } title
            ? Prefer(FromPublisherBox(context), title)
            : FromPublisherBox(context) ?? FromSignature(context) ?? FromPreamble(context);
        if (candidate is null)
        {
            return null;
        }

        var name = Qualify(candidate.Value, context.Text);
        name = name.Replace('(', '（').Replace(')', '）');
        return candidate with { Value = name };
    }

    public static AgencyKind Classify(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return AgencyKind.Unknown;
        }

        if (name.EndsWith("人民政府", StringComparison.Ordinal) || GovernmentSuffix().IsMatch(name))
        {
            return AgencyKind.Government;
        }

        return PageData.Instance.AgencySuffixes.Any(s => name.Contains(s, StringComparison.Ordinal)) ? AgencyKind.Department : AgencyKind.Unknown;
    }

    /// <summary>
    /// The most qualified name among the title lines (a page title may say less than the heading):
    /// found by the fixed part <c>2020年政府信息公开工作年度报告</c>, then read back to the line start.
    /// </summary>
    private static Located<string>? FromTitle(ReadContext context)
    {
        var text = context.Text;
        var limit = Math.Min(text.Length, Math.Max(context.Document.PreambleEnd, 0) + 1);
        Located<string>? best = null;
        foreach (var title in TitleTail().EnumerateMatches(text.AsSpan(0, limit)))
        {
            var lineStart = text.LastIndexOf('\n', Math.Max(0, title.Index - 1)) + 1;
            var from = Math.Max(lineStart, title.Index - 40);
            var raw = text[from..title.Index];
            var digit = raw.AsSpan().LastIndexOfAnyInRange('0', '9');
            var name = CleanName(EditVerb().Replace(raw[(digit + 1)..], string.Empty));
            if (name is not null && (best is null || name.Length > best.Value.Length))
            {
                var start = from + raw.LastIndexOf(name, StringComparison.Ordinal);
                best = new(name, context.Span(start, start + name.Length), "title");
            }
        }

        return best;
    }

    /// <summary>The box value wins over the title when it extends it (区财政局 → 区财政局(区国资办)).</summary>
    private static Located<string> Prefer(Located<string>? box, Located<string> title) =>
        box is not null && box.Value.Length > title.Value.Length && box.Value.StartsWith(title.Value, StringComparison.Ordinal) ? box : title;

    private static Located<string>? FromPublisherBox(ReadContext context)
    {
        if (MetadataReader.BoxValue(context, PageData.Instance.MetadataLabels["publisher"]) is not { } box)
        {
            return null;
        }

        var name = CleanName(box.Value);
        return name is null ? null : new(name, context.Span(box.Start, box.End), "发布单位");
    }

    private static Located<string>? FromSignature(ReadContext context)
    {
        var (_, before) = MetadataReader.SignatureLines(context);
        if (before is not { } line)
        {
            return null;
        }

        var name = CleanName(context.Text[line.Start..line.End]);
        return name is null ? null : new(name, context.Span(line.Start, line.End), "signature");
    }

    private static Located<string>? FromPreamble(ReadContext context)
    {
        var text = context.Text;
        var m = PreamblePattern().Match(text, 0, Math.Min(text.Length, 600));
        if (!m.Success)
        {
            return null;
        }

        var name = CleanName(m.Groups["name"].Value);
        return name is null ? null : new(name, context.Span(m.Groups["name"].Index, m.Groups["name"].Index + m.Groups["name"].Length), "preamble");
    }

    /// <summary>Keeps a name that ends like an agency, after the last punctuation before it.</summary>
    private static string? CleanName(string raw)
    {
        var name = raw.Trim().Trim('|').Trim();
        var cut = name.LastIndexOfAny([',', '，', '。', '、', ':', '：', ' ', '《', '》', '|', ';']);
        if (cut >= 0)
        {
            name = name[(cut + 1)..];
        }

        if (name.Length is < 2 or > 40)
        {
            return null;
        }

        var core = name.TrimEnd(')', '）');
        if (core.Contains('(', StringComparison.Ordinal) || core.Contains('（', StringComparison.Ordinal))
        {
            core = core[..core.IndexOfAny(['(', '（'])];
        }

        return PageData.Instance.AgencySuffixes.Any(s => core.EndsWith(s, StringComparison.Ordinal)) ? name : null;
    }

    private static string Qualify(string name, string text)
    {
        if (!Levels.Contains(name[0], StringComparison.Ordinal))
        {
            return name;
        }

        var core = name.Split('(', '（')[0];

        // The body names the agency in full: 《抚顺市金融发展局政府信息公开指南》.
        var full = BestPrefix(text, core, 2, 4);
        if (full is not null)
        {
            return full + name;
        }

        // The body names the place: 上虞区政府信息公开相关要求.
        var place = BestPrefix(text, name[..1], 2, 2);
        return place is null ? name : place + name;
    }

    /// <summary>The most frequent run of CJK characters (a place name) right before <paramref name="suffix"/>.</summary>
    private static string? BestPrefix(string text, string suffix, int minLength, int maxLength)
    {
        var counts = new Dictionary<string, int>();
        for (var at = text.IndexOf(suffix, StringComparison.Ordinal); at >= 0; at = text.IndexOf(suffix, at + 1, StringComparison.Ordinal))
        {
            var length = 0;
            while (length < maxLength && at - length - 1 >= 0 && IsCjk(text[at - length - 1]))
            {
                length++;
            }

            if (length < minLength)
            {
                continue;
            }

            // Place names here are two characters; take the two nearest the suffix.
            var prefix = text.Substring(at - minLength, minLength);
            if (prefix.Any(c => NotPlaceChars.Contains(c, StringComparison.Ordinal)))
            {
                continue;
            }

            counts[prefix] = counts.GetValueOrDefault(prefix) + 1;
        }

        return counts.Count == 0 ? null : counts.OrderByDescending(kv => kv.Value).First().Key;
    }

    private static bool IsCjk(char c) => c is >= '\u4e00' and <= '\u9fff';

    [GeneratedRegex(@"(?:19|20)\d{2}\s*年度?\s*政府信息公开(?:工作)?(?:年度)?(?:工作)?报告")]
    private static partial Regex TitleTail();

    [GeneratedRegex(@"\s*(?:编制|编写)\s*$")]
    private static partial Regex EditVerb();

    [GeneratedRegex(@"(?<name>[\u4e00-\u9fff()（）]{2,30}?)(?:编制|编写|发布)(?:了)?(?:本|本年度|(?:19|20)\d{2}年度?)")]
    private static partial Regex PreamblePattern();

    [GeneratedRegex(@"(?:镇|乡|街道办事处|街道)(?:人民政府)?$")]
    private static partial Regex GovernmentSuffix();
}
