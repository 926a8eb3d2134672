using Gongkai.Model;

namespace Gongkai.Checks.Rules.Completeness;

/// <summary>CMP2: the format has a table the report does not state at all.</summary>
internal sealed class MissingTable : IReportRule
{
    public RuleDescriptor Descriptor { get; } = new("CMP2", Severity.Error, "缺少统计表", "国办公开办函〔2021〕30号");

    public IEnumerable<Finding> Check(AnnualReport report, CheckContext context)
    {
        foreach (var table in report.Template.Tables.Where(t => report.Table(t.Id) is null))
        {
            var section = report.Section(table.Section);
            yield return new Finding(
                Descriptor.Code, Descriptor.Severity,
                $"未能读到{Labels.Table(table.Id)}“{table.Title}”的任何数值{(section is null ? "（也没有对应章节）" : string.Empty)}",
                new FindingLocation(table.Id, Span: section?.Span));
        }
    }
}
