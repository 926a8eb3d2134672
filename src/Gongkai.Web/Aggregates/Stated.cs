namespace Gongkai.Web.Aggregates;

/// <summary>Arithmetic on values that may be unstated: an unstated value is skipped, never taken as 0.</summary>
public static class Stated
{
    /// <summary>The sum of the stated values; null when none is stated.</summary>
    public static decimal? Sum(params IEnumerable<decimal?> values)
    {
        decimal? sum = null;
        foreach (var value in values)
        {
            if (value is { } v)
            {
                sum = (sum ?? 0) + v;
            }
        }

        return sum;
    }

    /// <summary>表四 行政诉讼 in all: the 总计 of 未经复议直接起诉 plus that of 复议后起诉, from a group → 总计 lookup.</summary>
    public static decimal? Litigation(Func<string, decimal?> groupTotal) =>
        Sum(groupTotal("litigationDirect"), groupTotal("litigationAfterReconsideration"));
}
