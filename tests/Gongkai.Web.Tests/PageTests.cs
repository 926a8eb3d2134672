using System.Net;
using System.Text.Json.Nodes;

namespace Gongkai.Web.Tests;

public sealed class PageTests(GongkaiApp app) : IClassFixture<GongkaiApp>
{
    private readonly HttpClient _client = app.CreateClient();

    private async Task<int> IdOf(string file)
    {
        var list = JsonNode.Parse(await _client.GetStringAsync(new Uri("/api/reports", UriKind.Relative)))!;
        return list["items"]!.AsArray().Single(i => i!["fileName"]!.GetValue<string>() == file)!["id"]!.GetValue<int>();
    }

    [Fact]
    public async Task Home_shows_corpus_figures_and_newest_findings_in_chinese()
    {
        var html = await _client.GetStringAsync(new Uri("/", UriKind.Relative));
        Assert.Contains("<b>5</b><span>份报告</span>", html, StringComparison.Ordinal);
        Assert.Contains("<span>份有错误</span>", html, StringComparison.Ordinal);
        Assert.Contains("未说明信息处理费", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_list_filters_by_errors_year_template_and_finding_code()
    {
        async Task<string[]> Agencies(string query)
        {
            var json = JsonNode.Parse(await _client.GetStringAsync(new Uri("/api/reports" + query, UriKind.Relative)))!;
            return [.. json["items"]!.AsArray().Select(i => i!["agency"]!.GetValue<string>())];
        }

        Assert.Equal(["资阳市雁江区人民政府办公室"], await Agencies("?errors=true"));
        Assert.Equal(["抚顺市金融发展局", "资阳市雁江区人民政府办公室"], (await Agencies("?year=2021")).Order());
        Assert.Equal(["资阳市财政局"], await Agencies("?template=2019"));
        Assert.Equal(["上虞区财政局（区国资办）"], await Agencies("?late=true"));
        Assert.Equal(["抚顺市金融发展局"], await Agencies("?code=FEE1"));
        Assert.Equal(5, (await Agencies("?sort=errors")).Length);

        var page = await _client.GetStringAsync(new Uri("/reports?errors=true", UriKind.Relative));
        Assert.Contains("共 1 份", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_page_marks_the_broken_total_and_links_it_to_its_source_line()
    {
        var html = await _client.GetStringAsync(new Uri($"/reports/{await IdOf("002_b423b0293a9d3bd4.txt")}", UriKind.Relative));
        Assert.Contains("<th colspan=\"2\">（七）总计</th>", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"v f-error\" data-line=\"493\" data-cell=\"total.naturalPerson\" title=\"[R1]", html, StringComparison.Ordinal);
        Assert.Contains("表三“(七)总计”自然人列为0，但各办理结果之和为4", html, StringComparison.Ordinal);
        Assert.Contains("<li id=\"L493\">0</li>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lost_tables_are_shown_as_absent_not_as_zero()
    {
        var html = await _client.GetStringAsync(new Uri($"/reports/{await IdOf("001_fdba5679b7b391e3.txt")}", UriKind.Relative));
        Assert.Contains("未能读到任何统计表", html, StringComparison.Ordinal);
        Assert.DoesNotContain("class=\"official\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Api_serves_the_model_the_source_and_an_openapi_document()
    {
        var id = await IdOf("004_db6cd9a826adafdd.txt");
        var model = JsonNode.Parse(await _client.GetStringAsync(new Uri($"/api/reports/{id}", UriKind.Relative)))!;
        Assert.Equal(76.885m, model["active"]!["fees"]!["amount"]!.GetValue<decimal>());
        var source = await _client.GetStringAsync(new Uri($"/api/reports/{id}/source", UriKind.Relative));
        Assert.StartsWith("根据《中华人民共和国政府信息公开条例》", source, StringComparison.Ordinal);
        var openApi = JsonNode.Parse(await _client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)))!;
        Assert.NotNull(openApi["paths"]!["/api/reports/{id}"]);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync(new Uri("/reports/99999", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Committed_openapi_document_matches_what_the_app_serves()
    {
        // docs/api/openapi-v1.json is the API's description for readers of the repository; when an
        // endpoint changes, regenerate it from /openapi/v1.json (without "servers").
        var served = JsonNode.Parse(await _client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)))!.AsObject();
        served.Remove("servers");
        var committed = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(Gongkai.Testing.SharedData.RepositoryRoot, "docs", "api", "openapi-v1.json")))!;
        Assert.True(JsonNode.DeepEquals(committed, served), "docs/api/openapi-v1.json is out of date: regenerate it from /openapi/v1.json");
    }
}
