namespace Gongkai.Ingestion.Layouts;

/// <summary>How a grid's rows relate to table rows.</summary>
internal enum GridKind
{
    /// <summary>Each line is one table row (<c>a | b | c</c>, tabs, HTML grids): positions are reliable.</summary>
    Rows,

    /// <summary>Cells flattened one per line: only their order is reliable.</summary>
    Stream,
}

/// <summary>
/// A template-neutral grid of cells read from a stretch of text. Layout readers produce it; the
/// template mapper consumes it without knowing which layout it came from.
/// </summary>
internal sealed class CellGrid(GridKind kind, IReadOnlyList<IReadOnlyList<Cell>> rows)
{
    public GridKind Kind { get; } = kind;

    public IReadOnlyList<IReadOnlyList<Cell>> Rows { get; } = rows;

    public IEnumerable<Cell> Cells => Rows.SelectMany(r => r);
}
