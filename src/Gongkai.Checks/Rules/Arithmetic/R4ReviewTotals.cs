using Gongkai.Model;
using Gongkai.Model.Templates;

namespace Gongkai.Checks.Rules.Arithmetic;

/// <summary>R4: in each group of 表四, 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结.</summary>
internal sealed class R4ReviewTotals : ArithmeticRule
{
    public override RuleDescriptor Descriptor { get; } = new("R4", Severity.Error, "表四各组总计等于四种结果之和", "表四结构");

    protected override Finding Describe(AnnualReport report, Equation equation)
    {
        var table = report.Review!.Definition;
        var total = equation.Terms[0].Cell;
        var parts = equation.Terms.Skip(1).Select(t => Value(report, t.Cell)).ToArray();
        return new Finding(
            Descriptor.Code, Descriptor.Severity,
            $"表四“{table.Row(equation.Key).Label}”总计为{N(Value(report, total))}，但结果维持、结果纠正、其他结果、尚未审结之和为{N(parts.Sum())}（{string.Join("+", parts.Select(N))}）",
            new FindingLocation(Ids.Tables.Review, equation.Key, Ids.Review.Total, Span(report, total)));
    }
}
