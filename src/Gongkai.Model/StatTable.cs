using Gongkai.Model.Templates;

namespace Gongkai.Model;

/// <summary>
/// A statistics table of one template generation: every cell of its definition, keyed by row id and
/// field id. Cells the source did not state are <see cref="CellState.Absent"/>, never 0.
/// </summary>
public sealed class StatTable
{
    private readonly CellValue?[][] _cells;

    public StatTable(TableDefinition definition, SourceSpan? span = null)
    {
        Definition = definition;
        Span = span;
        _cells = [.. definition.Rows.Select(r => new CellValue?[r.Fields.Count])];
    }

    public TableDefinition Definition { get; }

    public string Id => Definition.Id;

    /// <summary>Where the table's section stood in the source.</summary>
    public SourceSpan? Span { get; }

    public CellValue this[string rowId, string fieldId]
    {
        get => Definition.TryIndexOf(rowId, fieldId, out var row, out var field) ? _cells[row][field] ?? CellValue.Absent : CellValue.Absent;
        set
        {
            var (row, field) = Definition.IndexOf(rowId, fieldId);
            _cells[row][field] = value;
        }
    }

    public decimal? Value(string rowId, string fieldId) => this[rowId, fieldId].Value;

    /// <summary>The value at a row and field position of the definition (see <see cref="TableDefinition.IndexOf"/>).</summary>
    public decimal? Value(int row, int field) => _cells[row][field]?.Value;

    /// <summary>Every defined cell in template order, stated or not.</summary>
    public IEnumerable<(RowDefinition Row, FieldDefinition Field, CellValue Cell)> Cells()
    {
        for (var r = 0; r < _cells.Length; r++)
        {
            var row = Definition.Rows[r];
            for (var f = 0; f < _cells[r].Length; f++)
            {
                yield return (row, row.Fields[f], _cells[r][f] ?? CellValue.Absent);
            }
        }
    }

    /// <summary>True when at least one cell of the table was found in the source.</summary>
    public bool AnyStated => _cells.Any(row => row.Any(c => c is not null && c.State != CellState.Absent));
}
