using System.Text;
using Gongkai.Ingestion.Normalization;

namespace Gongkai.Ingestion.Structure;

/// <summary>The normalised text cut into lines (chrome marked) and sections.</summary>
internal sealed class ReportDocument
{
    public ReportDocument(SourceText source)
    {
        Source = source;
        Text = source.Text;
        Lines = PageChrome.Mark(Text);
        Sections = SectionHeadings.Find(Text, Lines);
    }

    public SourceText Source { get; }

    public string Text { get; }

    public IReadOnlyList<TextLine> Lines { get; }

    public IReadOnlyList<SectionRange> Sections { get; }

    public SectionRange? Section(int number) => Sections.FirstOrDefault(s => s.Definition.Number == number);

    /// <summary>Offset where the body of the report starts (the first section heading, or 0).</summary>
    public int PreambleEnd => Sections.Count > 0 ? Sections[0].HeadingStart : Text.Length;

    /// <summary>The lines overlapping [start, end), clipped to it, chrome left out.</summary>
    public IEnumerable<(int Start, int End)> ContentLines(int start, int end)
    {
        for (var i = FirstLineEndingAtOrAfter(start); i < Lines.Count; i++)
        {
            var line = Lines[i];
            if (line.Start >= end)
            {
                yield break;
            }

            if (line.IsChrome)
            {
                continue;
            }

            var from = Math.Max(line.Start, start);
            var to = Math.Min(line.End, end);
            if (to > from)
            {
                yield return (from, to);
            }
        }
    }

    /// <summary>Index of the first line whose end is at or after <paramref name="offset"/> (lines are sorted).</summary>
    private int FirstLineEndingAtOrAfter(int offset)
    {
        int low = 0, high = Lines.Count;
        while (low < high)
        {
            var mid = (low + high) / 2;
            if (Lines[mid].End < offset)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return low;
    }

    /// <summary>The text of [start, end) without chrome lines, lines trimmed and joined.</summary>
    public string ContentText(int start, int end)
    {
        var builder = new StringBuilder(Math.Max(16, end - start));
        foreach (var (from, to) in ContentLines(start, end))
        {
            var line = Text.AsSpan(from, to - from).Trim();
            if (line.IsEmpty || line.Trim("| ").IsEmpty)
            {
                continue;
            }

            if (builder.Length > 0)
            {
                builder.Append('\n');
            }

            builder.Append(line);
        }

        return builder.ToString();
    }
}
