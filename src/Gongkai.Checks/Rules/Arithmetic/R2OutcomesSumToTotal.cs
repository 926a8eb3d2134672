using Gongkai.Model;
using Gongkai.Model.Templates;

namespace Gongkai.Checks.Rules.Arithmetic;

/// <summary>R2: per column, (七)总计 = the sum of every 办理结果 row (sub-rows counted once).</summary>
internal sealed class R2OutcomesSumToTotal : ArithmeticRule
{
    public override RuleDescriptor Descriptor { get; } = new("R2", Severity.Error, "表三“(七)总计”等于各办理结果之和", "表三结构（办理结果(一)至(六)）");

    protected override Finding Describe(AnnualReport report, Equation equation)
    {
        var table = report.Requests!.Definition;
        var total = equation.Terms[0].Cell;
        var sum = equation.Terms.Skip(1).Sum(t => Value(report, t.Cell));
        var nonZero = equation.Terms.Skip(1).Where(t => Value(report, t.Cell) != 0)
            .Select(t => $"{Labels.Row(table, t.Cell.Row)} {N(Value(report, t.Cell))}").ToList();
        var detail = nonZero.Count is > 0 and <= 6 ? $"（{string.Join("，", nonZero)}）" : string.Empty;
        return new Finding(
            Descriptor.Code, Descriptor.Severity,
            $"表三“(七)总计”{Labels.Column(table, equation.Key)}列为{N(Value(report, total))}，但各办理结果之和为{N(sum)}{detail}",
            new FindingLocation(Ids.Tables.Requests, total.Row, equation.Key, Span(report, total)));
    }
}
