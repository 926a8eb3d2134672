using Gongkai.Model;
using Gongkai.Model.Templates;

namespace Gongkai.Checks.Rules.Values;

/// <summary>VAL1: a count (件数, 数量, 申请数) must be a whole number.</summary>
internal sealed class NonIntegerCount : IReportRule
{
    public RuleDescriptor Descriptor { get; } = new("VAL1", Severity.Error, "件数应为整数", "数据契约：counts are whole numbers");

    public IEnumerable<Finding> Check(AnnualReport report, CheckContext context)
    {
        foreach (var table in report.Tables())
        {
            foreach (var cell in table.Cells())
            {
                if (cell.Field.Kind is FieldKind.Count or FieldKind.SignedCount && cell.Cell.Value is { } v && v != decimal.Truncate(v))
                {
                    yield return new Finding(
                        Descriptor.Code, Descriptor.Severity,
                        $"{Labels.Table(table.Id)}“{Labels.Row(table.Definition, cell.Row.Id)}”的“{cell.Field.Label}”为{Labels.Number(cell.Cell.Value!.Value)}，件数应为整数",
                        new FindingLocation(table.Id, cell.Row.Id, cell.Field.Id, cell.Cell.Span));
                }
            }
        }
    }
}
