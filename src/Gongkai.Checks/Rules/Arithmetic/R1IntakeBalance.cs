using Gongkai.Model;
using Gongkai.Model.Templates;

namespace Gongkai.Checks.Rules.Arithmetic;

/// <summary>R1: per column, 第一项 + 第二项 = 第三项(七)总计 + 第四项 (the table's own 勾稽关系).</summary>
internal sealed class R1IntakeBalance : ArithmeticRule
{
    public override RuleDescriptor Descriptor { get; } = new("R1", Severity.Error, "表三勾稽关系：第一项加第二项之和等于第三项加第四项之和", "国办公开办函〔2021〕30号 表三表头");

    protected override Finding Describe(AnnualReport report, Equation equation)
    {
        var table = report.Requests!.Definition;
        var values = equation.Terms.Select(t => Value(report, t.Cell)).ToArray();
        var column = Labels.Column(table, equation.Key);
        var total = equation.Terms[2].Cell;
        return new Finding(
            Descriptor.Code, Descriptor.Severity,
            $"表三{column}列：第一项加第二项之和为{N(values[0] + values[1])}（{N(values[0])}+{N(values[1])}），第三项“(七)总计”加第四项之和为{N(values[2] + values[3])}（{N(values[2])}+{N(values[3])}），两者应相等",
            new FindingLocation(Ids.Tables.Requests, total.Row, equation.Key, Span(report, total)));
    }
}
