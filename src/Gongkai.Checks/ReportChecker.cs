using Gongkai.Model;

namespace Gongkai.Checks;

/// <summary>Runs a rule set over a report: the reading problems first, then every rule's findings.</summary>
public static class ReportChecker
{
    public static IReadOnlyList<Finding> Check(AnnualReport report, CheckOptions? options = null, RuleSet? rules = null)
    {
        var context = new CheckContext(options ?? CheckOptions.Default);
        var findings = new List<Finding>(report.ReadProblems);
        foreach (var rule in (rules ?? RuleSet.Default).Rules)
        {
            findings.AddRange(rule.Check(report, context));
        }

        return findings;
    }
}
