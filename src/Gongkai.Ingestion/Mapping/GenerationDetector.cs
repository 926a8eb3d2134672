using Gongkai.Ingestion.Structure;
using Gongkai.Model.Templates;

namespace Gongkai.Ingestion.Mapping;

/// <summary>
/// Decides the template generation from the labels the tables print (each generation's
/// <c>markers</c> in its data file). Without any table label, the generation is the one the report
/// year calls for, and the evidence says so.
/// </summary>
internal static class GenerationDetector
{
    private static readonly Lazy<(TemplateDefinition Template, string[] Markers)[]> CompactMarkers =
        new(() => [.. TemplateCatalog.All.Select(t => (t, t.Markers.Select(m => Compact(m.Normalize(System.Text.NormalizationForm.FormKC))).ToArray()))]);

    public static (TemplateDefinition Template, string Evidence) Detect(ReportDocument document, int? year)
    {
        var text = Compact(TableText(document));
        TemplateDefinition? best = null;
        var bestCount = 0;
        foreach (var (template, markers) in CompactMarkers.Value)
        {
            var count = markers.Count(m => text.Contains(m, StringComparison.Ordinal));
            if (count > bestCount)
            {
                best = template;
                bestCount = count;
            }
        }

        if (best is not null)
        {
            return (best, "tables");
        }

        return (year is { } y ? TemplateCatalog.ForReportYear(y) : TemplateCatalog.V2008, "year");
    }

    private static ReadOnlySpan<char> TableText(ReportDocument document)
    {
        var two = document.Section(2);
        var three = document.Section(3);
        if (two is null && three is null)
        {
            return document.Text;
        }

        var start = (two ?? three)!.BodyStart;
        var end = (three ?? two)!.BodyEnd;
        return document.Text.AsSpan(start, end - start);
    }

    /// <summary>The text without white space (labels printed across lines: 本年新\n制作数量). Report text is NFKC already.</summary>
    private static string Compact(ReadOnlySpan<char> s)
    {
        var buffer = s.Length <= 4096 ? stackalloc char[s.Length] : new char[s.Length];
        var length = 0;
        foreach (var c in s)
        {
            if (!char.IsWhiteSpace(c))
            {
                buffer[length++] = c;
            }
        }

        return new string(buffer[..length]);
    }
}
