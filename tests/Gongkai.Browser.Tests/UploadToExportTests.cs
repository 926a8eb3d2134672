using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Gongkai.Testing;
using Microsoft.Playwright;

namespace Gongkai.Browser.Tests;

/// <summary>
/// The walk-through in a real browser: sign in, upload seed 002, see its broken total
/// marked, click it to see its source line, watch the dashboard chart render, download the XLSX.
/// </summary>
public sealed class UploadToExportTests(RunningApp app) : IClassFixture<RunningApp>
{
    private const string Seed = "002_b423b0293a9d3bd4.txt";

    [Fact]
    public async Task Upload_seed_002_then_follow_its_broken_total_to_the_source_the_dashboard_and_the_workbook()
    {
        await using var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.Address.ToString(), AcceptDownloads = true, Locale = "zh-CN" });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(15_000);

        // Sign in: the upload page sends an anonymous visitor to the login form first.
        await page.GotoAsync("/admin/upload");
        Assert.EndsWith("/account/login?ReturnUrl=%2Fadmin%2Fupload", page.Url, StringComparison.Ordinal);
        await page.GetByLabel("用户名").FillAsync(RunningApp.AdminName);
        await page.GetByLabel("密码").FillAsync(RunningApp.AdminPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await page.WaitForURLAsync("**/admin/upload");

        // Upload seed 002.
        await page.Locator("input[type=file]").SetInputFilesAsync(Path.Combine(SharedData.Seeds, Seed));
        await page.GetByRole(AriaRole.Button, new() { Name = "上传并导入" }).ClickAsync();
        await Assertions.Expect(page.Locator("p.count")).ToContainTextAsync("新增 1");

        // Its report page marks the broken (七)总计 of 自然人 as an error, with the explanation.
        await page.GetByRole(AriaRole.Link, new() { Name = Seed }).ClickAsync();
        var cell = page.Locator("td[data-cell='total.naturalPerson']");
        await Assertions.Expect(cell).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("f-error"));
        Assert.Contains("表三“(七)总计”自然人列为0，但各办理结果之和为4", await cell.GetAttributeAsync("title"), StringComparison.Ordinal);

        // Clicking the cell shows where it stood in the source: line 493, highlighted and in view.
        await cell.ClickAsync();
        var line = page.Locator("#L493");
        await Assertions.Expect(line).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("hit"));
        await Assertions.Expect(line).ToBeInViewportAsync();
        Assert.Equal("0", (await line.InnerTextAsync()).Trim());

        // The dashboard's charts render (ECharts draws into a canvas).
        await page.GotoAsync("/dashboard");
        await Assertions.Expect(page.Locator("#trend[data-rendered=true] canvas")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#outcomes[data-rendered=true] canvas")).ToHaveCountAsync(1);

        // The XLSX export downloads and opens as a workbook with seed 002's numbers.
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "表三合计 XLSX（官方格式）" }).ClickAsync());
        var file = Path.Combine(app.Downloads, download.SuggestedFilename);
        await download.SaveAsAsync(file);
        Assert.Equal("表三-收到和处理政府信息公开申请情况.xlsx", download.SuggestedFilename);
        using var workbook = SpreadsheetDocument.Open(file, false);
        var cells = workbook.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Cell>().ToDictionary(c => c.CellReference!.Value!);
        Assert.Equal("一、本年新收政府信息公开申请数量", cells["A5"].InlineString!.InnerText);
        Assert.Equal("4", cells["J5"].CellValue!.Text);
        Assert.Equal("4", cells["D5"].CellValue!.Text);
    }
}
