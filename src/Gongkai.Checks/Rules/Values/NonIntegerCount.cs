using Gongkai.Model;
using Gongkai.Model.Templates;

namespace Gongkai.Checks.Rules.Values;

/// <summary>VAL1: a count (件数, 数量, 申请数) must be a whole number.</summary>
internal sealed class NonIntegerCount : CellRule
{
    public override RuleDescriptor Descriptor { get; } = new("VAL1", Severity.Error, "件数应为整数", "数据契约：counts are whole numbers");

    protected override bool Flags(FieldDefinition field, CellValue cell) =>
        field.Kind is FieldKind.Count or FieldKind.SignedCount && cell.Value is { } v && v != decimal.Truncate(v);

    protected override string Message(string cellName, CellValue cell) => $"{cellName}为{Labels.Number(cell.Value!.Value)}，件数应为整数";
}
