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
    public static (TemplateDefinition Template, string Evidence) Detect(ReportDocument document, int? year)
    {
        var text = Compact(TableText(document));
        TemplateDefinition? best = null;
        var bestCount = 0;
        foreach (var template in TemplateCatalog.All)
        {
            var count = template.Markers.Count(m => text.Contains(Compact(m), StringComparison.Ordinal));
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

    private static string TableText(ReportDocument document)
    {
        var two = document.Section(2);
        var three = document.Section(3);
        if (two is null && three is null)
        {
            return document.Text;
        }

        var start = (two ?? three)!.BodyStart;
        var end = (three ?? two)!.BodyEnd;
        return document.Text[start..end];
    }

    private static string Compact(string s)
    {
        var normalized = s.Normalize(System.Text.NormalizationForm.FormKC);
        return string.Concat(normalized.Where(c => !char.IsWhiteSpace(c)));
    }
}
