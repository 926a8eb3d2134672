using System.Text.RegularExpressions;

namespace Gongkai.Ingestion.Values;

/// <summary>
/// Dates as reports write them: <c>2021-01-31</c>, <c>2021年1月31日</c>, <c>2021.1.31</c>,
/// <c>2021/01/31</c>, and the glyph-less forms a page leaves when 年/月 are lost
/// (<c>202111日</c> = 2021-01-01, <c>20211231日</c>), which are read only when one split is a valid date.
/// </summary>
internal static partial class DateReader
{
    public static DateOnly? Parse(string text)
    {
        var m = Full().Match(text);
        if (m.Success)
        {
            return Make(m.Groups["y"].Value, m.Groups["m"].Value, m.Groups["d"].Value);
        }

        m = Garbled().Match(text);
        return m.Success ? ParseGarbled(m.Groups["digits"].Value) : null;
    }

    /// <summary>True when the date was written without its 年/月 glyphs.</summary>
    public static bool IsGarbled(string text) => !Full().IsMatch(text) && Garbled().IsMatch(text);

    /// <summary>Reads yyyy + m(m) + d(d) digits; null unless exactly one reading is a valid date.</summary>
    public static DateOnly? ParseGarbled(string digits)
    {
        if (digits.Length is < 6 or > 8)
        {
            return null;
        }

        var year = digits[..4];
        var rest = digits[4..];
        var readings = new List<DateOnly>();
        for (var monthLength = 1; monthLength <= 2 && monthLength < rest.Length; monthLength++)
        {
            var dayLength = rest.Length - monthLength;
            if (dayLength is < 1 or > 2)
            {
                continue;
            }

            if (Make(year, rest[..monthLength], rest[monthLength..]) is { } date)
            {
                readings.Add(date);
            }
        }

        return readings.Count == 1 ? readings[0] : null;
    }

    private static DateOnly? Make(string y, string m, string d)
    {
        if (int.TryParse(y, out var year) && int.TryParse(m, out var month) && int.TryParse(d, out var day)
            && year is >= 1990 and <= 2100 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            && !(m.Length == 2 && m[0] == '0' && d.Length == 1))
        {
            return new DateOnly(year, month, day);
        }

        return null;
    }

    [GeneratedRegex(@"(?<y>(?:19|20)\d{2})\s*(?:年|-|/|\.)\s*(?<m>\d{1,2})\s*(?:月|-|/|\.)\s*(?<d>\d{1,2})")]
    private static partial Regex Full();

    [GeneratedRegex(@"(?<digits>(?:19|20)\d{4,6})日")]
    private static partial Regex Garbled();
}
