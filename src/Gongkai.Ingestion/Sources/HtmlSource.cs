using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Html;
using AngleSharp.Html.Parser;
using AngleSharp.Html.Parser.Tokens.Struct;
using AngleSharp.Text;
using Gongkai.Ingestion.Normalization;

namespace Gongkai.Ingestion.Sources;

/// <summary>
/// An HTML page read from AngleSharp's tokenizer (the HTML standard's tokenization: entities,
/// attributes, raw-text elements), without building a DOM: block elements become lines and every
/// <c>&lt;table&gt;</c> becomes its real grid (rowspan and colspan expanded), written one grid row
/// per line as <c>a | b | c</c> with the cells that start in that row. A report page needs only
/// the text in document order and the tables' cells, and building the tree took two thirds of the
/// time. The tree construction rules that change what we read are applied here: cells and rows
/// close implicitly, text between a table's cells goes before the table, tables nested in a cell
/// read as that cell's text, and script, style, head and form controls are not text.
/// Each table cell maps to its <c>&lt;td&gt;</c> tag in the source, other text to where it stood.
/// </summary>
internal sealed partial class HtmlSource(ReadOptions options) : IReportSource
{
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Skipped = Lookup(
        "script", "style", "noscript", "template", "iframe", "svg", "math", "object", "select", "button", "textarea");

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Blocks = Lookup(
        "p", "div", "section", "article", "header", "footer", "nav", "aside", "main", "h1", "h2", "h3", "h4", "h5", "h6",
        "li", "ul", "ol", "dl", "dt", "dd", "blockquote", "pre", "form", "fieldset", "address", "center", "hr", "title",
        "caption", "figure", "figcaption", "body", "html", "br", "td", "th", "tr");

    // What may stand in <head>: anything else (or text) means the head has ended, as the parser decides.
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> HeadContent = Lookup(
        "title", "meta", "link", "style", "script", "base", "basefont", "bgsound", "noscript", "template", "head");

    // Void elements, and elements that close themselves implicitly: they do not deepen nesting.
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> NonNesting = Lookup(
        "br", "img", "meta", "link", "input", "hr", "col", "wbr", "p", "li", "td", "th", "tr", "option", "dt", "dd",
        "source", "area", "base", "embed", "param", "track", "basefont", "bgsound", "frame", "keygen");

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

        var html = decoded.Text;
        var tokenizer = new HtmlTokenizer(new TextSource(new ReadOnlyMemoryTextSource(html.AsMemory())), HtmlEntityProvider.Resolver)
        {
            SkipComments = true,
            SkipProcessingInstructions = true,
        };
        var page = new PageWriter(html.Length, options.MaxHtmlNestingDepth);
        while (true)
        {
            ref var token = ref tokenizer.GetStructToken();
            switch (token.Type)
            {
                case HtmlTokenType.StartTag:
                    tokenizer.State = ContentState(token.Name);
                    page.Start(ref token);
                    break;
                case HtmlTokenType.EndTag:
                    page.End(token.Name, Offset(token));
                    break;
                case HtmlTokenType.Character:
                    page.Characters(token.Data, Offset(token));
                    break;
                case HtmlTokenType.EndOfFile:
                    var (text, map) = page.Finish(Offset(token));
                    return new SourceText(html, text, map, verbatim: false);
            }
        }
    }

    /// <summary>
    /// How the tokenizer must read an element's content: the tree builder, which we do not run,
    /// is what switches it for script, style and the other raw-text elements.
    /// </summary>
    private static HtmlParseMode ContentState(ReadOnlySpan<char> name) => name switch
    {
        "script" => HtmlParseMode.Script,
        "style" or "xmp" or "iframe" or "noembed" or "noframes" => HtmlParseMode.Rawtext,
        "title" or "textarea" => HtmlParseMode.RCData,
        "plaintext" => HtmlParseMode.Plaintext,
        _ => HtmlParseMode.PCData,
    };

    // AngleSharp counts positions from 1.
    private static int Offset(in StructHtmlToken token) => Math.Max(0, token.Position.Position - 1);

    private static HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Lookup(params string[] names) =>
        new HashSet<string>(names, StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    [GeneratedRegex(@"<(?:html|body|table|tr|td|div|p|br|span|head|meta|h[1-6])\b", RegexOptions.IgnoreCase)]
    private static partial Regex HtmlTag();

    /// <summary>Follows the tags as they come and writes the page's lines.</summary>
    private sealed class PageWriter(int capacity, int maxDepth)
    {
        private readonly Writer _writer = new(capacity);
        private string? _skipping;
        private int _skipDepth;
        private bool _inHead;
        private int _depth;
        private TableBuilder? _table;

        public void Start(ref StructHtmlToken token)
        {
            ReadOnlySpan<char> name = token.Name;
            var offset = Offset(token);
            var nests = !token.IsSelfClosing && !NonNesting.Contains(name);
            if (nests && ++_depth > maxDepth)
            {
                throw new InputRejectedException(
                    $"HTML 元素嵌套超过 {maxDepth} 层（第 {token.Position.Line} 行），不像一份正常的网页报告", token.Position.Line);
            }

            if (_skipping is not null)
            {
                if (name.SequenceEqual(_skipping) && !token.IsSelfClosing)
                {
                    _skipDepth++;
                }

                return;
            }

            if (_inHead && !HeadContent.Contains(name))
            {
                _inHead = false;
            }

            if (name is "head")
            {
                _inHead = true;
                return;
            }

            if (Skipped.Contains(name) || (_inHead && name is not "title"))
            {
                if (!token.IsSelfClosing && !NonNesting.Contains(name))
                {
                    _skipping = name.ToString();
                    _skipDepth = 1;
                }

                return;
            }

            if (_table is { } table)
            {
                if (name is "table" && !table.InCell)
                {
                    // A table cannot open between another's cells: the first one ends here.
                    WriteTable(offset);
                }
                else
                {
                    table.Start(name, offset, ref token);
                    return;
                }
            }

            if (name is "table")
            {
                _writer.LineBreak(offset);
                _table = new TableBuilder(offset);
                return;
            }

            if (Blocks.Contains(name))
            {
                _writer.LineBreak(offset);
            }
        }

        public void End(ReadOnlySpan<char> name, int offset)
        {
            if (!NonNesting.Contains(name))
            {
                _depth = Math.Max(0, _depth - 1);
            }

            if (_skipping is not null)
            {
                if (name.SequenceEqual(_skipping) && --_skipDepth == 0)
                {
                    _skipping = null;
                }

                return;
            }

            if (name is "head")
            {
                _inHead = false;
                return;
            }

            if (_table is { } table)
            {
                if (table.End(name))
                {
                    WriteTable(offset);
                }

                return;
            }

            if (Blocks.Contains(name))
            {
                _writer.LineBreak(offset);
            }
        }

        public void Characters(ReadOnlySpan<char> text, int offset)
        {
            if (_skipping is not null)
            {
                return;
            }

            if (_inHead)
            {
                if (text.ContainsAnyExcept(" \t\n\f\r"))
                {
                    _inHead = false;
                }
                else
                {
                    return;
                }
            }

            if (_table is { } table)
            {
                table.Characters(text, offset);
                return;
            }

            _writer.Text(text, offset);
        }

        public (string Text, int[] Map) Finish(int offset)
        {
            if (_table is not null)
            {
                WriteTable(offset);
            }

            _writer.LineBreak(offset);
            return _writer.Build();
        }

        private void WriteTable(int offset)
        {
            _table!.Write(_writer);
            _table = null;
            _writer.LineBreak(offset);
        }
    }

    /// <summary>
    /// One table's rows and cells as the tags give them, then laid out on its real grid. Cells and
    /// rows close implicitly (a new <c>&lt;td&gt;</c> or <c>&lt;tr&gt;</c>); tables nested in a
    /// cell read as that cell's text; text outside every cell is written before the table, where
    /// a browser puts it.
    /// </summary>
    private sealed class TableBuilder(int position)
    {
        private const int MaxSpan = 256;

        private readonly List<Row> _rows = [];
        private readonly List<(string Text, int Position)> _outside = [];
        private Cell? _cell;
        private int _nested;

        public bool InCell => _cell is not null;

        public void Start(ReadOnlySpan<char> name, int offset, ref StructHtmlToken token)
        {
            if (_cell is { } cell)
            {
                if (name is "table")
                {
                    _nested++;
                }
                else if (_nested == 0 && name is "td" or "th" or "tr" or "tbody" or "thead" or "tfoot")
                {
                    CloseCell();
                    Start(name, offset, ref token);
                    return;
                }

                if (name is "br" or "p" or "div" or "td" or "th" or "tr")
                {
                    cell.Text.Append(' ');
                }

                return;
            }

            switch (name)
            {
                case "tr":
                    _rows.Add(new Row(offset));
                    break;
                case "td" or "th":
                    if (_rows.Count == 0 || _rows[^1].Closed)
                    {
                        _rows.Add(new Row(offset));
                    }

                    _cell = new Cell(offset, Span(token.GetAttribute("rowspan")), Span(token.GetAttribute("colspan")));
                    _rows[^1].Cells.Add(_cell);
                    break;
                case "tbody" or "thead" or "tfoot":
                    CloseRow();
                    break;
            }
        }

        /// <summary>True when the tag ends this table.</summary>
        public bool End(ReadOnlySpan<char> name)
        {
            if (_cell is not null && _nested > 0)
            {
                if (name is "table")
                {
                    _nested--;
                }

                return false;
            }

            switch (name)
            {
                case "td" or "th":
                    CloseCell();
                    break;
                case "tr" or "tbody" or "thead" or "tfoot":
                    CloseCell();
                    CloseRow();
                    break;
                case "table":
                    CloseCell();
                    return true;
                case "br" or "p" or "div" when _cell is { } cell:
                    cell.Text.Append(' ');
                    break;
            }

            return false;
        }

        public void Characters(ReadOnlySpan<char> text, int offset)
        {
            if (_cell is { } cell)
            {
                cell.Text.Append(text);
            }
            else if (text.ContainsAnyExcept(" \t\n\f\r"))
            {
                _outside.Add((text.ToString(), offset));
            }
        }

        public void Write(Writer writer)
        {
            foreach (var (text, offset) in _outside)
            {
                writer.Text(text, offset);
            }

            writer.LineBreak(position);

            // The grid: each origin cell at its row and first column; slots covered by a rowspan or
            // colspan are not cells of their own (a colspan label must not read as a blank).
            var grid = new List<List<Cell?>>();
            var covered = new HashSet<(int Row, int Col)>();
            for (var r = 0; r < _rows.Count; r++)
            {
                while (grid.Count <= r)
                {
                    grid.Add([]);
                }

                var col = 0;
                foreach (var cell in _rows[r].Cells)
                {
                    while (covered.Contains((r, col)))
                    {
                        col++;
                    }

                    for (var dr = 0; dr < cell.RowSpan; dr++)
                    {
                        for (var dc = 0; dc < cell.ColSpan; dc++)
                        {
                            covered.Add((r + dr, col + dc));
                        }
                    }

                    Place(grid[r], col, cell);
                    col += cell.ColSpan;
                }
            }

            for (var r = 0; r < grid.Count; r++)
            {
                var rowPosition = _rows[Math.Min(r, _rows.Count - 1)].Position;
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

                    writer.Text(cell.Text.ToString(), cell.Position, inCell: true);
                    first = false;
                }

                writer.LineBreak(rowPosition);
            }
        }

        private static void Place(List<Cell?> row, int col, Cell cell)
        {
            while (row.Count <= col)
            {
                row.Add(null);
            }

            row[col] = cell;
        }

        private static int Span(ReadOnlySpan<char> value) =>
            int.TryParse(value.Trim(), out var n) ? Math.Clamp(n, 1, MaxSpan) : 1;

        private void CloseCell()
        {
            _cell = null;
            _nested = 0;
        }

        private void CloseRow()
        {
            if (_rows.Count > 0)
            {
                _rows[^1].Closed = true;
            }
        }

        private sealed class Row(int position)
        {
            public int Position { get; } = position;

            public List<Cell> Cells { get; } = [];

            public bool Closed { get; set; }
        }

        private sealed class Cell(int position, int rowSpan, int colSpan)
        {
            public int Position { get; } = position;

            public int RowSpan { get; } = rowSpan;

            public int ColSpan { get; } = colSpan;

            public StringBuilder Text { get; } = new();
        }
    }

    /// <summary>Collapses white space as a browser does and records where each char came from.</summary>
    private sealed class Writer(int capacity)
    {
        private readonly MappedTextBuilder _builder = new(capacity / 2);
        private bool _pendingSpace;

        public void Text(ReadOnlySpan<char> text, int position, bool inCell = false)
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
