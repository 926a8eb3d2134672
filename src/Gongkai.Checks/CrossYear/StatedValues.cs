using Gongkai.Model;

namespace Gongkai.Checks.CrossYear;

/// <summary>
/// The values one year's report states, by (table, row id, column id): what cross-year rules compare.
/// A value the report does not state is absent, never 0.
/// </summary>
public sealed class StatedValues(int year, string template, IReadOnlyDictionary<(string Table, string Row, string Column), decimal> cells)
{
    public int Year { get; } = year;

    /// <summary>The template generation (2021 / 2019 / 2008): rows and columns differ between them.</summary>
    public string Template { get; } = template;

    public decimal? Value(string table, string row, string column) =>
        cells.TryGetValue((table, row, column), out var value) ? value : null;

    /// <summary>The stated values of a parsed report.</summary>
    public static StatedValues From(AnnualReport report, int year)
    {
        var cells = new Dictionary<(string, string, string), decimal>();
        foreach (var table in report.Tables())
        {
            foreach (var (row, field, cell) in table.Cells())
            {
                if (cell.Value is { } value)
                {
                    cells[(table.Id, row.Id, field.Id)] = value;
                }
            }
        }

        return new StatedValues(year, report.Template.Id, cells);
    }
}
