using System.Globalization;

namespace Gongkai.Documents;

/// <summary>How the lists' non-numeric values read in an export, the same in CSV and XLSX.</summary>
internal static class ListValues
{
    /// <summary>Up to four decimals, as stored, without trailing zeros: 76.885, not 76.8850.</summary>
    public const string NumberFormat = "0.####";

    /// <summary>Dates as 2020-01-03 (not the invariant culture's 01/03/2020), booleans as true/false; null stays null.</summary>
    public static string? Text(object? value) => value switch
    {
        null => null,
        bool b => b ? "true" : "false",
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
