using Gongkai.Model;

namespace Gongkai.Checks.Rules.Completeness;

/// <summary>CMP3: a cell left blank or marked “/” or “—” where the format asks for a number (0 if none).</summary>
internal sealed class BlankWhereZeroDue : IReportRule
{
    public RuleDescriptor Descriptor { get; } = new("CMP3", Severity.Warning, "应填数字（无则填0）的单元格为空或为“/”", "国办公开办函〔2021〕30号；评估报告常见问题");

    public IEnumerable<Finding> Check(AnnualReport report, CheckContext context)
    {
        foreach (var table in report.Tables())
        {
            foreach (var cell in table.Cells())
            {
                if (cell.Cell.State is CellState.Blank or CellState.NotApplicable)
                {
                    yield return new Finding(
                        Descriptor.Code, Descriptor.Severity,
                        $"{Labels.Table(table.Id)}“{Labels.Row(table.Definition, cell.Row.Id)}”的“{cell.Field.Label}”{(cell.Cell.State == CellState.Blank ? "为空" : $"填写为“{cell.Cell.Raw.Trim()}”")}，应填数字（无则填0）",
                        new FindingLocation(table.Id, cell.Row.Id, cell.Field.Id, cell.Cell.Span));
                }
            }
        }
    }
}
