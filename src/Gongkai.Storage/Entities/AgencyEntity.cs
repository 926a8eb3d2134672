namespace Gongkai.Storage.Entities;

/// <summary>What kind of body an agency is (editable when the inference from its name is wrong).</summary>
public enum AgencyCategory
{
    Other = 0,
    Government = 1,
    Department = 2,
    Township = 3,
}

/// <summary>
/// One agency across years: its reports link up through <see cref="Key"/> although their titles
/// differ (市财政局, 资阳市财政局; 区财政局(区国资办)).
/// </summary>
public sealed class AgencyEntity
{
    public int Id { get; set; }

    /// <summary>The normalised, region-qualified name the reports are matched on.</summary>
    public required string Key { get; set; }

    /// <summary>The name to show: the most complete one a report printed.</summary>
    public required string Name { get; set; }

    /// <summary>Region path, e.g. 四川省/资阳市/雁江区; empty when unknown.</summary>
    public string Region { get; set; } = string.Empty;

    public AgencyCategory Category { get; set; }

    /// <summary>True when a person set the category or region by hand: imports keep it.</summary>
    public bool Edited { get; set; }

    public List<ReportEntity> Reports { get; set; } = [];
}
