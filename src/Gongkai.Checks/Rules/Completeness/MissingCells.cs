using Gongkai.Model;

namespace Gongkai.Checks.Rules.Completeness;

/// <summary>CMP6: a table is there but some of its cells were not found.</summary>
internal sealed class MissingCells : IReportRule
{
    public RuleDescriptor Descriptor { get; } = new("CMP6", Severity.Warning, "统计表缺少单元格", "国办公开办函〔2021〕30号");

    public IEnumerable<Finding> Check(AnnualReport report, CheckContext context)
    {
        foreach (var table in report.Tables())
        {
            var absent = table.Cells().Where(c => c.Cell.State == CellState.Absent).ToList();
            if (absent.Count == 0)
            {
                continue;
            }

            var rows = absent.GroupBy(c => Labels.Row(table.Definition, c.Row.Id)).Select(g => g.Key).ToList();
            var list = string.Join("、", rows.Take(5).Select(r => $"“{r}”")) + (rows.Count > 5 ? $"等{rows.Count}行" : string.Empty);
            yield return new Finding(
                Descriptor.Code, Descriptor.Severity,
                $"{Labels.Table(table.Id)}有{absent.Count}个单元格未读到数值：{list}",
                new FindingLocation(table.Id, absent[0].Row.Id, absent[0].Field.Id, table.Span));
        }
    }
}
