using System.Globalization;
using System.Text;
using Gongkai.Cli.Commands;

namespace Gongkai.Cli.Output;

/// <summary>
/// Long-format CSV (docs/formats/csv.md): one row per table cell of every stated table — file,
/// table, row id and label, column id and label, value — plus the cell's state, unit, raw text and
/// source position. Unreadable files get one row with their error.
/// </summary>
internal sealed class CsvOutput(TextWriter writer)
{
    public static readonly string[] Header =
        ["file", "table", "row_id", "row_label", "column_id", "column_label", "value", "state", "unit", "raw", "line", "column", "error"];

    public void WriteHeader() => writer.WriteLine(string.Join(',', Header));

    public void Write(FileOutcome outcome)
    {
        if (outcome.Report is not { } report)
        {
            Row(outcome.File, "", "", "", "", "", "", "", "", "", "", "", outcome.Error ?? "");
            return;
        }

        foreach (var table in report.Tables())
        {
            foreach (var (row, field, cell) in table.Cells())
            {
                Row(
                    outcome.File, table.Id, row.Id, row.PrintedLabel, field.Id, field.Label,
                    cell.Value?.ToString(CultureInfo.InvariantCulture) ?? "", cell.State.ToString().ToLowerInvariant(), cell.Unit ?? "",
                    cell.Raw.Trim(), cell.Span?.Line.ToString(CultureInfo.InvariantCulture) ?? "", cell.Span?.Column.ToString(CultureInfo.InvariantCulture) ?? "", "");
            }
        }
    }

    private void Row(params string[] fields) => writer.WriteLine(string.Join(',', fields.Select(Escape)));

    private static string Escape(string field)
    {
        if (field.IndexOfAny([',', '"', '\n', '\r']) < 0)
        {
            return field;
        }

        var builder = new StringBuilder(field.Length + 2).Append('"');
        builder.Append(field.Replace("\"", "\"\"", StringComparison.Ordinal));
        return builder.Append('"').ToString();
    }
}
