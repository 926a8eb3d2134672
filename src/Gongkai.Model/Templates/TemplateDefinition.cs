using System.Text.Json.Serialization;

namespace Gongkai.Model.Templates;

/// <summary>How a field's number is written and checked.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<FieldKind>))]
public enum FieldKind
{
    /// <summary>A whole number ≥ 0 (件数, 数量).</summary>
    Count,

    /// <summary>A whole number that may be negative (本年增/减).</summary>
    SignedCount,

    /// <summary>A decimal amount (万元 or 元).</summary>
    Amount,
}

/// <summary>How a table's values stand relative to its labels.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TableLayout>))]
public enum TableLayout
{
    /// <summary>Each row label is followed by that row's values (表二, 表三).</summary>
    LabelledRows,

    /// <summary>Header labels first, then one row with every value in order (表四).</summary>
    ValueRowAfterHeaders,
}

/// <summary>What a row of 表三 means for the arithmetic rules.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RowRole>))]
public enum RowRole
{
    None,
    Intake,
    Outcome,
    OutcomeTotal,
    CarriedForward,
}

public sealed record FieldDefinition
{
    public required string Id { get; init; }

    public required string Label { get; init; }

    public IReadOnlyList<string> Variants { get; init; } = [];

    public FieldKind Kind { get; init; } = FieldKind.Count;

    /// <summary>The unit the template fixes (万元), or null when the report states it.</summary>
    public string? Unit { get; init; }

    public string? Parent { get; init; }
}

public sealed record GroupDefinition
{
    public required string Id { get; init; }

    public required string Label { get; init; }

    public string? Numbering { get; init; }

    public string? Parent { get; init; }
}

public sealed record RowDefinition
{
    public required string Id { get; init; }

    public required string Label { get; init; }

    /// <summary>The numbering printed before the label (一、 （一） 1.).</summary>
    public string? Numbering { get; init; }

    public IReadOnlyList<string> Variants { get; init; } = [];

    public string? Group { get; init; }

    public RowRole Role { get; init; }

    /// <summary>The row's own fields (表二); null when the row uses the table's columns.</summary>
    [JsonPropertyName("fields")]
    public IReadOnlyList<FieldDefinition>? OwnFields { get; init; }

    /// <summary>The fields of this row, set when the table is built.</summary>
    [JsonIgnore]
    public IReadOnlyList<FieldDefinition> Fields { get; internal set; } = [];

    /// <summary>The label as printed, with its numbering: "（七）总计".</summary>
    [JsonIgnore]
    public string PrintedLabel => Numbering + Label;

    public FieldDefinition Field(string id) =>
        Fields.FirstOrDefault(f => f.Id == id)
        ?? throw new KeyNotFoundException($"Row '{Id}' has no field '{id}'.");
}

public sealed record TableDefinition
{
    public required string Id { get; init; }

    /// <summary>The report section (二 = 2, 三 = 3, 四 = 4) that holds the table.</summary>
    public int Section { get; init; }

    public required string Title { get; init; }

    public TableLayout Layout { get; init; }

    public string? Caption { get; init; }

    public string? ColumnGroupLabel { get; init; }

    public string? RowHeaderLabel { get; init; }

    /// <summary>The columns shared by every row (表三, 表四); empty when each row has its own (表二).</summary>
    public IReadOnlyList<FieldDefinition> Columns { get; init; } = [];

    public IReadOnlyList<GroupDefinition> Groups { get; init; } = [];

    public required IReadOnlyList<RowDefinition> Rows { get; init; }

    public RowDefinition Row(string id) =>
        Rows.FirstOrDefault(r => r.Id == id)
        ?? throw new KeyNotFoundException($"Table '{Id}' has no row '{id}'.");

    public bool HasRow(string id) => Rows.Any(r => r.Id == id);

    /// <summary>Row and field positions by id, built when the catalog links the data (part of the definition, so equality holds).</summary>
    private Dictionary<string, (int Row, Dictionary<string, int> Fields)> _index = [];

    internal void BuildIndex() =>
        _index = Rows.Select((r, i) => (r, i)).ToDictionary(
            x => x.r.Id,
            x => (x.i, x.r.Fields.Select((f, j) => (f.Id, j)).ToDictionary(y => y.Id, y => y.j)));

    public bool TryIndexOf(string rowId, string fieldId, out int row, out int field)
    {
        field = -1;
        if (_index.TryGetValue(rowId, out var entry) && entry.Fields.TryGetValue(fieldId, out field))
        {
            row = entry.Row;
            return true;
        }

        row = -1;
        return false;
    }

    public (int Row, int Field) IndexOf(string rowId, string fieldId) =>
        TryIndexOf(rowId, fieldId, out var row, out var field)
            ? (row, field)
            : throw new KeyNotFoundException($"Table '{Id}' has no cell '{rowId}.{fieldId}'.");

    public GroupDefinition? Group(string? id) => id is null ? null : Groups.FirstOrDefault(g => g.Id == id);

    /// <summary>Number of cells in the table.</summary>
    public int CellCount => Rows.Sum(r => r.Fields.Count);
}

/// <summary>A template generation (2021 / 2019 / 2008): its official basis, years, markers and tables.</summary>
public sealed record TemplateDefinition
{
    public required string Id { get; init; }

    public required string Basis { get; init; }

    public int? FirstReportYear { get; init; }

    public int? LastReportYear { get; init; }

    /// <summary>Labels that only this generation's tables print; they tell the generation apart.</summary>
    public IReadOnlyList<string> Markers { get; init; } = [];

    public required IReadOnlyList<TableDefinition> Tables { get; init; }

    public TableDefinition? Table(string id) => Tables.FirstOrDefault(t => t.Id == id);

    public bool HasTables => Tables.Count > 0;

    public override string ToString() => Id;
}

/// <summary>One of the six sections, with the keywords that recognise its heading.</summary>
public sealed record SectionDefinition
{
    public required int Number { get; init; }

    public required string Id { get; init; }

    public required string Heading { get; init; }

    public required IReadOnlyList<string> Keywords { get; init; }
}
