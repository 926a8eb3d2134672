using Gongkai.Model;
using Gongkai.Model.Templates;

namespace Gongkai.Checks.Rules.Values;

/// <summary>VAL2: counts and amounts are ≥ 0 (only 本年增/减 may be negative).</summary>
internal sealed class NegativeCount : CellRule
{
    public override RuleDescriptor Descriptor { get; } = new("VAL2", Severity.Error, "件数、金额不能为负数", "数据契约：counts are ≥ 0");

    protected override bool Flags(FieldDefinition field, CellValue cell) => field.Kind != FieldKind.SignedCount && cell.Value is < 0;

    protected override string Message(string cellName, CellValue cell) => $"{cellName}为{Labels.Number(cell.Value!.Value)}，不能为负数";
}
