using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Gongkai.Storage;

/// <summary>
/// An entity's table as the EF Core model maps it — table name, columns, each column's type mapping
/// and value converter — so that a provider's bulk writer stores exactly what SaveChanges would,
/// without a second, hand-kept list of columns.
/// </summary>
public sealed class TableLayout
{
    private readonly string? _key;

    private TableLayout(string table, string? key, IReadOnlyList<TableColumn> columns)
    {
        Table = table;
        _key = key;
        Columns = columns;
    }

    public string Table { get; }

    /// <summary>The column of the table's single-column primary key (the one ids are reserved for).</summary>
    public string Key => _key ?? throw new InvalidOperationException($"{Table} has no single-column primary key.");

    public IReadOnlyList<TableColumn> Columns { get; }

    /// <summary>
    /// The layout of <typeparamref name="T"/>'s table. A store-generated key is left out unless
    /// <paramref name="withGeneratedKey"/> says the caller assigns it.
    /// </summary>
    public static TableLayout Of<T>(DbContext context, bool withGeneratedKey)
    {
        var entity = context.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = entity.GetTableName() ?? throw new InvalidOperationException($"{typeof(T).Name} has no table.");
        var store = StoreObjectIdentifier.Table(table, entity.GetSchema());
        var columns = entity.GetProperties()
            .Where(p => withGeneratedKey || !(p.IsPrimaryKey() && p.ValueGenerated == ValueGenerated.OnAdd))
            .Select(p => new TableColumn(p.GetColumnName(store) ?? p.Name, p, p.GetRelationalTypeMapping()))
            .ToList();
        var key = entity.FindPrimaryKey()?.Properties is [var single] ? single.GetColumnName(store) : null;
        return new TableLayout(table, key, columns);
    }

    /// <summary>The entity's values as the database stores them, in column order (converters applied).</summary>
    public object?[] StoreRow(object entity)
    {
        var row = new object?[Columns.Count];
        for (var i = 0; i < row.Length; i++)
        {
            row[i] = Columns[i].StoreValue(entity);
        }

        return row;
    }

    /// <summary>The position of the column that stores <paramref name="property"/>.</summary>
    public int IndexOf(string property)
    {
        for (var i = 0; i < Columns.Count; i++)
        {
            if (Columns[i].Property.Name == property)
            {
                return i;
            }
        }

        throw new ArgumentException($"{Table} has no column for {property}.", nameof(property));
    }

    /// <summary>The column list of an INSERT or COPY, each name quoted.</summary>
    public string ColumnList => string.Join(", ", Columns.Select(c => $"\"{c.Name}\""));
}

/// <summary>One column: its name, the property it stores, and how the provider maps its values.</summary>
public sealed class TableColumn(string name, IProperty property, RelationalTypeMapping mapping)
{
    private readonly IClrPropertyGetter _getter = property.GetGetter();

    public string Name { get; } = name;

    public IProperty Property { get; } = property;

    public RelationalTypeMapping Mapping { get; } = mapping;

    /// <summary>The CLR type of <see cref="StoreValue"/>: the converter's provider type, else the property's.</summary>
    public Type StoreType { get; } = mapping.Converter?.ProviderClrType ?? property.ClrType;

    /// <summary>The value as the database stores it (after the mapping's converter); null stays null.</summary>
    public object? StoreValue(object entity)
    {
        var value = _getter.GetClrValue(entity);
        return value is not null && Mapping.Converter is { } converter ? converter.ConvertToProvider(value) : value;
    }
}
