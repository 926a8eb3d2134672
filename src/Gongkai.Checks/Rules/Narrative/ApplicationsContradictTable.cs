using Gongkai.Model;
using Gongkai.Model.Templates;

namespace Gongkai.Checks.Rules.Narrative;

/// <summary>NAR1: the prose states a number of applications that 表三 does not show.</summary>
internal sealed class ApplicationsContradictTable : IReportRule
{
    public RuleDescriptor Descriptor { get; } = new("NAR1", Severity.Warning, "正文所述申请数与表三不一致", "评估报告常见问题：正文与表格矛盾");

    public IEnumerable<Finding> Check(AnnualReport report, CheckContext context)
    {
        var figure = report.Narrative.FirstOrDefault(f => f.Id == "applicationsReceived");
        if (figure is null || report.Requests is not { } requests || requests.Value(Ids.Requests.NewReceived, Ids.Requests.TotalColumn) is not { } received)
        {
            yield break;
        }

        var carried = requests.Value(Ids.Requests.CarriedOver, Ids.Requests.TotalColumn) ?? 0;
        if (figure.Value != received && figure.Value != received + carried)
        {
            yield return new Finding(
                Descriptor.Code, Descriptor.Severity,
                $"正文称收到申请{Labels.Number(figure.Value)}件（“{figure.Raw}”），但表三“一、本年新收政府信息公开申请数量”总计为{Labels.Number(received)}",
                new FindingLocation(Ids.Tables.Requests, Ids.Requests.NewReceived, Ids.Requests.TotalColumn, figure.Span));
        }
    }
}
