using Gongkai.Model;
using Gongkai.Model.Templates;

namespace Gongkai.Checks.Rules.Completeness;

/// <summary>CMP3: a cell left blank or marked “/” or “—” where the format asks for a number (0 if none).</summary>
internal sealed class BlankWhereZeroDue : CellRule
{
    public override RuleDescriptor Descriptor { get; } = new("CMP3", Severity.Warning, "应填数字（无则填0）的单元格为空或为“/”", "国办公开办函〔2021〕30号；评估报告常见问题");

    protected override bool Flags(FieldDefinition field, CellValue cell) => cell.State is CellState.Blank or CellState.NotApplicable;

    protected override string Message(string cellName, CellValue cell) =>
        $"{cellName}{(cell.State == CellState.Blank ? "为空" : $"填写为“{cell.Raw.Trim()}”")}，应填数字（无则填0）";
}
