using System.IO.Compression;
using System.Net;
using System.Text.Json.Nodes;
using Gongkai.Model.Templates;
using System.Text.RegularExpressions;
using Gongkai.Storage;
using Gongkai.Storage.Accounts;
using Gongkai.Testing;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Web.Tests;

public sealed partial class AdminTests(GongkaiApp app) : IClassFixture<GongkaiApp>
{
    private const string Password = "correct-horse-battery";

    private HttpClient Client() => app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private async Task<HttpClient> SignedIn()
    {
        var (_, errors) = await Administrators.CreateOrResetAsync(app.Services.GetRequiredService<Database>(), "admin", Password);
        Assert.Empty(errors);
        var client = Client();
        var form = await client.GetStringAsync(new Uri("/account/login", UriKind.Relative));
        using var login = await client.PostAsync(new Uri("/account/login", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = "admin", ["Password"] = Password, ["__RequestVerificationToken"] = Token(form),
        }));
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        return client;
    }

    private static string Token(string html) => TokenPattern().Match(html).Groups[1].Value;

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [Fact]
    public async Task Upload_needs_a_signed_in_administrator_and_a_wrong_password_is_refused()
    {
        using var anonymous = await Client().GetAsync(new Uri("/admin/upload", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/account/login", anonymous.Headers.Location!.PathAndQuery, StringComparison.Ordinal);

        await SignedIn();
        var client = Client();
        var form = await client.GetStringAsync(new Uri("/account/login", UriKind.Relative));
        using var wrong = await client.PostAsync(new Uri("/account/login", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = "admin", ["Password"] = "not-the-password", ["__RequestVerificationToken"] = Token(form),
        }));
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("用户名或密码不正确", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_imports_files_and_zips_lists_unreadable_ones_and_updates_search()
    {
        var client = await SignedIn();
        var page = await client.GetStringAsync(new Uri("/admin/upload", UriKind.Relative));

        var report = ReportFaker.Create(77, Model.Templates.TemplateCatalog.V2021) with { Agency = "宜宾市统计局" };
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            await using (var entry = archive.CreateEntry("reports/yibin.html").Open())
            {
                await entry.WriteAsync(LayoutRenderer.RenderBytes(report, new RenderOptions(Layout.Html)));
            }

            await using (var entry = archive.CreateEntry("reports/empty.txt").Open())
            {
            }
        }

        using var content = new MultipartFormDataContent
        {
            { new StringContent(Token(page)), "__RequestVerificationToken" },
            { new StringContent("四川省/宜宾市"), "Region" },
            { new ByteArrayContent(zip.ToArray()), "Files", "batch.zip" },
            { new ByteArrayContent(await File.ReadAllBytesAsync(Path.Combine(SharedData.Seeds, "002_b423b0293a9d3bd4.txt"))), "Files", "002.txt" },
            { new ByteArrayContent([0x50, 0x4B, 0x03, 0x04, 1, 2, 3]), "Files", "broken.zip" },
        };
        using var response = await client.PostAsync(new Uri("/admin/upload", UriKind.Relative), content);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("共 3 个文件：新增 1，新版本 0，已有 1，无法读取 1", html, StringComparison.Ordinal);
        Assert.Contains("broken.zip：不是有效的 zip 压缩包", html, StringComparison.Ordinal);
        Assert.Contains("batch.zip!reports/empty.txt", html, StringComparison.Ordinal);

        var agencies = await client.GetStringAsync(new Uri("/api/agencies?name=" + Uri.EscapeDataString("统计局"), UriKind.Relative));
        Assert.Contains("\"region\":\"四川省/宜宾市\"", agencies, StringComparison.Ordinal);
        var search = await client.GetStringAsync(new Uri("/search?q=" + Uri.EscapeDataString("宜宾市统计局"), UriKind.Relative));
        Assert.Contains("共 1 份报告", search, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_agency_edit_moves_its_reports_in_the_cached_dashboard_at_once()
    {
        var anonymous = Client();
        async Task<JsonNode> Dashboard(string kind = "&kind=Government") =>
            JsonNode.Parse(await anonymous.GetStringAsync(new Uri("/api/dashboard?region=资阳市/雁江区" + kind, UriKind.Relative)))!;
        var wholeRegion = await Dashboard(kind: "");
        Assert.Equal(1, wholeRegion["reports"]!.GetValue<int>());
        Assert.Equal(0, (await Dashboard())["reports"]!.GetValue<int>());
        Assert.Equal(0, (await Dashboard())["reports"]!.GetValue<int>());

        // 资阳市雁江区人民政府办公室 (seed 002) was read as a department; an administrator makes it a government.
        var client = await SignedIn();
        var list = JsonNode.Parse(await client.GetStringAsync(new Uri("/api/agencies?name=" + Uri.EscapeDataString("雁江区人民政府办公室"), UriKind.Relative)))!;
        var id = list["items"]!.AsArray().Single()!["id"]!.GetValue<int>();
        var page = await client.GetStringAsync(new Uri($"/agencies/{id}", UriKind.Relative));
        using var edit = await client.PostAsync(new Uri($"/agencies/{id}", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["category"] = "Government", ["region"] = "资阳市/雁江区", ["__RequestVerificationToken"] = Token(page),
        }));
        Assert.Equal(HttpStatusCode.Redirect, edit.StatusCode);

        var after = await Dashboard();
        Assert.Equal(1, after["reports"]!.GetValue<int>());
        Assert.True(JsonNode.DeepEquals(wholeRegion["requests"], after["requests"]));
        Assert.NotNull(after["requests"]![Ids.Requests.NewReceived]!.AsArray().Last());
    }
}
