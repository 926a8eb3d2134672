using Gongkai.Search;
using Microsoft.AspNetCore.Html;

namespace Gongkai.Web.Infrastructure;

/// <summary>A snippet as HTML: its text escaped, its matches in &lt;mark&gt;, no whitespace added between parts.</summary>
public static class Highlight
{
    public static IHtmlContent Render(Snippet snippet)
    {
        var html = new HtmlContentBuilder();
        html.AppendHtml("…");
        foreach (var part in snippet.Parts)
        {
            if (part.Match)
            {
                html.AppendHtml("<mark>").Append(part.Text).AppendHtml("</mark>");
            }
            else
            {
                html.Append(part.Text);
            }
        }

        return html.AppendHtml("…");
    }
}
