using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Gongkai.Testing;

namespace Gongkai.Web.Tests;

/// <summary>The web app with seed 002, a corrected version of it (its 总计 fixed), and seed 003.</summary>
public sealed class VersionsApp : SqliteApp
{
    private readonly string _folder = Directory.CreateTempSubdirectory("gongkai-versions-").FullName;

    public VersionsApp()
    {
        var text = File.ReadAllText(Path.Combine(SharedData.Seeds, "002_b423b0293a9d3bd4.txt"));
        File.WriteAllText(Path.Combine(_folder, "002_b423b0293a9d3bd4.txt"), text);
        File.WriteAllText(
            Path.Combine(_folder, "002-corrected.txt"),
            text.Replace("(七)总计\n\n0\n\n0\n\n0\n\n0\n\n0\n\n0\n\n0", "(七)总计\n\n4\n\n0\n\n0\n\n0\n\n0\n\n0\n\n4", StringComparison.Ordinal));
        File.Copy(Path.Combine(SharedData.Seeds, "003_ab7d1287facdaff7.txt"), Path.Combine(_folder, "003_ab7d1287facdaff7.txt"));
    }

    protected override string SeedFolder => _folder;

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Directory.Delete(_folder, recursive: true);
    }
}

public sealed partial class VersionPageTests(VersionsApp app) : IClassFixture<VersionsApp>
{
    private readonly HttpClient _client = app.CreateClient();

    [Fact]
    public async Task A_report_page_links_the_other_versions_of_its_agency_and_year()
    {
        var list = JsonNode.Parse(await _client.GetStringAsync(new Uri("/api/reports", UriKind.Relative)))!["items"]!.AsArray();
        Assert.Equal(2, list.Count);
        var current = list.Single(i => i!["agency"]!.GetValue<string>() == "资阳市雁江区人民政府办公室")!["id"]!.GetValue<int>();

        var page = await _client.GetStringAsync(new Uri($"/reports/{current}", UriKind.Relative));
        Assert.Contains("<dt>版本</dt>", page, StringComparison.Ordinal);
        Assert.Contains("<b>第2版（当前）</b>", page, StringComparison.Ordinal);
        var older = int.Parse(Assert.Single(OlderLink().Matches(page)).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.NotEqual(current, older);

        page = await _client.GetStringAsync(new Uri($"/reports/{older}", UriKind.Relative));
        Assert.Contains("<b>第1版</b>", page, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"/reports/{current}\">第2版（当前）</a>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_report_with_one_version_shows_no_version_list()
    {
        var list = JsonNode.Parse(await _client.GetStringAsync(new Uri("/api/reports", UriKind.Relative)))!["items"]!.AsArray();
        var single = list.Single(i => i!["fileName"]!.GetValue<string>() == "003_ab7d1287facdaff7.txt")!["id"]!.GetValue<int>();
        var page = await _client.GetStringAsync(new Uri($"/reports/{single}", UriKind.Relative));
        Assert.Contains("<dt>索引号</dt>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<dt>版本</dt>", page, StringComparison.Ordinal);
    }

    [GeneratedRegex("<a href=\"/reports/(\\d+)\">第1版</a>")]
    private static partial Regex OlderLink();
}
