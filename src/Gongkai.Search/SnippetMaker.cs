namespace Gongkai.Search;

/// <summary>A run of text in a snippet; <see cref="Match"/> when it is what the query found.</summary>
public sealed record SnippetPart(string Text, bool Match);

/// <summary>An excerpt of a report's text around matches, as parts (the page escapes them; no markup here).</summary>
public sealed record Snippet(IReadOnlyList<SnippetPart> Parts);

/// <summary>
/// Cuts excerpts around the places where the query's terms occur. CJK bigrams of a phrase overlap,
/// so overlapping and touching occurrences merge into one highlighted run.
/// </summary>
internal static class SnippetMaker
{
    private const int Before = 40;
    private const int Width = 140;

    public static IReadOnlyList<Snippet> Make(string text, IReadOnlyList<string> terms, int count)
    {
        var ranges = Matches(text, terms);

        // The longest runs first (a whole phrase beats one of its bigrams), then in text order.
        var windows = new List<(int From, int To)>();
        foreach (var (start, end) in ranges.OrderByDescending(r => r.End - r.Start).ThenBy(r => r.Start))
        {
            if (windows.Count == count)
            {
                break;
            }

            if (windows.Any(w => start < w.To && end > w.From))
            {
                continue;
            }

            var from = Math.Max(0, start - Before);
            var to = Math.Min(text.Length, Math.Max(end, from + Width));
            foreach (var w in windows)
            {
                // Keep windows apart: trim this one where it runs into another.
                if (w.From >= end && w.From < to)
                {
                    to = w.From;
                }

                if (w.To <= start && w.To > from)
                {
                    from = w.To;
                }
            }

            windows.Add((from, to));
        }

        var snippets = windows.OrderBy(w => w.From).Select(w => Cut(text, w.From, w.To, ranges)).ToList();
        if (snippets.Count == 0 && text.Length > 0)
        {
            snippets.Add(new Snippet([new SnippetPart(Clean(text[..Math.Min(text.Length, Width)]), false)]));
        }

        return snippets;
    }

    /// <summary>Occurrences of every term, merged where they overlap or touch, in text order.</summary>
    private static List<(int Start, int End)> Matches(string text, IReadOnlyList<string> terms)
    {
        var found = new List<(int Start, int End)>();
        foreach (var term in terms.Where(t => t.Length > 0))
        {
            for (var at = text.IndexOf(term, StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf(term, at + 1, StringComparison.OrdinalIgnoreCase))
            {
                found.Add((at, at + term.Length));
            }
        }

        found.Sort();
        var merged = new List<(int Start, int End)>();
        foreach (var range in found)
        {
            if (merged.Count > 0 && range.Start <= merged[^1].End)
            {
                merged[^1] = (merged[^1].Start, Math.Max(merged[^1].End, range.End));
            }
            else
            {
                merged.Add(range);
            }
        }

        return merged;
    }

    private static Snippet Cut(string text, int from, int to, List<(int Start, int End)> ranges)
    {
        var parts = new List<SnippetPart>();
        var at = from;
        foreach (var (start, end) in ranges)
        {
            if (end <= from || start >= to)
            {
                continue;
            }

            var s = Math.Max(start, from);
            var e = Math.Min(end, to);
            if (s > at)
            {
                parts.Add(new SnippetPart(Clean(text[at..s]), false));
            }

            parts.Add(new SnippetPart(text[s..e], true));
            at = e;
        }

        if (at < to)
        {
            parts.Add(new SnippetPart(Clean(text[at..to]), false));
        }

        return new Snippet(parts);
    }

    /// <summary>Line breaks and runs of spaces become one space, so a snippet reads as one line.</summary>
    private static string Clean(string text) => System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " ");
}
