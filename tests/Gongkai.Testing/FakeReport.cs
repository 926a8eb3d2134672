using Gongkai.Model.Templates;

namespace Gongkai.Testing;

/// <summary>A valid report made up for tests: metadata and every table value (sums hold).</summary>
public sealed record FakeReport
{
    public required string Agency { get; init; }

    public required int Year { get; init; }

    public required DateOnly Published { get; init; }

    public required TemplateDefinition Template { get; init; }

    /// <summary>(table, row, field) → value.</summary>
    public required IReadOnlyDictionary<(string Table, string Row, string Field), decimal> Values { get; init; }

    /// <summary>The unit written after an amount the format leaves open (2019 采购总金额).</summary>
    public IReadOnlyDictionary<(string Table, string Row, string Field), string> Units { get; init; } = new Dictionary<(string, string, string), string>();

    public int ActiveItems { get; init; }

    public decimal Value(string table, string row, string field) => Values[(table, row, field)];
}
