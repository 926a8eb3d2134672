using System.Text;
using Gongkai.Storage;
using Gongkai.Storage.Import;
using Gongkai.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Web.Tests;

/// <summary>Imported HTML is never rendered as live markup: the source pane shows it as text.</summary>
public sealed class SafetyTests(GongkaiApp app) : IClassFixture<GongkaiApp>
{
    [Fact]
    public async Task Imported_html_is_shown_as_text()
    {
        var html = LayoutRenderer.Render(ReportFaker.Create(12), new RenderOptions(Layout.Html))
            .Replace("</body>", "<script>alert('x')</script><img src=x onerror=alert(1)></body>", StringComparison.Ordinal);
        var database = app.Services.GetRequiredService<Database>();
        var summary = await new ReportImporter(database, TimeProvider.System).ImportAsync([new ImportSource("hostile.html", () => Encoding.UTF8.GetBytes(html))]);
        var id = Assert.Single(summary.Files).ReportId!.Value;

        var page = await app.CreateClient().GetStringAsync(new Uri($"/reports/{id}", UriKind.Relative));
        Assert.Contains("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert(", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<img src=x", page, StringComparison.Ordinal);
    }
}
