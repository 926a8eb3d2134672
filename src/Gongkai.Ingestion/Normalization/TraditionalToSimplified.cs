using Gongkai.Model;

namespace Gongkai.Ingestion.Normalization;

/// <summary>
/// Detects traditional characters (common ones that simplified text never uses) and converts the
/// text with OpenCC. Conversion keeps one output char per input char in practice; where a line
/// changes length its chars map to the line start.
/// </summary>
internal static class TraditionalToSimplified
{
    // Frequent in annual reports and never used in simplified Chinese.
    private const string TraditionalOnly =
        "們個國會於與這為開關發來時說對區財務請處書見復議訴學經濟員機構門類進過還當體網線認統準實際際報權辦總應屬項條級將與產業設計劃據歷錄據鄉鎮縣響";

    private static readonly System.Buffers.SearchValues<char> Markers = System.Buffers.SearchValues.Create(TraditionalOnly);

    public static bool LooksTraditional(string text)
    {
        var rest = text.AsSpan();
        for (var hits = 0; hits < 5; hits++)
        {
            var at = rest.IndexOfAny(Markers);
            if (at < 0)
            {
                return false;
            }

            rest = rest[(at + 1)..];
        }

        return true;
    }

    public static SourceText Convert(SourceText input, List<Finding> problems)
    {
        if (!LooksTraditional(input.Text))
        {
            return input;
        }

        var converted = OpenCcConverter.ToSimplified(input.Text);
        if (converted is null)
        {
            problems.Add(new Finding(
                "READ6", Severity.Warning,
                $"报告使用繁体字，但无法转换为简体：{OpenCcConverter.Unavailable}。标签可能无法识别。",
                FindingLocation.None));
            return input;
        }

        if (converted.Length == input.Text.Length)
        {
            return input.Rewrite(converted, [.. Enumerable.Range(0, converted.Length)]);
        }

        return ConvertByLine(input);
    }

    private static SourceText ConvertByLine(SourceText input)
    {
        var text = input.Text;
        var builder = new MappedTextBuilder(text.Length);
        var start = 0;
        while (start <= text.Length)
        {
            var end = text.IndexOf('\n', start);
            if (end < 0)
            {
                end = text.Length;
            }

            var line = text[start..end];
            var simplified = OpenCcConverter.ToSimplified(line) ?? line;
            for (var i = 0; i < simplified.Length; i++)
            {
                builder.Append(simplified[i], start + (simplified.Length == line.Length ? i : 0));
            }

            if (end < text.Length)
            {
                builder.Append('\n', end);
            }

            start = end + 1;
        }

        var (result, map) = builder.Build();
        return input.Rewrite(result, map);
    }
}
