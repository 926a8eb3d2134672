using Gongkai.Model;

namespace Gongkai.Checks.Rules.Arithmetic;

/// <summary>Shared shape of R1–R4: evaluate this rule's equations and describe each broken one.</summary>
internal abstract class ArithmeticRule : IReportRule
{
    public abstract RuleDescriptor Descriptor { get; }

    public IEnumerable<Finding> Check(AnnualReport report, CheckContext context)
    {
        foreach (var (equation, residual) in ReportEquations.Evaluate(report, context))
        {
            if (equation.RuleCode == Descriptor.Code && residual is { } r && r != 0)
            {
                yield return Describe(report, equation);
            }
        }
    }

    protected abstract Finding Describe(AnnualReport report, Equation equation);

    protected static decimal Value(AnnualReport report, CellRef cell) => report.Table(cell.Table)!.Value(cell.Row, cell.Column)!.Value;

    protected static SourceSpan? Span(AnnualReport report, CellRef cell) => report.Table(cell.Table)![cell.Row, cell.Column].Span;

    protected static string N(decimal value) => Labels.Number(value);
}
