using Gongkai.Checks.Rules.Arithmetic;
using Gongkai.Checks.Rules.Completeness;
using Gongkai.Checks.Rules.Narrative;
using Gongkai.Checks.Rules.Template;
using Gongkai.Checks.Rules.Text;
using Gongkai.Checks.Rules.Timeliness;
using Gongkai.Checks.Rules.Values;

namespace Gongkai.Checks;

/// <summary>An ordered list of rules. <see cref="Default"/> lists every rule Gongkai has.</summary>
public sealed class RuleSet(IReadOnlyList<IReportRule> rules)
{
    public static RuleSet Default { get; } = new(
    [
        new R1IntakeBalance(),
        new R2OutcomesSumToTotal(),
        new R3ApplicantsSumToTotal(),
        new R4ReviewTotals(),
        new ArithmeticCulprit(),
        new NonIntegerCount(),
        new NegativeCount(),
        new OutdatedTemplate(),
        new MissingSection(),
        new EmptySection(),
        new MissingTable(),
        new MissingCells(),
        new BlankWhereZeroDue(),
        new MissingMetadata(),
        new FeeStatementMissing(),
        new LatePublication(),
        new StatisticalPeriodNotCalendarYear(),
        new ApplicationsContradictTable(),
        new ReviewContradictsTable(),
        new GarbledText(),
    ]);

    public IReadOnlyList<IReportRule> Rules { get; } = rules;

    public IReportRule? Find(string code) => Rules.FirstOrDefault(r => r.Descriptor.Code == code);
}
