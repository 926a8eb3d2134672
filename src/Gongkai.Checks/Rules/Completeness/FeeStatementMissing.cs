using Gongkai.Model;
using Gongkai.Model.Templates;

namespace Gongkai.Checks.Rules.Completeness;

/// <summary>FEE1: under the 2021 format, section 六 must state the 信息处理费 charged (国办函〔2020〕109号).</summary>
internal sealed class FeeStatementMissing : IReportRule
{
    private static readonly string[] Terms = ["信息处理费", "处理费", "收取费用", "收费"];

    public RuleDescriptor Descriptor { get; } = new("FEE1", Severity.Warning, "第六部分未说明信息处理费收取情况", "国办公开办函〔2021〕30号；国办函〔2020〕109号");

    public IEnumerable<Finding> Check(AnnualReport report, CheckContext context)
    {
        if (report.Template.Id != Ids.Templates.V2021 || report.Section(6) is not { } six)
        {
            yield break;
        }

        if (!Terms.Any(t => six.Text.Contains(t, StringComparison.Ordinal)))
        {
            yield return new Finding(
                Descriptor.Code, Descriptor.Severity,
                $"第六部分“{six.Heading}”未说明信息处理费的收取情况（2021版格式要求；现为“{Excerpt(six.Text)}”）",
                new FindingLocation(Span: six.Span));
        }
    }

    private static string Excerpt(string text) => text.Length <= 30 ? text : text[..30] + "…";
}
