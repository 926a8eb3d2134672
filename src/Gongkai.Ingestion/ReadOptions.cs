namespace Gongkai.Ingestion;

/// <summary>Limits that protect a read from hostile input, with safe defaults.</summary>
public sealed record ReadOptions
{
    public static ReadOptions Default { get; } = new();

    /// <summary>Files larger than this are refused with a clear error (a report is well under 1 MB).</summary>
    public long MaxInputBytes { get; init; } = 32L * 1024 * 1024;

    /// <summary>
    /// Deepest HTML element nesting accepted. Real pages stay below a hundred; beyond a few
    /// thousand the HTML tree builder's work grows with the square of the depth.
    /// </summary>
    public int MaxHtmlNestingDepth { get; init; } = 1024;
}
