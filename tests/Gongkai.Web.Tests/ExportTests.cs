using System.Text.Json.Nodes;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Gongkai.Web.Tests;

public sealed class ExportTests(GongkaiApp app) : IClassFixture<GongkaiApp>
{
    private readonly HttpClient _client = app.CreateClient();

    [Fact]
    public async Task Table_three_sums_over_the_selection_and_leaves_unstated_cells_empty()
    {
        var json = JsonNode.Parse(await _client.GetStringAsync(new Uri("/api/aggregate/requests", UriKind.Relative)))!;
        Assert.Equal(5, json["reports"]!.GetValue<int>());

        // 000 (3) + 002 (4) + 003 (0) + 004 (3); 001 states no table.
        Assert.Equal(10m, json["requests"]!["newReceived"]![6]!.GetValue<decimal>());
        Assert.Equal(3m, json["requests"]!["unable.notHeld"]![6]!.GetValue<decimal>() + json["requests"]!["unable.needsCreation"]![6]!.GetValue<decimal>());

        // The 2019 report (000) has one (六)其他处理 row: reported apart, not forced into a 2021 sub-row.
        Assert.Equal(0m, json["unsplitOtherHandling"]!.GetValue<decimal>());

        var only2021 = JsonNode.Parse(await _client.GetStringAsync(new Uri("/api/aggregate/requests?year=2021", UriKind.Relative)))!;
        Assert.Equal(4m, only2021["requests"]!["newReceived"]![6]!.GetValue<decimal>());
        Assert.Null(only2021["unsplitOtherHandling"]);
    }

    [Fact]
    public async Task Xlsx_export_is_a_valid_workbook_in_the_official_layout()
    {
        using var response = await _client.GetAsync(new Uri("/export/requests.xlsx", UriKind.Relative));
        response.EnsureSuccessStatusCode();
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType!.MediaType);
        await using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        using var document = SpreadsheetDocument.Open(stream, false);
        var sheet = document.WorkbookPart!.WorksheetParts.Single().Worksheet;
        var merges = sheet.Descendants<MergeCell>().Select(m => m.Reference!.Value).ToList();

        // Caption over A–C and three header rows; 申请人情况 over D–J; 法人或其他组织 over E–I; 三、本年度办理结果 down its 22 rows (data contract).
        Assert.Contains("A2:C4", merges);
        Assert.Contains("D2:J2", merges);
        Assert.Contains("E3:I3", merges);
        Assert.Contains("A7:A28", merges);

        var cells = sheet.Descendants<Cell>().ToDictionary(c => c.CellReference!.Value!);
        Assert.Equal("一、本年新收政府信息公开申请数量", cells["A5"].InlineString!.InnerText);
        Assert.Equal(10m, decimal.Parse(cells["J5"].CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("自然人", cells["D3"].InlineString!.InnerText);
    }

    [Fact]
    public async Task Csv_export_lists_the_selected_reports()
    {
        var csv = await _client.GetStringAsync(new Uri("/export/reports.csv?late=true", UriKind.Relative));
        var lines = csv.TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("id,agency,region,year,template,published,late,errors,warnings,version,file", lines[0]);
        var row = Assert.Single(lines.Skip(1));
        Assert.Contains(",上虞区财政局（区国资办）,上虞区,2018,2008,2020-01-03,true,", row, StringComparison.Ordinal);
    }
}
