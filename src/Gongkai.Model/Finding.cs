namespace Gongkai.Model;

public enum Severity
{
    Info,
    Warning,
    Error,
}

/// <summary>Where a finding points: a table cell (table, row id, column id) and/or a source span.</summary>
public sealed record FindingLocation(string? Table = null, string? Row = null, string? Column = null, SourceSpan? Span = null)
{
    public static FindingLocation None { get; } = new();
}

/// <summary>
/// A reviewer's finding, like a compiler diagnostic: a stable code, a severity, a Chinese message
/// that states the numbers, and a location.
/// </summary>
public sealed record Finding(string Code, Severity Severity, string Message, FindingLocation Location);
