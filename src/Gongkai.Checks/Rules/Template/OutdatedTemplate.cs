using Gongkai.Model;
using Gongkai.Model.Templates;

namespace Gongkai.Checks.Rules.Template;

/// <summary>TPL1: the tables follow an older generation than the report year calls for.</summary>
internal sealed class OutdatedTemplate : IReportRule
{
    public RuleDescriptor Descriptor { get; } = new("TPL1", Severity.Warning, "使用了过时的年度报告格式", "国办公开办函〔2021〕30号；〔2019〕60号");

    public IEnumerable<Finding> Check(AnnualReport report, CheckContext context)
    {
        if (report.Year is not { } year || report.TemplateEvidence != "tables")
        {
            yield break;
        }

        var expected = TemplateCatalog.ForReportYear(year.Value);
        if (Generation(report.Template) < Generation(expected))
        {
            yield return new Finding(
                Descriptor.Code, Descriptor.Severity,
                $"{year.Value}年度报告应使用{expected.Id}版格式（{expected.Basis}），但表格使用的是{report.Template.Id}版格式（{report.Template.Basis}）",
                new FindingLocation(report.Active is not null ? Ids.Tables.Active : Ids.Tables.Requests, Span: (report.Active ?? report.Requests)?.Span));
        }
    }

    private static int Generation(TemplateDefinition template) => int.Parse(template.Id, System.Globalization.CultureInfo.InvariantCulture);
}
