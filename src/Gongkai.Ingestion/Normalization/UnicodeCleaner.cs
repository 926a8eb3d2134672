using System.Text;

namespace Gongkai.Ingestion.Normalization;

/// <summary>
/// NFKC per character (full-width digits, letters and punctuation to ASCII), every kind of space to
/// U+0020, zero-width characters and carriage returns removed. Character by character, so each
/// output char keeps the offset of its source char.
/// </summary>
internal static class UnicodeCleaner
{
    private static readonly string?[] Bmp = new string?[0x10000];

    public static SourceText Clean(SourceText input)
    {
        var text = input.Text;
        if (IsClean(text))
        {
            return input;
        }

        var builder = new MappedTextBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c, i);
                builder.Append(text[i + 1], i + 1);
                i++;
                continue;
            }

            builder.Append(Map(c), i);
        }

        var (clean, map) = builder.Build();
        return input.Rewrite(clean, map);
    }

    /// <summary>True when no character needs to change (the common case for plain ASCII/CJK).</summary>
    private static bool IsClean(string text)
    {
        foreach (var c in text)
        {
            if (!(c is >= ' ' and < '\u007f' or '\n' or '\t' or >= '\u4e00' and <= '\u9fff') || Map(c) is not { Length: 1 } m || m[0] != c)
            {
                return false;
            }
        }

        return true;
    }

    private static string Map(char c)
    {
        if (c < 0x7F)
        {
            return c switch
            {
                '\r' => string.Empty,
                '\f' or '\v' => "\n",
                _ => CharStrings.Ascii[c],
            };
        }

        return Bmp[c] ??= Compute(c);
    }

    private static string Compute(char c)
    {
        switch (c)
        {
            case '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF' or '\u00AD':
                return string.Empty;
            case '\u00A0' or (>= '\u2000' and <= '\u200A') or '\u202F' or '\u205F' or '\u3000':
                return " ";
            case '\u2028' or '\u2029' or '\u0085':
                return "\n";
            case >= '\u4e00' and <= '\u9fff':
                return c.ToString();
        }

        if (char.IsSurrogate(c))
        {
            return c.ToString();
        }

        var s = c.ToString();
        try
        {
            var n = s.Normalize(NormalizationForm.FormKC);
            return n.Length == 0 ? s : n;
        }
        catch (ArgumentException)
        {
            return s;
        }
    }

    private static class CharStrings
    {
        public static readonly string[] Ascii = Enumerable.Range(0, 0x80).Select(i => ((char)i).ToString()).ToArray();
    }
}
