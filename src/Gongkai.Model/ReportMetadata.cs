namespace Gongkai.Model;

/// <summary>A statistical period (统计期限), both ends inclusive.</summary>
public sealed record DatePeriod(DateOnly From, DateOnly To);

/// <summary>A metadata value with the span it was read from.</summary>
public sealed record Located<T>(T Value, SourceSpan? Span, string Source);

/// <summary>Who the agency is, inferred from its name.</summary>
public enum AgencyKind
{
    Unknown,

    /// <summary>A people's government (人民政府), including townships and sub-districts.</summary>
    Government,

    /// <summary>A department of a government (局、委、办、厅 …).</summary>
    Department,
}

/// <summary>Figures the narrative states, read from the prose (never from the tables).</summary>
public sealed record NarrativeFigure(string Id, decimal Value, string Raw, SourceSpan? Span);
