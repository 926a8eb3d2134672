using System.Text;

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
}
