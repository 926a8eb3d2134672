using System.Text.RegularExpressions;
using Gongkai.Model.Templates;

namespace Gongkai.Ingestion.Structure;

/// <summary>
/// Finds the six section headings by meaning: a numeral 一…六 with 、 and, within a short phrase,
/// one of that section's keywords (sections.json). Headings come in order; one may stand inside a
/// long line (seed 001 runs everything together). Table rows such as 三、本年度办理结果 carry no
/// section keyword, so they are not taken for headings.
/// </summary>
internal static partial class SectionHeadings
{
    private const string Numerals = "一二三四五六";

    public static IReadOnlyList<SectionRange> Find(string text, IReadOnlyList<TextLine> lines)
    {
        var found = new List<(SectionDefinition Definition, int Start, int End)>();
        var from = 0;
        foreach (Match m in Candidate().Matches(text))
        {
            if (m.Index < from)
            {
                continue;
            }

            var number = Numerals.IndexOf(m.Groups["n"].Value[0], StringComparison.Ordinal) + 1;
            if (found.Count > 0 && found[^1].Definition.Number >= number)
            {
                continue;
            }

            var definition = TemplateCatalog.Sections[number - 1];
            var phraseGroup = m.Groups["phrase"];
            var phrase = text.AsSpan(phraseGroup.Index, phraseGroup.Length);
            if (!HasKeyword(phrase, definition.Keywords))
            {
                continue;
            }

            if (IsChromeAt(lines, m.Index))
            {
                continue;
            }

            var end = m.Index + HeadingLength(text, m);
            found.Add((definition, m.Index, end));
            from = end;
        }

        var sections = new List<SectionRange>(found.Count);
        for (var i = 0; i < found.Count; i++)
        {
            var (definition, start, end) = found[i];
            var bodyEnd = i + 1 < found.Count ? found[i + 1].Start : text.Length;
            sections.Add(new SectionRange(definition, start, end, bodyEnd, text[start..end].Trim()));
        }

        return sections;
    }

    /// <summary>
    /// The heading ends with its phrase (…情况, …事项) when text follows it on the line
    /// (<c>六、其他需要报告的事项 无。</c>); otherwise at the end of a short line.
    /// </summary>
    private static int HeadingLength(string text, Match m)
    {
        var lineEnd = text.IndexOf('\n', m.Index);
        if (lineEnd < 0)
        {
            lineEnd = text.Length;
        }

        var phrase = m.Groups["phrase"];
        var ending = PhraseEnd().Match(phrase.Value);
        if (ending.Success)
        {
            var end = phrase.Index + ending.Index + ending.Length;
            while (end < lineEnd && text[end] is ')' or '）' or ':' or '：')
            {
                end++;
            }

            return end - m.Index;
        }

        if (lineEnd - m.Index <= 48)
        {
            return lineEnd - m.Index;
        }

        ending = WeakPhraseEnd().Match(phrase.Value);
        return ending.Success ? phrase.Index - m.Index + ending.Index + ending.Length : m.Length;
    }

    private static bool HasKeyword(ReadOnlySpan<char> phrase, IReadOnlyList<string> keywords)
    {
        foreach (var keyword in keywords)
        {
            if (phrase.Contains(keyword, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsChromeAt(IReadOnlyList<TextLine> lines, int offset)
    {
        int low = 0, high = lines.Count - 1;
        while (low <= high)
        {
            var mid = (low + high) / 2;
            if (offset < lines[mid].Start)
            {
                high = mid - 1;
            }
            else if (offset > lines[mid].End)
            {
                low = mid + 1;
            }
            else
            {
                return lines[mid].IsChrome;
            }
        }

        return false;
    }

    // A numeral heading at a line start or after white space / sentence end, and up to 40 chars of phrase.
    [GeneratedRegex(@"(?<=^|[\s。；;:：|])(?<n>[一二三四五六])\s*[、.．]\s*(?<phrase>[^\n。]{2,40})", RegexOptions.Multiline)]
    private static partial Regex Candidate();

    [GeneratedRegex(@"^.*?(情况|事项)")]
    private static partial Regex PhraseEnd();

    [GeneratedRegex(@"^.*?(问题|措施)")]
    private static partial Regex WeakPhraseEnd();
}
