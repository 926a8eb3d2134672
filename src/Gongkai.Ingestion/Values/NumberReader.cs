using System.Globalization;
using System.Text.RegularExpressions;
using Gongkai.Model;

namespace Gongkai.Ingestion.Values;

/// <summary>
/// Reads a table cell as written: <c>3994000元</c>, <c>76.885</c>, <c>1,234</c>, <c>-2</c> (text is
/// already NFKC, so full-width digits arrive as ASCII). Blank, <c>0</c>, <c>/</c> and <c>—</c> stay
/// distinct: only a written number is a value.
/// </summary>
internal static partial class NumberReader
{
    public static CellValue Read(string raw, SourceSpan? span) => Read(raw, raw, span);

    /// <summary>Reads <paramref name="text"/> (normalised); the cell keeps <paramref name="raw"/> as its provenance.</summary>
    public static CellValue Read(string text, string raw, SourceSpan? span)
    {
        text = text.Trim();
        if (text.Length == 0)
        {
            return new CellValue(CellState.Blank, null, raw, span);
        }

        if (IsNotApplicable(text))
        {
            return new CellValue(CellState.NotApplicable, null, raw, span);
        }

        // Most cells are plain digits: no regex needed.
        if (text.Length <= 18 && AllDigits(text))
        {
            return new CellValue(CellState.Number, long.Parse(text, CultureInfo.InvariantCulture), raw, span);
        }

        var m = Number().Match(text);
        if (!m.Success)
        {
            return new CellValue(CellState.Unreadable, null, raw, span);
        }

        var digits = m.Groups["n"].Value.Replace(",", string.Empty, StringComparison.Ordinal);
        if (!decimal.TryParse(digits, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return new CellValue(CellState.Unreadable, null, raw, span);
        }

        var unit = m.Groups["unit"].Success && m.Groups["unit"].Length > 0 ? m.Groups["unit"].Value : null;
        return new CellValue(CellState.Number, value, raw, span, unit);
    }

    /// <summary>True when the cell reads as a value cell (a number or a not-applicable mark).</summary>
    public static bool IsValueToken(ReadOnlySpan<char> text)
    {
        var t = text.Trim();
        if (t.IsEmpty)
        {
            return false;
        }

        if (IsNotApplicable(t))
        {
            return true;
        }

        return AllDigits(t) || Number().IsMatch(t);
    }

    private static bool AllDigits(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsNotApplicable(ReadOnlySpan<char> text) =>
        text is "/" or "\\" or "-" or "--" or "—" or "——" or "–" or "―" or "─" or "无" or "空" or "/ /";

    [GeneratedRegex(@"^(?<n>[+\-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)\s*(?<unit>万元|元|件|条|个|项|次|人次|家)?$")]
    private static partial Regex Number();
}
