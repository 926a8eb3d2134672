namespace Gongkai.Storage.Entities;

/// <summary>
/// One imported version of a report. The same bytes imported again change nothing (content hash);
/// a corrected version of the same agency and year becomes current and the older stays visible.
/// </summary>
public sealed class ReportEntity
{
    public int Id { get; set; }

    public int? AgencyId { get; set; }

    public AgencyEntity? Agency { get; set; }

    public int? Year { get; set; }

    /// <summary>1 for the first version of this agency and year, then 2, 3 …</summary>
    public int Version { get; set; } = 1;

    public bool IsCurrent { get; set; } = true;

    /// <summary>SHA-256 of the source bytes, lower-case hex.</summary>
    public required string ContentHash { get; set; }

    public required string FileName { get; set; }

    public required string Template { get; set; }

    public DateOnly? Published { get; set; }

    /// <summary>True when published after the statutory deadline; null when unknown.</summary>
    public bool? Late { get; set; }

    public string? SourceKind { get; set; }

    public string? Encoding { get; set; }

    public DateTimeOffset ImportedAt { get; set; }

    public int Errors { get; set; }

    public int Warnings { get; set; }

    public int Infos { get; set; }

    /// <summary>The parsed model and text: large, so kept in their own table and read only for one report.</summary>
    public ReportDocumentEntity? Document { get; set; }

    public SourceFileEntity? Source { get; set; }

    public List<FindingEntity> Findings { get; set; } = [];

    /// <summary>The report's stated table values, one row for all of them.</summary>
    public ValueSetEntity? ValueSet { get; set; }
}

/// <summary>
/// A report version's canonical JSON and normalised text, kept apart from its row: lists, counts
/// and dashboards scan report rows, which stay small (in SQLite a row's large columns share its pages).
/// Both are stored compressed (<see cref="Compressed"/>).
/// </summary>
public sealed class ReportDocumentEntity
{
    public int ReportId { get; set; }

    /// <summary>The canonical JSON (docs/formats/json.md): model, findings, sections, provenance.</summary>
    public required string ModelJson { get; set; }

    /// <summary>The normalised text, for full-text search.</summary>
    public string Text { get; set; } = string.Empty;
}

/// <summary>The original bytes of a report version, kept apart so report rows stay small; stored compressed.</summary>
public sealed class SourceFileEntity
{
    public int ReportId { get; set; }

    public required byte[] Bytes { get; set; }
}

/// <summary>A finding of a report version, for filtering and counting.</summary>
public sealed class FindingEntity
{
    public long Id { get; set; }

    public int ReportId { get; set; }

    public required string Code { get; set; }

    public required string Severity { get; set; }

    public required string Message { get; set; }

    public string? TableId { get; set; }

    public string? RowId { get; set; }

    public string? ColumnId { get; set; }

    public int? Line { get; set; }

    public int? Column { get; set; }
}

/// <summary>
/// Every stated table value of one report version, in one row: <see cref="Cells"/>[i] (an id in
/// <see cref="ValueCellEntity"/>, the catalogue of (table, row id, column id)) states
/// <see cref="Values"/>[i]. A cell the report leaves empty is not in the row. One row per report
/// instead of one per value (~200 per report): an import writes and indexes 200 times fewer rows,
/// and every reader wants a report's values together anyway. PostgreSQL keeps the arrays as
/// <c>smallint[]</c> and <c>numeric[]</c> (<c>unnest("Cells", "Values")</c> gives the pairs), SQLite
/// as JSON arrays (<c>json_each</c>).
/// </summary>
public sealed class ValueSetEntity
{
    public int ReportId { get; set; }

    public short[] Cells { get; set; } = [];

    public decimal[] Values { get; set; } = [];
}

/// <summary>
/// A table cell (table, row id, column id) with the small id value sets name it by. Cells are
/// added when an import first meets them and never change or go away.
/// </summary>
public sealed class ValueCellEntity
{
    public short Id { get; set; }

    public required string TableId { get; set; }

    public required string RowId { get; set; }

    public required string ColumnId { get; set; }
}
