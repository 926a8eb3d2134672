using System.Text.RegularExpressions;
using Gongkai.Ingestion.Values;
using Gongkai.Model;

namespace Gongkai.Ingestion.Metadata;

/// <summary>
/// Reads what a report states about itself: year, publication date, statistical period and 索引号.
/// Each value keeps the span it was read from; a value not stated stays null.
/// </summary>
internal static partial class MetadataReader
{
    private static readonly string[] PublishedLabelsByPreference = ["发布时间", "发布日期", "公开日期", "发文日期", "成文日期"];

    public static Located<int>? Year(ReadContext context, Located<DatePeriod>? period, Located<DateOnly>? published)
    {
        var text = context.Text;
        var m = TitleYear().Match(text);
        if (m.Success)
        {
            var g = m.Groups["y"];
            return new(int.Parse(g.Value, System.Globalization.CultureInfo.InvariantCulture), context.Span(g.Index, g.Index + g.Length), "title");
        }

        if (period is not null && period.Value.From.Year == period.Value.To.Year)
        {
            return new(period.Value.From.Year, period.Span, "period");
        }

        return null;
    }

    public static Located<DateOnly>? Published(ReadContext context)
    {
        var text = context.Text;
        foreach (var label in PublishedLabelsByPreference)
        {
            for (var at = text.IndexOf(label, StringComparison.Ordinal); at >= 0; at = text.IndexOf(label, at + 1, StringComparison.Ordinal))
            {
                var after = text.AsSpan(at + label.Length, Math.Min(40, text.Length - at - label.Length)).ToString();
                var m = LabelledDate().Match(after);
                if (m.Success && DateReader.Parse(m.Groups["date"].Value) is { } date)
                {
                    var start = at + label.Length + m.Groups["date"].Index;
                    return new(date, context.Span(start, start + m.Groups["date"].Length), label);
                }
            }
        }

        return SignatureDate(context);
    }

    /// <summary>The date line that signs the report at its end (e.g. seed 004: 昌吉州财政局 / 2024年1月29日).</summary>
    public static Located<DateOnly>? SignatureDate(ReadContext context)
    {
        var (line, _) = SignatureLines(context);
        if (line is not { } l)
        {
            return null;
        }

        var text = context.Text[l.Start..l.End].Trim();
        return DateReader.Parse(text) is { } date ? new(date, context.Span(l.Start, l.End), "signature") : null;
    }

    /// <summary>The last content line that is a bare date, and the line before it.</summary>
    public static ((int Start, int End)? DateLine, (int Start, int End)? Before) SignatureLines(ReadContext context)
    {
        var lines = context.Document.ContentLines(0, context.Text.Length)
            .Where(l => !context.Text.AsSpan(l.Start, l.End - l.Start).Trim().IsEmpty)
            .ToList();
        for (var i = lines.Count - 1; i >= Math.Max(0, lines.Count - 8); i--)
        {
            var text = context.Text[lines[i].Start..lines[i].End].Trim();
            if (BareDate().IsMatch(text))
            {
                return (lines[i], i > 0 ? lines[i - 1] : null);
            }
        }

        return (null, null);
    }

    public static Located<DatePeriod>? Period(ReadContext context)
    {
        var text = context.Text;
        foreach (Match m in PeriodPattern().Matches(text))
        {
            var from = DateReader.Parse(m.Groups["from"].Value);
            var to = DateReader.Parse(m.Groups["to"].Value);
            if (from is { } f && to is { } t && f <= t)
            {
                return new(new DatePeriod(f, t), context.Span(m.Groups["from"].Index, m.Groups["to"].Index + m.Groups["to"].Length), "text");
            }
        }

        return null;
    }

    public static Located<string>? IndexNumber(ReadContext context)
    {
        var m = IndexNumberPattern().Match(context.Text);
        if (!m.Success)
        {
            return null;
        }

        var g = m.Groups["id"];
        return new(g.Value, context.Span(g.Index, g.Index + g.Length), "索引号");
    }

    /// <summary>The value in a metadata box after one of the labels (发布单位: | X |).</summary>
    public static (string Value, int Start, int End)? BoxValue(ReadContext context, IEnumerable<string> labels)
    {
        var text = context.Text;
        foreach (var label in labels)
        {
            var at = text.IndexOf(label, StringComparison.Ordinal);
            if (at < 0)
            {
                continue;
            }

            var m = BoxValuePattern().Match(text, at + label.Length);
            if (m.Success && m.Index - (at + label.Length) < 6)
            {
                var g = m.Groups["v"];
                return (g.Value.Trim(), g.Index, g.Index + g.Length);
            }
        }

        return null;
    }

    [GeneratedRegex(@"(?<y>(?:19|20)\d{2})\s*年度?\s*(?:[^\n。,，]{0,12}?)政府信息公开(?:工作)?(?:年度)?(?:工作)?报告")]
    private static partial Regex TitleYear();

    [GeneratedRegex(@"^\s*[:：]?\s*\|?\s*(?<date>(?:19|20)\d{2}\s*[-年/.]\s*\d{1,2}\s*[-月/.]\s*\d{1,2}\s*日?)")]
    private static partial Regex LabelledDate();

    [GeneratedRegex(@"^(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$|^(?:19|20)\d{2}-\d{1,2}-\d{1,2}$")]
    private static partial Regex BareDate();

    [GeneratedRegex(@"统计(?:期限|时限|期间|时间|区间|周期)[^\d\n]{0,8}(?<from>(?:19|20)\d{2}(?:年\d{1,2}月\d{1,2}日|[-./]\d{1,2}[-./]\d{1,2}|\d{1,4}日))\s*(?:起)?\s*(?:至|到|-|—|~)\s*(?<to>(?:19|20)\d{2}(?:年\d{1,2}月\d{1,2}日|[-./]\d{1,2}[-./]\d{1,2}|\d{1,4}日))")]
    private static partial Regex PeriodPattern();

    [GeneratedRegex(@"索引号\s*[:：]?\s*\|?\s*(?<id>[A-Za-z0-9][A-Za-z0-9/\-_.]{5,60})")]
    private static partial Regex IndexNumberPattern();

    [GeneratedRegex(@"\G\s*[:：]?\s*\|?\s*(?<v>[^|\n]{2,40}?)\s*(?:\||\n|$|\s{2,})")]
    private static partial Regex BoxValuePattern();
}
