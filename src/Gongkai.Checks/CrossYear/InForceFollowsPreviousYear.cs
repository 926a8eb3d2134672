using Gongkai.Model;
using Gongkai.Model.Templates;

namespace Gongkai.Checks.CrossYear;

/// <summary>
/// XY2: 表二 现行有效件数 of year N ≈ 现行有效(N−1) + 本年制发(N) − 本年废止(N), for 规章 and
/// 行政规范性文件 when both years use the 2021 template. Amendments can break it, so it only warns.
/// </summary>
internal sealed class InForceFollowsPreviousYear : ICrossYearRule
{
    private static readonly string[] Items = ["rules", "normativeDocs"];

    public RuleDescriptor Descriptor { get; } = new("XY2", Severity.Info, "现行有效件数应约等于上年现行有效件数加本年制发减本年废止", "rules-and-sources.md 推荐审核规则第4条（修订可致不等，仅提示）");

    public IEnumerable<Finding> Check(StatedValues previous, StatedValues current)
    {
        if (current.Template != Ids.Templates.V2021 || previous.Template != Ids.Templates.V2021)
        {
            yield break;
        }

        var table = TemplateCatalog.V2021.Table(Ids.Tables.Active)!;
        foreach (var item in Items)
        {
            var before = previous.Value(Ids.Tables.Active, item, "inForce");
            var now = current.Value(Ids.Tables.Active, item, "inForce");
            var issued = current.Value(Ids.Tables.Active, item, "issued");
            var repealed = current.Value(Ids.Tables.Active, item, "repealed");
            if (before is not { } b || now is not { } n || issued is not { } i || repealed is not { } r)
            {
                continue;
            }

            var expected = b + i - r;
            if (n != expected)
            {
                yield return new Finding(
                    Descriptor.Code, Descriptor.Severity,
                    $"表二{Labels.Row(table, item)}：{current.Year}年现行有效件数为{Labels.Number(n)}，而{previous.Year}年现行有效{Labels.Number(b)}件加本年制发{Labels.Number(i)}件减本年废止{Labels.Number(r)}件为{Labels.Number(expected)}件",
                    new FindingLocation(Ids.Tables.Active, item, "inForce"));
            }
        }
    }
}
