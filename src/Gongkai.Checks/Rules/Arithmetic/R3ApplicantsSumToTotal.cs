using Gongkai.Model;
using Gongkai.Model.Templates;

namespace Gongkai.Checks.Rules.Arithmetic;

/// <summary>R3: per row, the 总计 column = the sum of the six applicant columns.</summary>
internal sealed class R3ApplicantsSumToTotal : ArithmeticRule
{
    public override RuleDescriptor Descriptor { get; } = new("R3", Severity.Error, "表三总计列等于六类申请人之和", "表三结构（申请人情况）");

    protected override Finding Describe(AnnualReport report, Equation equation)
    {
        var table = report.Requests!.Definition;
        var total = equation.Terms[0].Cell;
        var parts = equation.Terms.Skip(1).Select(t => Value(report, t.Cell)).ToArray();
        return new Finding(
            Descriptor.Code, Descriptor.Severity,
            $"表三“{Labels.Row(table, equation.Key)}”行总计列为{N(Value(report, total))}，但六类申请人之和为{N(parts.Sum())}（{string.Join("+", parts.Select(N))}）",
            new FindingLocation(Ids.Tables.Requests, equation.Key, Ids.Requests.TotalColumn, Span(report, total)));
    }
}
