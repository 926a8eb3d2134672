using System.Text;
using Gongkai.Ingestion.Sources;

namespace Gongkai.Ingestion.Tests.Units;

/// <summary>HTML tables become their real grid; cell positions point into the HTML source.</summary>
public sealed class HtmlSourceTests
{
    [Fact]
    public void Rowspan_and_colspan_tables_map_to_the_template_and_point_into_the_html()
    {
        var html = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Units", "table-three.html"));
        var result = ReportReader.Read(Encoding.UTF8.GetBytes(html), "page.html");
        Assert.True(result.Succeeded, result.Error?.ToString());
        Assert.Equal("html", result.SourceKind);
        var requests = result.Report!.Requests!;
        Assert.Equal(5m, requests.Value("newReceived", "naturalPerson"));
        Assert.Equal(2m, requests.Value("unable.notHeld", "naturalPerson"));
        Assert.Equal(7m, requests.Value("total", "total"));
        var cell = requests["unable.notHeld", "naturalPerson"];
        Assert.Equal("<td>2</td>", html.Substring(cell.Span!.Value.Start, "<td>2</td>".Length));
        Assert.Empty(result.Report.ReadProblems);
        Assert.Equal("测试市测试局", result.Report.Agency!.Value);
        Assert.Equal(new DateOnly(2023, 1, 20), result.Report.Published!.Value);
    }

    [Theory]
    [InlineData( // cells and rows that close implicitly; a script whose text holds tags; the title first
        "<html><head><title>T 标题</title><script>if(a<b){document.write('<td>x</td>')}</script></head><body><p>甲</p>" +
        "<table><tr><td>1<td>2<tr><td rowspan=2>3</td><td>4</tr><tr><td>5</table>尾</body></html>",
        "T 标题\n甲\n1 | 2\n3 | 4\n5\n尾\n")]
    [InlineData( // a caption and text between cells go before the table, where a browser shows them
        "<html><body><div>前<table><caption>表三</caption>游离<tr><td>a</td>b<td>c</td></tr></table>后</div></body></html>",
        "前\n表三游离b\na | c\n后\n")]
    [InlineData( // a table nested in a cell is that cell's text; its cells do not end the outer cell
        "<html><body><table><tr><td>外<table><tr><td>内1</td><td>内2</td></tr></table>外尾</td><td>x</td></tr>" +
        "<tr><td colspan=2>y</td></tr></table></body></html>",
        "外 内1 内2外尾 | x\ny\n")]
    [InlineData( // form controls and comments are not text; entities are decoded; a stray cell is a line
        "<html><body><p>a<br>b</p><td>孤</td><ul><li>一<li>二</ul><select><option>不</option></select>" +
        "<textarea>文本</textarea><!-- 注释 --><p>&lt;&amp;&nbsp;x</p></body></html>",
        "a\nb\n孤\n一\n二\n<&\u00a0x\n")]
    [InlineData( // no html, head or body tags; a table never closed ends with the page
        "<p>无头<p>第二<table><td>1</td><td>2</td></table><div>后<table><tr><td>末",
        "无头\n第二\n1 | 2\n后\n末\n")]
    [InlineData( // text after the head's tags starts the body
        "<html><head><meta charset=utf-8><style>p{}</style></head>正文<body><p>b</p></body></html>",
        "正文\nb\n")]
    [InlineData( // old void elements in the head do not swallow the page
        "<html><head><bgsound src=a.mid><basefont size=3><title>题</title></head><body><p>正文</p></body></html>",
        "题\n正文\n")]
    public void Pages_read_as_a_browser_shows_them(string html, string expected)
    {
        var source = new HtmlSource(new ReadOptions()).TryRead(new SourceInput(Encoding.UTF8.GetBytes(html), "page.html"));
        Assert.NotNull(source);
        Assert.Equal(expected, source.Text);
        for (var i = 0; i < source.Text.Length; i++)
        {
            Assert.InRange(source.SourceOffset(i), 0, html.Length - 1);
        }
    }
}
