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

    public List<ValueEntity> Values { get; set; } = [];
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

/// <summary>One stated table value (table, row id, column id), for aggregation across reports.</summary>
public sealed class ValueEntity
{
    public int ReportId { get; set; }

    public required string TableId { get; set; }

    public required string RowId { get; set; }

    public required string ColumnId { get; set; }

    public decimal Value { get; set; }
}
