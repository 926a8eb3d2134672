using Gongkai.Model;
using Gongkai.Model.Templates;

namespace Gongkai.Checks.Rules.Values;

/// <summary>VAL2: counts and amounts are ≥ 0 (only 本年增/减 may be negative).</summary>
internal sealed class NegativeCount : IReportRule
{
    public RuleDescriptor Descriptor { get; } = new("VAL2", Severity.Error, "件数、金额不能为负数", "数据契约：counts are ≥ 0");

    public IEnumerable<Finding> Check(AnnualReport report, CheckContext context)
    {
        foreach (var table in report.Tables())
        {
            foreach (var cell in table.Cells())
            {
                if (cell.Field.Kind != FieldKind.SignedCount && cell.Cell.Value is < 0)
                {
                    yield return new Finding(
                        Descriptor.Code, Descriptor.Severity,
                        $"{Labels.Table(table.Id)}“{Labels.Row(table.Definition, cell.Row.Id)}”的“{cell.Field.Label}”为{Labels.Number(cell.Cell.Value!.Value)}，不能为负数",
                        new FindingLocation(table.Id, cell.Row.Id, cell.Field.Id, cell.Cell.Span));
                }
            }
        }
    }
}
