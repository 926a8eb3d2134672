namespace Gongkai.Ingestion.Mapping;

/// <summary>
/// Splits digits that a page printed without separators (表三 row <c>801000081</c> for 80, 1, 0, 0,
/// 0, 0, 81) into the numbers the row needs. Only splits without leading zeros that satisfy the
/// template's sums count; the caller decides what to do when none or several fit.
/// </summary>
internal static class RunTogetherSplitter
{
    /// <summary>Longest digit run tried: beyond it the splits are too many to enumerate safely.</summary>
    public const int MaxDigits = 40;

    private const int MaxVisited = 500_000;

    /// <summary>All splits of <paramref name="digits"/> into <paramref name="parts"/> numbers that satisfy <paramref name="consistent"/> (at most <paramref name="limit"/>).</summary>
    public static IReadOnlyList<long[]> Split(string digits, int parts, Func<long[], bool> consistent, int limit = 2)
    {
        var results = new List<long[]>();
        if (parts <= 0 || digits.Length < parts || digits.Length > MaxDigits || !digits.All(char.IsAsciiDigit))
        {
            return results;
        }

        var current = new long[parts];
        var visited = 0;
        Recurse(0, 0);
        return results;

        void Recurse(int position, int part)
        {
            if (results.Count >= limit || ++visited > MaxVisited)
            {
                return;
            }

            var remainingParts = parts - part;
            var remainingDigits = digits.Length - position;
            if (remainingParts == 0)
            {
                if (remainingDigits == 0 && consistent(current))
                {
                    results.Add((long[])current.Clone());
                }

                return;
            }

            // Each part takes 1..(remaining digits - remaining parts + 1) digits; no leading zeros; ≤ 15 digits.
            var maxLength = Math.Min(15, remainingDigits - remainingParts + 1);
            for (var length = 1; length <= maxLength; length++)
            {
                if (length > 1 && digits[position] == '0')
                {
                    break;
                }

                current[part] = long.Parse(digits.AsSpan(position, length), provider: System.Globalization.CultureInfo.InvariantCulture);
                Recurse(position + length, part + 1);
            }
        }
    }
}
