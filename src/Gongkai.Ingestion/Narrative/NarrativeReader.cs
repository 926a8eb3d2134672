using System.Text.RegularExpressions;
using Gongkai.Model;

namespace Gongkai.Ingestion.Narrative;

/// <summary>
/// Figures the prose states, so that checks can hold them against the tables:
/// <list type="bullet">
/// <item><c>applicationsReceived</c> — 收到申请4件; 收到1件信函申请,2件网络申请 (summed); 全年无依申请公开 (0);</item>
/// <item><c>activeItems</c> — 主动公开政府信息共422条;</item>
/// <item><c>reviewCases</c> — 0 when the text says no 行政复议/行政诉讼 happened.</item>
/// </list>
/// </summary>
internal static partial class NarrativeReader
{
    public const string ApplicationsReceived = "applicationsReceived";
    public const string ActiveItems = "activeItems";
    public const string ReviewCases = "reviewCases";

    public static IReadOnlyList<NarrativeFigure> Read(ReadContext context, Func<int, bool> isProse)
    {
        var text = context.Text;
        var figures = new List<NarrativeFigure>();

        foreach (var span in Clause().EnumerateMatches(text))
        {
            var words = text.AsSpan(span.Index, span.Length);
            if (!isProse(span.Index) || !(words.Contains("申请", StringComparison.Ordinal) || words.Contains("主动公开", StringComparison.Ordinal) || words.Contains("行政复议", StringComparison.Ordinal)))
            {
                continue;
            }

            var clause = Clause().Match(text, span.Index, span.Length);

            if (!figures.Any(f => f.Id == ApplicationsReceived) && ReadApplications(context, clause) is { } applications)
            {
                figures.Add(applications);
            }

            if (!figures.Any(f => f.Id == ActiveItems) && ActivePattern().Match(clause.Value) is { Success: true } active)
            {
                var g = active.Groups["n"];
                var start = clause.Index + active.Index;
                figures.Add(new(ActiveItems, decimal.Parse(g.Value, System.Globalization.CultureInfo.InvariantCulture), active.Value, context.Span(start, start + active.Length)));
            }

            if (!figures.Any(f => f.Id == ReviewCases) && NoReviewPattern().Match(clause.Value) is { Success: true } none)
            {
                var start = clause.Index + none.Index;
                figures.Add(new(ReviewCases, 0, none.Value, context.Span(start, start + none.Length)));
            }
        }

        return figures;
    }

    private static NarrativeFigure? ReadApplications(ReadContext context, Match clause)
    {
        var value = clause.Value;
        var none = NoApplicationsPattern().Match(value);
        if (none.Success)
        {
            var start = clause.Index + none.Index;
            return new(ApplicationsReceived, 0, none.Value, context.Span(start, start + none.Length));
        }

        var received = ReceivedPattern().Match(value);
        if (!received.Success)
        {
            return null;
        }

        var tail = value[received.Index..];
        if (!tail.Contains("申请", StringComparison.Ordinal))
        {
            return null;
        }

        var total = TotalPattern().Match(tail);
        var counts = total.Success ? [total] : CountPattern().Matches(tail).Where(m => IsApplicationCount(tail, m)).ToList();
        if (counts.Count == 0)
        {
            return null;
        }

        var sum = counts.Sum(m => decimal.Parse(m.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture));
        var from = clause.Index + received.Index + counts[0].Index;
        var to = clause.Index + received.Index + counts[^1].Index + counts[^1].Length;
        return new(ApplicationsReceived, sum, context.Text[from..to], context.Span(from, to));
    }

    /// <summary>A count of applications: 申请 stands next to it (4件申请, 申请4件, 信函申请).</summary>
    private static bool IsApplicationCount(string tail, Match m)
    {
        var before = tail[Math.Max(0, m.Index - 12)..m.Index];
        var after = tail[(m.Index + m.Length)..Math.Min(tail.Length, m.Index + m.Length + 8)];
        return before.Contains("申请", StringComparison.Ordinal) || after.Contains("申请", StringComparison.Ordinal);
    }

    // A clause: up to a full stop or semicolon.
    [GeneratedRegex(@"[^。；;\n]+")]
    private static partial Regex Clause();

    [GeneratedRegex(@"(?:收到|受理|接收|接到|共收|新收)")]
    private static partial Regex ReceivedPattern();

    [GeneratedRegex(@"(?:共|总计|合计)\s*(?:收到|受理)?[^\d，,]{0,12}?(?<n>\d+)\s*(?:件|条|个)")]
    private static partial Regex TotalPattern();

    [GeneratedRegex(@"(?<n>\d+)\s*(?:件|条)(?!\d)")]
    private static partial Regex CountPattern();

    [GeneratedRegex(@"(?:无|没有|未收到|未接到|未受理)[^，,]{0,6}(?:依申请公开|政府信息公开申请|信息公开申请|依申请)")]
    private static partial Regex NoApplicationsPattern();

    [GeneratedRegex(@"主动公开[^，,]{0,24}?(?:共|累计)?\s*(?<n>\d+)\s*条")]
    private static partial Regex ActivePattern();

    [GeneratedRegex(@"(?:未|没有|无)[^，,]{0,8}(?:被申请)?行政复议[^，,]{0,6}(?:或|和|及)?[^，,]{0,6}行政诉讼|(?:未|没有|无)[^，,]{0,10}行政复议和行政诉讼")]
    private static partial Regex NoReviewPattern();
}
