using Gongkai.Model;
using static Gongkai.Checks.Tests.Reports;

namespace Gongkai.Checks.Tests;

/// <summary>The seeds reviewed: 002's broken totals are reported, the clean seeds have no arithmetic error.</summary>
public sealed class SeedReviewTests
{
    public static TheoryData<string> CleanSeeds => ["000_22a2669e7a81eeda.txt", "003_ab7d1287facdaff7.txt", "004_db6cd9a826adafdd.txt"];

    [Theory]
    [MemberData(nameof(CleanSeeds))]
    public void Clean_seeds_have_no_arithmetic_error(string seed)
    {
        var findings = ReportChecker.Check(Seed(seed));
        Assert.DoesNotContain(findings, f => f.Code is "R1" or "R2" or "R3" or "R4" or "RC" or "VAL1" or "VAL2");
        Assert.DoesNotContain(findings, f => f.Severity == Severity.Error);
    }

    [Fact]
    public void Seed_002_broken_totals_are_reported_as_the_truth_notes_say()
    {
        var findings = ReportChecker.Check(Seed("002_b423b0293a9d3bd4.txt"));
        var r2 = findings.Where(f => f.Code == "R2").Select(f => f.Location.Column).Order().ToList();
        var r1 = findings.Where(f => f.Code == "R1").Select(f => f.Location.Column).Order().ToList();
        Assert.Equal(["naturalPerson", "total"], r2);
        Assert.Equal(["naturalPerson", "total"], r1);
        Assert.Contains(findings, f => f.Message.StartsWith("表三“(七)总计”自然人列为0，但各办理结果之和为4", StringComparison.Ordinal));
        var culprit = Assert.Single(findings, f => f.Code == "RC");
        Assert.Contains("“(七)总计”行的“自然人”列和“总计”列（现为0、0；若为4、4", culprit.Message, StringComparison.Ordinal);
        Assert.All(findings.Where(f => f.Severity == Severity.Error), f => Assert.True(f.Code is "R1" or "R2", f.Message));
    }

    [Fact]
    public void Every_rule_has_a_unique_code_and_a_documented_page()
    {
        var codes = RuleSet.Default.Rules.Select(r => r.Descriptor.Code).ToList();
        Assert.Equal(codes.Distinct().Count(), codes.Count);
        var catalogue = File.ReadAllText(Path.Combine(Testing.SharedData.RepositoryRoot, "docs", "rules.md"));
        foreach (var code in codes.Concat(["READ1", "READ2", "READ3", "READ4", "READ5", "READ6"]))
        {
            Assert.Contains($"| `{code}` |", catalogue, StringComparison.Ordinal);
        }
    }
}
