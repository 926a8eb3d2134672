using System.Text;

namespace Gongkai.Ingestion.Mapping;

/// <summary>
/// Compares a label as printed with a template label: numbering (一、 （三） 1.), white space, quotes
/// and punctuation are ignored; a label that lost or gained a character or two still matches when
/// the two are at least 80 % alike (longest common subsequence).
/// </summary>
internal static class LabelMatcher
{
    private const double Threshold = 0.8;

    public static string Normalize(string label)
    {
        // Report text is NFKC already; template labels and callers' strings may hold full-width forms.
        if (label.AsSpan().ContainsAnyInRange('\uFF00', '\uFFEF') || label.Contains('\u3000', StringComparison.Ordinal))
        {
            label = label.Normalize(NormalizationForm.FormKC);
        }

        var s = StripNumbering(label.AsSpan().Trim());
        var builder = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            if (char.IsWhiteSpace(c) || char.IsPunctuation(c) || char.IsSymbol(c))
            {
                continue;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>1.0 for an exact match, the LCS similarity otherwise (0 when clearly different).</summary>
    public static double Similarity(string normalizedCandidate, string normalizedLabel)
    {
        if (normalizedCandidate == normalizedLabel)
        {
            return 1.0;
        }

        int a = normalizedCandidate.Length, b = normalizedLabel.Length;
        if (a == 0 || b == 0 || Math.Min(a, b) * 10 < Math.Max(a, b) * 6)
        {
            return 0;
        }

        return 2.0 * Lcs(normalizedCandidate, normalizedLabel) / (a + b);
    }

    public static bool Matches(string normalizedCandidate, string normalizedLabel) =>
        Similarity(normalizedCandidate, normalizedLabel) >= Threshold;

    private static ReadOnlySpan<char> StripNumbering(ReadOnlySpan<char> s)
    {
        // 一、 二. （三） (3) 1. 1、 ① – possibly repeated (三、（一）).
        while (true)
        {
            var before = s.Length;
            if (s.Length > 1 && "一二三四五六七八九十".Contains(s[0]))
            {
                var i = 0;
                while (i < s.Length && "一二三四五六七八九十".Contains(s[i]))
                {
                    i++;
                }

                if (i < s.Length && s[i] is '、' or '.' or '．')
                {
                    s = s[(i + 1)..].TrimStart();
                }
            }
            else if (s.Length > 2 && s[0] == '(')
            {
                var close = s.IndexOf(')');
                if (close is > 1 and <= 4 && IsNumeral(s[1..close]))
                {
                    s = s[(close + 1)..].TrimStart();
                }
            }
            else if (s.Length > 1 && char.IsAsciiDigit(s[0]))
            {
                var i = 0;
                while (i < s.Length && char.IsAsciiDigit(s[i]))
                {
                    i++;
                }

                if (i < s.Length && s[i] is '.' or '、' or '．' && i + 1 < s.Length && !char.IsAsciiDigit(s[i + 1]))
                {
                    s = s[(i + 1)..].TrimStart();
                }
            }

            if (s.Length == before)
            {
                return s;
            }
        }
    }

    private static bool IsNumeral(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
        {
            if (!char.IsAsciiDigit(c) && !"一二三四五六七八九十".Contains(c))
            {
                return false;
            }
        }

        return true;
    }

    private static int Lcs(string a, string b)
    {
        // The module skips zero-initialisation of stackalloc (Properties.cs): the first row must be cleared.
        Span<int> previous = stackalloc int[b.Length + 1];
        Span<int> current = stackalloc int[b.Length + 1];
        previous.Clear();
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = 0;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = a[i - 1] == b[j - 1] ? previous[j - 1] + 1 : Math.Max(previous[j], current[j - 1]);
            }

            var swap = previous;
            previous = current;
            current = swap;
        }

        return previous[b.Length];
    }
}
