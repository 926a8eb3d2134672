using System.Text.RegularExpressions;

namespace Gongkai.Ingestion.Normalization;

/// <summary>
/// Removes the pinyin a converter left after characters, as in <c>當(dāng)前</c> (seed 001). Only a
/// parenthesised syllable with a tone mark right after a CJK character counts, so real parentheses
/// such as <c>(單位)</c> or <c>(2021)</c> stay.
/// </summary>
internal static partial class PinyinDebrisRemover
{
    public static SourceText Remove(SourceText input)
    {
        var text = input.Text;
        var matches = Debris().Matches(text);
        if (matches.Count == 0)
        {
            return input;
        }

        var builder = new MappedTextBuilder(text.Length);
        var next = 0;
        foreach (Match m in matches)
        {
            for (var i = next; i < m.Index; i++)
            {
                builder.Append(text[i], i);
            }

            next = m.Index + m.Length;
        }

        for (var i = next; i < text.Length; i++)
        {
            builder.Append(text[i], i);
        }

        var (clean, map) = builder.Build();
        return input.Rewrite(clean, map);
    }

    [GeneratedRegex(@"(?<=[\u4e00-\u9fff])\((?=[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹ])[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹ]{1,6}\)")]
    private static partial Regex Debris();
}
