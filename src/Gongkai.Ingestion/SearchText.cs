using System.Text;
using Gongkai.Ingestion.Normalization;

namespace Gongkai.Ingestion;

/// <summary>
/// Normalises what a person types into a search box the way report text is normalised: NFKC, then
/// traditional → simplified through OpenCC (a query is short, so it is always converted; simplified
/// text passes through unchanged). Without OpenCC the query is searched as typed.
/// </summary>
public static class SearchText
{
    public static string Normalize(string query)
    {
        var text = query.Normalize(NormalizationForm.FormKC).Trim();
        return text.Length == 0 ? text : OpenCcConverter.ToSimplified(text) ?? text;
    }
}
