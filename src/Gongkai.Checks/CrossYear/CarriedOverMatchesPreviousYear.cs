using Gongkai.Model;
using Gongkai.Model.Templates;

namespace Gongkai.Checks.CrossYear;

/// <summary>
/// XY1: 表三 第二项 上年结转 of year N equals 第四项 结转下年度继续办理 of year N−1, column by
/// column. Both template generations since 2019 have both rows with the same ids.
/// </summary>
internal sealed class CarriedOverMatchesPreviousYear : ICrossYearRule
{
    public RuleDescriptor Descriptor { get; } = new("XY1", Severity.Warning, "本年“上年结转”应等于上年报告的“结转下年度继续办理”", "rules-and-sources.md §1.4 Cross-year");

    public IEnumerable<Finding> Check(StatedValues previous, StatedValues current)
    {
        var template = TemplateCatalog.All.FirstOrDefault(t => t.Id == current.Template);
        if (template?.Table(Ids.Tables.Requests) is not { } table)
        {
            yield break;
        }

        foreach (var column in table.Columns)
        {
            var carriedOver = current.Value(Ids.Tables.Requests, Ids.Requests.CarriedOver, column.Id);
            var carriedForward = previous.Value(Ids.Tables.Requests, Ids.Requests.CarriedForward, column.Id);
            if (carriedOver is { } now && carriedForward is { } before && now != before)
            {
                yield return new Finding(
                    Descriptor.Code, Descriptor.Severity,
                    $"表三{column.Label}列：{current.Year}年“二、上年结转”为{Labels.Number(now)}，但{previous.Year}年报告“四、结转下年度继续办理”为{Labels.Number(before)}，两者应相等",
                    new FindingLocation(Ids.Tables.Requests, Ids.Requests.CarriedOver, column.Id));
            }
        }
    }
}
