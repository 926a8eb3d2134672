using Gongkai.Model.Templates;

namespace Gongkai.Model;

/// <summary>
/// A statistics table of one template generation: every cell of its definition, keyed by row id and
/// field id. Cells the source did not state are <see cref="CellState.Absent"/>, never 0.
/// </summary>
public sealed class StatTable
{
    private readonly Dictionary<(string Row, string Field), CellValue> _cells = [];

    public StatTable(TableDefinition definition, SourceSpan? span = null)
    {
        Definition = definition;
        Span = span;
    }

    public TableDefinition Definition { get; }

    public string Id => Definition.Id;

    /// <summary>Where the table's section stood in the source.</summary>
    public SourceSpan? Span { get; }

    public CellValue this[string rowId, string fieldId]
    {
        get => _cells.TryGetValue((rowId, fieldId), out var cell) ? cell : CellValue.Absent;
        set
        {
            var row = Definition.Row(rowId);
            _ = row.Field(fieldId);
            _cells[(rowId, fieldId)] = value;
        }
    }

    public decimal? Value(string rowId, string fieldId) => this[rowId, fieldId].Value;

    /// <summary>Every defined cell in template order, stated or not.</summary>
    public IEnumerable<(RowDefinition Row, FieldDefinition Field, CellValue Cell)> Cells()
    {
        foreach (var row in Definition.Rows)
        {
            foreach (var field in row.Fields)
            {
                yield return (row, field, this[row.Id, field.Id]);
            }
        }
    }

    /// <summary>True when at least one cell of the table was found in the source.</summary>
    public bool AnyStated => _cells.Values.Any(c => c.State != CellState.Absent);
}
