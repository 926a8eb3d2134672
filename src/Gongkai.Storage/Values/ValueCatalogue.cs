using Gongkai.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Storage.Values;

/// <summary>A table cell by its data-contract ids: table, row id, column id.</summary>
public readonly record struct CellKey(string Table, string Row, string Column);

/// <summary>A value a report states, and its cell.</summary>
public readonly record struct StatedValue(CellKey Cell, decimal Value);

/// <summary>
/// The <c>value_cells</c> catalogue as read at one moment: what a value set's cell ids stand for.
/// Cells are only ever added, and in the same transaction as (or before) the first value set that
/// uses them: a reader that loads the catalogue after reading value sets knows every id in them.
/// </summary>
public sealed class ValueCatalogue
{
    private readonly Dictionary<CellKey, short> _ids;
    private CellKey?[] _keys;

    private ValueCatalogue(List<ValueCellEntity> cells)
    {
        _ids = new Dictionary<CellKey, short>(cells.Count);
        _keys = [];
        Add(cells);
    }

    public static async Task<ValueCatalogue> LoadAsync(GongkaiDbContext context, CancellationToken cancellationToken = default) =>
        new(await context.ValueCells.AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false));

    /// <summary>The cell an id stands for.</summary>
    public CellKey this[short id] =>
        id >= 0 && id < _keys.Length && _keys[id] is { } key
            ? key
            : throw new KeyNotFoundException($"value_cells has no cell {id}: the catalogue was read before the values that use it.");

    /// <summary>
    /// Adds to the database, in the context's current transaction, the cells of
    /// <paramref name="keys"/> it does not hold yet, and reads back their ids. Safe beside another
    /// writer: an insert that meets the same cell does nothing, and the ids are read after.
    /// </summary>
    public async Task AddMissingAsync(GongkaiDbContext context, IEnumerable<CellKey> keys, CancellationToken cancellationToken)
    {
        var missing = keys.Where(k => !_ids.ContainsKey(k)).Distinct().ToList();
        if (missing.Count == 0)
        {
            return;
        }

        foreach (var key in missing)
        {
            await context.Database.ExecuteSqlAsync(
                $"""INSERT INTO value_cells ("TableId", "RowId", "ColumnId") VALUES ({key.Table}, {key.Row}, {key.Column}) ON CONFLICT DO NOTHING""",
                cancellationToken).ConfigureAwait(false);
        }

        var known = _ids.Values.ToList();
        Add(await context.ValueCells.AsNoTracking().Where(c => !known.Contains(c.Id)).ToListAsync(cancellationToken).ConfigureAwait(false));
    }

    /// <summary>One report's values as its value set; every cell must be in the catalogue (<see cref="AddMissingAsync"/>).</summary>
    public ValueSetEntity Pack(int reportId, IReadOnlyList<StatedValue> values)
    {
        var set = new ValueSetEntity { ReportId = reportId, Cells = new short[values.Count], Values = new decimal[values.Count] };
        for (var i = 0; i < values.Count; i++)
        {
            set.Cells[i] = _ids.TryGetValue(values[i].Cell, out var id)
                ? id
                : throw new InvalidOperationException($"{values[i].Cell} is not in the catalogue yet.");
            set.Values[i] = values[i].Value;
        }

        return set;
    }

    /// <summary>A value set's values with their cells.</summary>
    public IEnumerable<StatedValue> Unpack(short[] cells, decimal[] values)
    {
        if (cells.Length != values.Length)
        {
            throw new InvalidDataException($"A value set has {cells.Length} cells but {values.Length} values.");
        }

        for (var i = 0; i < cells.Length; i++)
        {
            yield return new StatedValue(this[cells[i]], values[i]);
        }
    }

    private void Add(List<ValueCellEntity> cells)
    {
        if (cells.Count == 0)
        {
            return;
        }

        var size = Math.Max(_keys.Length, cells.Max(c => c.Id) + 1);
        if (size > _keys.Length)
        {
            Array.Resize(ref _keys, size);
        }

        foreach (var cell in cells)
        {
            var key = new CellKey(cell.TableId, cell.RowId, cell.ColumnId);
            _ids[key] = cell.Id;
            _keys[cell.Id] = key;
        }
    }
}
