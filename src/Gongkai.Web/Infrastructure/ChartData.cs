using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Microsoft.AspNetCore.Html;

namespace Gongkai.Web.Infrastructure;

/// <summary>
/// Data for the pages' charts, written into a &lt;script type="application/json"&gt; block.
/// Chinese stays readable; &lt; &gt; &amp; and quotes are still escaped, so no stored text can end the block.
/// </summary>
public static class ChartData
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public static IHtmlContent Json(object value) => new HtmlString(JsonSerializer.Serialize(value, Options));
}
