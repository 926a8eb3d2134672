namespace Gongkai.Ingestion.Structure;

/// <summary>
/// Marks the lines a web page wraps the report in: breadcrumbs, metadata boxes, footers. A footer
/// marker in the last part of the page ends the report: the lines after it are chrome too.
/// </summary>
internal static class PageChrome
{
    private static readonly System.Buffers.SearchValues<string> Markers =
        System.Buffers.SearchValues.Create([.. PageData.Instance.ChromeMarkers], StringComparison.Ordinal);

    private static readonly HashSet<char> LabelStarts = [.. PageData.Instance.AllMetadataLabels.Select(l => l[0])];

    public static IReadOnlyList<TextLine> Mark(string text)
    {
        var lines = new List<TextLine>(text.AsSpan().Count('\n') + 1);
        var start = 0;
        var footer = false;
        while (start <= text.Length)
        {
            var end = text.IndexOf('\n', start);
            if (end < 0)
            {
                end = text.Length;
            }

            var line = text.AsSpan(start, end - start);
            var chrome = footer || IsChrome(line);
            if (chrome && !footer && start > text.Length * 0.6 && IsFooterMarker(line))
            {
                footer = true;
            }

            lines.Add(new TextLine(start, end, chrome));
            start = end + 1;
        }

        return lines;
    }

    public static bool IsChrome(ReadOnlySpan<char> line)
    {
        var trimmed = line.Trim();
        if (trimmed.Length > 160)
        {
            return false;
        }

        if (trimmed.IsEmpty || trimmed.ContainsAny(Markers))
        {
            return !trimmed.IsEmpty;
        }

        // A metadata box row: it starts with one of the labels (索引号, 发布时间 …).
        if (!LabelStarts.Contains(trimmed[0]))
        {
            return false;
        }

        foreach (var label in PageData.Instance.AllMetadataLabels)
        {
            if (trimmed.StartsWith(label, StringComparison.Ordinal) && trimmed.Length < 80)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsFooterMarker(ReadOnlySpan<char> line) =>
        line.Contains("主办", StringComparison.Ordinal) || line.Contains("ICP备", StringComparison.Ordinal)
        || line.Contains("上一篇", StringComparison.Ordinal) || line.Contains("网站标识码", StringComparison.Ordinal);
}
