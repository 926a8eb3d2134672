namespace Gongkai.Checks;

/// <summary>
/// Settings of a review. Publication deadlines are calendar dates of the year after the report year
/// (条例 第四十九条); jurisdictions that set earlier ones can say so here.
/// </summary>
public sealed record CheckOptions
{
    public static CheckOptions Default { get; } = new();

    /// <summary>Departments of governments at county level and above: 1月31日.</summary>
    public (int Month, int Day) DepartmentDeadline { get; init; } = (1, 31);

    /// <summary>Local people's governments' own reports: 3月31日.</summary>
    public (int Month, int Day) GovernmentDeadline { get; init; } = (3, 31);

    /// <summary>Report years up to 2018 (old 条例 第三十一条): every agency by 3月31日.</summary>
    public (int Month, int Day) PreRevisionDeadline { get; init; } = (3, 31);

    /// <summary>The last report year of the old 条例.</summary>
    public int LastPreRevisionYear { get; init; } = 2018;
}

/// <summary>What every rule of one review shares, including work done once per report.</summary>
public sealed class CheckContext(CheckOptions options)
{
    private readonly Dictionary<string, object> _shared = [];

    public CheckOptions Options { get; } = options;

    /// <summary>A value computed once per review and shared by the rules that need it.</summary>
    internal T Shared<T>(string key, Func<T> create)
        where T : notnull
    {
        if (!_shared.TryGetValue(key, out var value))
        {
            value = create();
            _shared[key] = value;
        }

        return (T)value;
    }
}
