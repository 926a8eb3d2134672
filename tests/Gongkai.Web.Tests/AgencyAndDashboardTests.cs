using System.Text.Json.Nodes;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Gongkai.Web.Tests;

public sealed class AgencyHistoryTests(HistoryApp app) : IClassFixture<HistoryApp>
{
    private readonly HttpClient _client = app.CreateClient();

    private async Task<JsonNode> Agency()
    {
        var list = JsonNode.Parse(await _client.GetStringAsync(new Uri("/api/agencies?name=审计局", UriKind.Relative)))!;
        var id = Assert.Single(list["items"]!.AsArray())!["id"]!.GetValue<int>();
        return JsonNode.Parse(await _client.GetStringAsync(new Uri($"/api/agencies/{id}", UriKind.Relative)))!;
    }

    [Fact]
    public async Task Agency_links_its_years_and_flags_the_carried_over_mismatch_only()
    {
        var agency = await Agency();
        Assert.Equal(HistoryApp.Agency, agency["name"]!.GetValue<string>());
        Assert.Equal([2021, 2022, 2023], agency["years"]!.AsArray().Select(y => y!["year"]!.GetValue<int>()));
        Assert.Equal(app.Received[2022], agency["years"]![1]!["received"]!.GetValue<decimal>());

        var xy1 = agency["crossYear"]!.AsArray().Where(f => f!["code"]!.GetValue<string>() == "XY1").ToList();
        Assert.Equal(2, xy1.Count);
        Assert.All(xy1, f => Assert.Equal(2023, f!["year"]!.GetValue<int>()));
        var natural = xy1.Single(f => f!["column"]!.GetValue<string>() == "naturalPerson")!;
        Assert.Equal($"表三自然人列：2023年“二、上年结转”为{app.PreviousCarriedForward[2022] + 2}，但2022年报告“四、结转下年度继续办理”为{app.PreviousCarriedForward[2022]}，两者应相等", natural["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Agency_page_draws_the_trend_and_lists_the_cross_year_findings()
    {
        var agency = await Agency();
        var id = agency["id"]!.GetValue<int>();
        var html = await _client.GetStringAsync(new Uri($"/agencies/{id}", UriKind.Relative));
        Assert.Contains("data-chart=\"trend\"", html, StringComparison.Ordinal);
        Assert.Contains("<script src=\"/lib/echarts/echarts.min.js", html, StringComparison.Ordinal);
        var data = JsonNode.Parse(Between(html, "<script type=\"application/json\" id=\"trend-data\">", "</script>"))!;
        Assert.Equal([2021, 2022, 2023], data["years"]!.AsArray().Select(y => y!.GetValue<int>()));
        Assert.Equal(app.Received[2021], data["series"]![0]!["values"]![0]!.GetValue<decimal>());
        Assert.Contains($"跨年度核对（{agency["crossYear"]!.AsArray().Count}）", html, StringComparison.Ordinal);
        Assert.Contains("XY1", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Comparison_of_two_years_marks_the_cells_that_differ()
    {
        var years = (await Agency())["years"]!.AsArray();
        var (a, b) = (years[1]!["reportId"]!.GetValue<int>(), years[2]!["reportId"]!.GetValue<int>());
        var json = JsonNode.Parse(await _client.GetStringAsync(new Uri($"/api/compare?ids={a}&ids={b}", UriKind.Relative)))!;
        var cells = json["cells"]!.AsArray();
        var carriedOver = cells.Single(c => c!["row"]!.GetValue<string>() == "carriedOver" && c["column"]!.GetValue<string>() == "naturalPerson")!;
        Assert.Equal(app.PreviousCarriedForward[2021], carriedOver["values"]![0]!.GetValue<decimal>());
        Assert.Equal(app.PreviousCarriedForward[2022] + 2, carriedOver["values"]![1]!.GetValue<decimal>());
        Assert.Equal(carriedOver["values"]![0]!.GetValue<decimal>() != carriedOver["values"]![1]!.GetValue<decimal>(), carriedOver["differs"]!.GetValue<bool>());
        Assert.All(cells, c => Assert.Equal(c!["values"]![0]?.ToJsonString() != c["values"]![1]?.ToJsonString(), c["differs"]!.GetValue<bool>()));

        var page = await _client.GetStringAsync(new Uri($"/compare?ids={a}&ids={b}&diffOnly=true", UriKind.Relative));
        var shown = page.Split("<tr class=\"differs\"").Length - 1;
        Assert.Equal(cells.Count(c => c!["differs"]!.GetValue<bool>()), shown);
        Assert.DoesNotContain("<tr class=\"\"", page, StringComparison.Ordinal);
    }

    internal static string Between(string text, string start, string end)
    {
        var from = text.IndexOf(start, StringComparison.Ordinal) + start.Length;
        return text[from..text.IndexOf(end, from, StringComparison.Ordinal)];
    }
}

public sealed class DashboardTests(GongkaiApp app) : IClassFixture<GongkaiApp>
{
    private readonly HttpClient _client = app.CreateClient();

    [Fact]
    public async Task Dashboard_sums_the_selection_and_lists_late_and_broken_reports()
    {
        var json = JsonNode.Parse(await _client.GetStringAsync(new Uri("/api/dashboard", UriKind.Relative)))!;
        Assert.Equal(5, json["reports"]!.GetValue<int>());
        Assert.Equal(10m, json["requests"]!["newReceived"]![6]!.GetValue<decimal>());
        Assert.Equal(1, json["late"]!.GetValue<int>());
        Assert.Equal(1, json["withErrors"]!.GetValue<int>());
        Assert.Equal(["上虞区财政局（区国资办）", "资阳市雁江区人民政府办公室"], json["problems"]!.AsArray().Select(p => p!["agency"]!.GetValue<string>()).Order());

        // Outcome mix: 予以公开 summed over the seeds' 总计 column equals the table's own sum.
        var granted = json["outcomes"]!.AsArray().Single(o => o!["name"]!.GetValue<string>() == "予以公开")!;
        Assert.Equal(json["requests"]!["granted"]![6]!.GetValue<decimal>(), granted["value"]!.GetValue<decimal>());

        // Years run from the first to the last with a gap where no report states the figure.
        var years = json["years"]!.AsArray().Select(y => y!.GetValue<int>()).ToList();
        Assert.Equal(Enumerable.Range(years[0], years.Count), years);
        var received = json["trend"]![0]!["values"]!.AsArray();
        Assert.Null(received[years.IndexOf(2022)]);
        Assert.Equal(4m, received[years.IndexOf(2021)]!.GetValue<decimal>());
    }

    [Fact]
    public async Task Dashboard_page_carries_chart_data_and_both_tables_in_the_official_layout()
    {
        var html = await _client.GetStringAsync(new Uri("/dashboard?year=2021", UriKind.Relative));
        Assert.Contains("表三 收到和处理政府信息公开申请情况（合计）", html, StringComparison.Ordinal);
        Assert.Contains("表四", html, StringComparison.Ordinal);
        var pie = JsonNode.Parse(AgencyHistoryTests.Between(html, "<script type=\"application/json\" id=\"outcomes-data\">", "</script>"))!;
        Assert.NotEmpty(pie["items"]!.AsArray());
        Assert.Contains("data-chart=\"bars\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Totals_workbook_has_table_three_and_table_four_sheets()
    {
        var bytes = await _client.GetByteArrayAsync(new Uri("/export/totals.xlsx", UriKind.Relative));
        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var sheets = document.WorkbookPart!.Workbook.Descendants<Sheet>().Select(s => s.Name!.Value).ToList();
        Assert.Equal(["收到和处理政府信息公开申请情况", "行政复议、行政诉讼情况"], sheets);

        var csv = (await _client.GetStringAsync(new Uri("/export/totals.csv?year=2021", UriKind.Relative))).TrimStart('\uFEFF').Split('\n');
        Assert.Equal("table,row,row_label,column,column_label,value", csv[0]);
        Assert.Contains("requests,newReceived,一、本年新收政府信息公开申请数量,total,总计,4", csv);
    }

    [Fact]
    public async Task Agency_list_exports_as_a_workbook()
    {
        var bytes = await _client.GetByteArrayAsync(new Uri("/export/agencies.xlsx", UriKind.Relative));
        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var rows = document.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Row>().ToList();
        Assert.Equal(6, rows.Count);
        Assert.Equal("name", rows[0].Elements<Cell>().ElementAt(1).InlineString!.InnerText);
    }
}

public sealed class SearchTests(GongkaiApp app) : IClassFixture<GongkaiApp>
{
    private readonly HttpClient _client = app.CreateClient();

    [Fact]
    public async Task Search_highlights_the_phrase_and_keeps_the_filters()
    {
        var html = await _client.GetStringAsync(new Uri("/search?q=" + Uri.EscapeDataString("信息处理费"), UriKind.Relative));
        Assert.Contains("共 2 份报告", html, StringComparison.Ordinal);
        Assert.Contains("<mark>信息处理费</mark>", html, StringComparison.Ordinal);

        var filtered = await _client.GetStringAsync(new Uri("/search?year=2023&q=" + Uri.EscapeDataString("信息处理费"), UriKind.Relative));
        Assert.Contains("共 1 份报告", filtered, StringComparison.Ordinal);
        Assert.Contains("昌吉州财政局", filtered, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Traditional_queries_find_simplified_text_and_markup_in_queries_stays_text()
    {
        var html = await _client.GetStringAsync(new Uri("/search?q=" + Uri.EscapeDataString("行政復議"), UriKind.Relative));
        Assert.Contains("<mark>行政复议</mark>", html, StringComparison.Ordinal);

        var hostile = await _client.GetStringAsync(new Uri("/search?q=" + Uri.EscapeDataString("<script>alert(1)</script> \"unbalanced"), UriKind.Relative));
        Assert.DoesNotContain("<script>alert", hostile, StringComparison.Ordinal);
        Assert.Contains("共 0 份报告", hostile, StringComparison.Ordinal);
    }
}
