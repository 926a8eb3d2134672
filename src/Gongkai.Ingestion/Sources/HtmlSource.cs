using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Gongkai.Ingestion.Normalization;

namespace Gongkai.Ingestion.Sources;

/// <summary>
/// An HTML page, parsed with AngleSharp: block elements become lines and every <c>&lt;table&gt;</c>
/// becomes its real grid (rowspan and colspan expanded), written one grid row per line as
/// <c>a | b | c</c> with the cells that start in that row. Each character maps to the element it came from.
/// The walk is iterative, so deeply nested markup cannot overflow the stack.
/// </summary>
internal sealed partial class HtmlSource(ReadOptions options) : IReportSource
{
    private const int MaxSpan = 256;

    private static readonly HashSet<string> Skipped =
        ["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "HEAD", "IFRAME", "SVG", "OBJECT", "SELECT", "BUTTON"];

    private static readonly HashSet<string> Blocks =
    [
        "P", "DIV", "SECTION", "ARTICLE", "HEADER", "FOOTER", "NAV", "ASIDE", "MAIN", "H1", "H2", "H3", "H4", "H5", "H6",
        "LI", "UL", "OL", "DL", "DT", "DD", "BLOCKQUOTE", "PRE", "FORM", "FIELDSET", "ADDRESS", "CENTER", "HR", "TITLE",
        "CAPTION", "FIGURE", "FIGCAPTION", "BODY", "HTML",
    ];

    // Void elements, and elements that close themselves implicitly: they do not deepen nesting.
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> NonNestingTags =
        new HashSet<string>(
            ["br", "img", "meta", "link", "input", "hr", "col", "wbr", "p", "li", "td", "th", "tr", "option", "dt", "dd", "source", "area", "base"],
            StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    // A parser (and the browsing context it creates) costs about as much to build as a small page
    // costs to parse. AngleSharp's parser is reusable but not thread-safe: one per thread.
    [ThreadStatic]
    private static HtmlParser? _parser;

    public string Name => "html";

    public static bool LooksLikeHtml(string text)
    {
        var head = text.Length > 65536 ? text[..65536] : text;
        return HtmlTag().Count(head) >= 2;
    }

    public SourceText? TryRead(SourceInput input)
    {
        if (input.Decoded is not { } decoded || !LooksLikeHtml(decoded.Text))
        {
            return null;
        }

        RefuseDeepNesting(decoded.Text, options.MaxHtmlNestingDepth);
        _parser ??= new HtmlParser(new HtmlParserOptions { IsKeepingSourceReferences = true });
        using var document = _parser.ParseDocument(decoded.Text);
        var writer = new Writer(decoded.Text.Length);
        var title = document.Title;
        if (!string.IsNullOrWhiteSpace(title) && document.Head?.QuerySelector("title") is { } titleElement)
        {
            writer.Text(title, Position(titleElement));
            writer.LineBreak(Position(titleElement));
        }

        if (document.Body is { } body)
        {
            Walk(body, writer);
        }

        var (text, map) = writer.Build();
        return new SourceText(decoded.Text, text, map, verbatim: false);
    }

    /// <summary>
    /// A linear pre-scan of the tags: elements that close themselves implicitly (p, li, td …) and
    /// void elements do not nest. Refuses the page, with the line, when nesting exceeds the limit.
    /// </summary>
    private static void RefuseDeepNesting(string html, int maxDepth)
    {
        var depth = 0;
        var line = 1;
        for (var i = 0; i < html.Length - 1; i++)
        {
            var c = html[i];
            if (c == '\n')
            {
                line++;
                continue;
            }

            if (c != '<')
            {
                continue;
            }

            var closing = html[i + 1] == '/';
            var start = closing ? i + 2 : i + 1;
            var end = start;
            while (end < html.Length && char.IsAsciiLetterOrDigit(html[end]))
            {
                end++;
            }

            if (end == start || !char.IsAsciiLetter(html[start]))
            {
                continue;
            }

            var name = html.AsSpan(start, end - start);
            if (NonNesting(name))
            {
                continue;
            }

            if (closing)
            {
                depth = Math.Max(0, depth - 1);
            }
            else if (!SelfClosed(html, end) && ++depth > maxDepth)
            {
                throw new InputRejectedException($"HTML 元素嵌套超过 {maxDepth} 层（第 {line} 行），不像一份正常的网页报告", line);
            }
        }
    }

    /// <summary>
    /// True when the tag starting before <paramref name="from"/> ends with "/&gt;". The search stops
    /// at the next '&lt;' or after 1 KiB, so markup with no '&gt;' at all stays linear.
    /// </summary>
    private static bool SelfClosed(string html, int from)
    {
        var window = html.AsSpan(from, Math.Min(1024, html.Length - from));
        var close = window.IndexOfAny('>', '<');
        return close > 0 && window[close] == '>' && window[close - 1] == '/';
    }

    private static bool NonNesting(ReadOnlySpan<char> name) => NonNestingTags.Contains(name);

    private static void Walk(INode root, Writer writer)
    {
        // Explicit stack of (node, entering): closing a block element adds its line break.
        var stack = new Stack<(INode Node, bool Enter)>();
        stack.Push((root, true));
        while (stack.Count > 0)
        {
            var (node, enter) = stack.Pop();
            if (node is IText text)
            {
                writer.Text(text.Data, Position(node.ParentElement));
                continue;
            }

            if (node is not IElement element)
            {
                continue;
            }

            var name = element.TagName;
            var position = Position(element);
            if (!enter)
            {
                writer.LineBreak(position);
                continue;
            }

            if (Skipped.Contains(name))
            {
                continue;
            }

            if (name == "BR")
            {
                writer.LineBreak(position);
                continue;
            }

            if (name == "TABLE")
            {
                writer.LineBreak(position);
                WriteTable(element, writer);
                continue;
            }

            if (name is "TD" or "TH" or "TR")
            {
                // A stray cell outside a table: its text is a line of its own.
                writer.LineBreak(position);
            }

            var block = Blocks.Contains(name) || name is "TD" or "TH" or "TR";
            if (block)
            {
                writer.LineBreak(position);
                stack.Push((element, false));
            }

            for (var child = element.LastChild; child is not null; child = child.PreviousSibling)
            {
                stack.Push((child, true));
            }
        }
    }

    private static void WriteTable(IElement table, Writer writer)
    {
        var rows = Rows(table);
        var grid = new List<List<IElement?>>();
        var covered = new Dictionary<(int Row, int Col), bool>();
        for (var r = 0; r < rows.Count; r++)
        {
            while (grid.Count <= r)
            {
                grid.Add([]);
            }

            var col = 0;
            foreach (var cell in rows[r].Children.Where(c => c.TagName is "TD" or "TH"))
            {
                while (covered.ContainsKey((r, col)))
                {
                    col++;
                }

                var rowSpan = Span(cell, "rowspan");
                var colSpan = Span(cell, "colspan");
                for (var dr = 0; dr < rowSpan; dr++)
                {
                    for (var dc = 0; dc < colSpan; dc++)
                    {
                        covered[(r + dr, col + dc)] = true;
                        if (dr == 0)
                        {
                            Place(grid[r], col + dc, dc == 0 ? cell : null);
                        }
                    }
                }

                col += colSpan;
            }
        }

        // Each grid row is written as its origin cells in column order; slots covered by a
        // rowspan or colspan are not cells of their own (a colspan label must not read as a blank).
        for (var r = 0; r < grid.Count; r++)
        {
            var rowPosition = Position(rows[Math.Min(r, rows.Count - 1)]);
            var first = true;
            foreach (var cell in grid[r])
            {
                if (cell is null)
                {
                    continue;
                }

                if (!first)
                {
                    writer.Raw(" | ", rowPosition);
                }

                writer.Text(CellText(cell), Position(cell), inCell: true);
                first = false;
            }

            writer.LineBreak(rowPosition);
        }
    }

    private static void Place(List<IElement?> row, int col, IElement? cell)
    {
        while (row.Count <= col)
        {
            row.Add(null);
        }

        row[col] = cell;
    }

    /// <summary>The table's own rows (not those of tables nested in its cells).</summary>
    private static List<IElement> Rows(IElement table)
    {
        var rows = new List<IElement>();
        foreach (var child in table.Children)
        {
            if (child.TagName == "TR")
            {
                rows.Add(child);
            }
            else if (child.TagName is "THEAD" or "TBODY" or "TFOOT")
            {
                rows.AddRange(child.Children.Where(c => c.TagName == "TR"));
            }
        }

        return rows;
    }

    private static string CellText(IElement cell)
    {
        var parts = new System.Text.StringBuilder();
        var stack = new Stack<INode>();
        stack.Push(cell);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (node is IText text)
            {
                parts.Append(text.Data);
                continue;
            }

            if (node is IElement element)
            {
                if (Skipped.Contains(element.TagName))
                {
                    continue;
                }

                if (element.TagName is "BR" or "P" or "DIV" or "TD" or "TH" or "TR")
                {
                    parts.Append(' ');
                }
            }

            for (var child = node.LastChild; child is not null; child = child.PreviousSibling)
            {
                stack.Push(child);
            }
        }

        return parts.ToString();
    }

    private static int Span(IElement cell, string attribute) =>
        int.TryParse(cell.GetAttribute(attribute), out var n) ? Math.Clamp(n, 1, MaxSpan) : 1;

    // AngleSharp counts positions from 1.
    private static int Position(IElement? element) => Math.Max(0, (element?.SourceReference?.Position.Position ?? 1) - 1);

    [GeneratedRegex(@"<(?:html|body|table|tr|td|div|p|br|span|head|meta|h[1-6])\b", RegexOptions.IgnoreCase)]
    private static partial Regex HtmlTag();

    /// <summary>Collapses white space as a browser does and records where each char came from.</summary>
    private sealed class Writer(int capacity)
    {
        private readonly MappedTextBuilder _builder = new(capacity / 2);
        private bool _pendingSpace;

        public void Text(string text, int position, bool inCell = false)
        {
            foreach (var c in text)
            {
                if (char.IsWhiteSpace(c) && c != '\u3000' && c != '\u00a0')
                {
                    _pendingSpace = _builder.Length > 0 && _builder.Last != '\n';
                    continue;
                }

                if (_pendingSpace)
                {
                    _builder.Append(' ', position);
                    _pendingSpace = false;
                }

                // A pipe inside a cell would split it: write it as a broken bar.
                _builder.Append(inCell && c is '|' or '｜' ? '¦' : c, position);
            }
        }

        public void Raw(string text, int position)
        {
            _pendingSpace = false;
            _builder.Append(text, position);
        }

        public void LineBreak(int position)
        {
            _pendingSpace = false;
            if (_builder.Length > 0 && _builder.Last != '\n')
            {
                _builder.Append('\n', position);
            }
        }

        public (string Text, int[] Map) Build() => _builder.Build();
    }
}
