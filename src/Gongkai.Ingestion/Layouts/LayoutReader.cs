using Gongkai.Ingestion.Structure;
using Gongkai.Ingestion.Values;

namespace Gongkai.Ingestion.Layouts;

/// <summary>
/// Reads a stretch of the report into a <see cref="CellGrid"/>. Each line is one of:
/// <list type="bullet">
/// <item>a delimited row — <c>a | b | c</c> (pipe rows, Markdown, rendered HTML tables) or tab-separated;</item>
/// <item>a plain line — a label and/or trailing numbers separated by spaces (one cell per line, or <c>规章 0 0 0</c>).</item>
/// </list>
/// When most lines with content are delimited, the grid is a <see cref="GridKind.Rows"/> grid.
/// </summary>
internal static class LayoutReader
{
    public static CellGrid Read(ReportDocument document, int start, int end)
    {
        var text = document.Text;
        var rows = new List<IReadOnlyList<Cell>>();
        int delimited = 0, plain = 0;
        foreach (var (from, to) in document.ContentLines(start, end))
        {
            var line = text.AsSpan(from, to - from);
            if (line.Trim().IsEmpty || IsSeparatorRow(line))
            {
                continue;
            }

            var cells = new List<Cell>();
            var row = rows.Count;
            if (line.Contains('|') || line.Contains('\t'))
            {
                SplitDelimited(text, from, to, line.Contains('|') ? '|' : '\t', row, cells);
                delimited++;
            }
            else
            {
                SplitPlain(text, from, to, row, cells);
                plain++;
            }

            if (cells.Count > 0)
            {
                rows.Add(cells);
            }
        }

        return new CellGrid(delimited > plain ? GridKind.Rows : GridKind.Stream, rows);
    }

    /// <summary>Splits on the delimiter; interior empty cells are blanks, trailing ones are merged-cell debris.</summary>
    private static void SplitDelimited(string text, int from, int to, char delimiter, int row, List<Cell> cells)
    {
        var cellStart = from;
        var leading = true;
        for (var i = from; i <= to; i++)
        {
            if (i < to && text[i] != delimiter)
            {
                continue;
            }

            var (s, e) = Trim(text, cellStart, i);
            var isEmpty = e <= s;

            // A Markdown row starts with a delimiter: no cell before it.
            if (!(leading && isEmpty))
            {
                var content = text[s..Math.Max(s, e)];
                cells.Add(new Cell(content, s, Math.Max(s, e), row, !isEmpty && NumberReader.IsValueToken(content)));
            }

            leading = false;
            cellStart = i + 1;
        }

        while (cells.Count > 0 && cells[^1].Text.Length == 0)
        {
            cells.RemoveAt(cells.Count - 1);
        }
    }

    /// <summary>A plain line: trailing number tokens become cells of their own; the rest is one cell.</summary>
    private static void SplitPlain(string text, int from, int to, int row, List<Cell> cells)
    {
        var (s, e) = Trim(text, from, to);
        Span<(int Start, int End)> tokens = stackalloc (int, int)[64];
        var count = 0;
        var end = e;
        while (end > s)
        {
            var tokenStart = end;
            while (tokenStart > s && text[tokenStart - 1] != ' ')
            {
                tokenStart--;
            }

            if (count == tokens.Length || !NumberReader.IsValueToken(text.AsSpan(tokenStart, end - tokenStart)))
            {
                break;
            }

            tokens[count++] = (tokenStart, end);
            end = tokenStart;
            while (end > s && text[end - 1] == ' ')
            {
                end--;
            }
        }

        if (end > s)
        {
            cells.Add(new Cell(text[s..end], s, end, row, false));
        }

        while (count > 0)
        {
            var (ts, te) = tokens[--count];
            cells.Add(new Cell(text[ts..te], ts, te, row, true));
        }
    }

    private static bool IsSeparatorRow(ReadOnlySpan<char> line)
    {
        var sawDash = false;
        foreach (var c in line)
        {
            if (c is '-' or '—' or '=')
            {
                sawDash = true;
            }
            else if (c is not ('|' or ':' or ' ' or '+' or '\t'))
            {
                return false;
            }
        }

        return sawDash || line.Trim().Trim('|').Trim().IsEmpty;
    }

    private static (int Start, int End) Trim(string text, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        return (start, end);
    }
}
