namespace Gongkai.Storage.Entities;

/// <summary>
/// A stated table value summed over the current reports of one region node, agency category and
/// report year: the rollup dashboards read instead of the value sets of every report.
/// A report counts in every node of its agency's region path: the root (""), 四川省, 四川省/资阳市 …
/// Kept in step by the importer and by agency edits (<see cref="Totals.RegionTotals"/>).
/// </summary>
public sealed class ValueTotalEntity
{
    /// <summary>A region path or one of its ancestors; "" is the root (every agency, known region or not).</summary>
    public required string Region { get; set; }

    public AgencyCategory Category { get; set; }

    /// <summary>The report year; 0 for reports whose year is unknown.</summary>
    public int Year { get; set; }

    public required string TableId { get; set; }

    public required string RowId { get; set; }

    public required string ColumnId { get; set; }

    public decimal Sum { get; set; }

    /// <summary>How many current reports state this cell; a row with none does not exist.</summary>
    public int Reports { get; set; }
}
