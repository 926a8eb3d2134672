namespace Gongkai.Model;

/// <summary>What a table cell held. Only <see cref="Number"/> carries a value.</summary>
public enum CellState
{
    /// <summary>The cell was not found in the source at all.</summary>
    Absent,

    /// <summary>A written number (0 included).</summary>
    Number,

    /// <summary>The cell is there but empty.</summary>
    Blank,

    /// <summary>A slash or dash: the agency marked the cell as not applicable.</summary>
    NotApplicable,

    /// <summary>Text that is not a number.</summary>
    Unreadable,
}

/// <summary>One table value with its provenance: the raw text it was read from and where it stood.</summary>
public sealed record CellValue(CellState State, decimal? Value, string Raw, SourceSpan? Span, string? Unit = null)
{
    public static CellValue Absent { get; } = new(CellState.Absent, null, string.Empty, null);

    public bool HasValue => Value.HasValue;
}
