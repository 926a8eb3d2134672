using Gongkai.Model;

namespace Gongkai.Checks.CrossYear;

/// <summary>A cross-year finding and the report year it belongs to.</summary>
public sealed record YearFinding(int Year, Finding Finding);

/// <summary>Runs the cross-year rules over every pair of consecutive years of one agency.</summary>
public static class CrossYearChecker
{
    public static IReadOnlyList<ICrossYearRule> Rules { get; } =
    [
        new CarriedOverMatchesPreviousYear(),
        new InForceFollowsPreviousYear(),
    ];

    /// <summary>Findings for each year N whose year N−1 is also given; gaps between years are not bridged.</summary>
    public static IReadOnlyList<YearFinding> Check(IEnumerable<StatedValues> years)
    {
        var byYear = years.GroupBy(y => y.Year).ToDictionary(g => g.Key, g => g.First());
        var findings = new List<YearFinding>();
        foreach (var current in byYear.Values.OrderBy(y => y.Year))
        {
            if (!byYear.TryGetValue(current.Year - 1, out var previous))
            {
                continue;
            }

            foreach (var rule in Rules)
            {
                findings.AddRange(rule.Check(previous, current).Select(f => new YearFinding(current.Year, f)));
            }
        }

        return findings;
    }
}
