using System.Globalization;
using CsvHelper;
using Gongkai.Cli.Commands;

namespace Gongkai.Cli.Output;

/// <summary>
/// Long-format CSV (docs/formats/csv.md): one row per table cell of every stated table — file,
/// table, row id and label, column id and label, value — plus the cell's state, unit, raw text and
/// source position. Unreadable files get one row with their error. Written by CsvHelper: UTF-8
/// without a byte order mark, RFC 4180 quoting, values exactly as read (a data format, so a raw
/// cell text such as "-" is not altered for spreadsheets).
/// </summary>
internal sealed class CsvOutput(Stream output) : IDisposable
{
    public static readonly string[] Header =
        ["file", "table", "row_id", "row_label", "column_id", "column_label", "value", "state", "unit", "raw", "line", "column", "error"];

    private readonly CsvWriter _csv = CsvWriter.Create(output, CsvWriterOptions.Default with { NewLine = "\n" }, leaveOpen: true);

    public void WriteHeader() => _csv.WriteHeader(Header);

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

    public void Dispose() => _csv.Dispose();

    private void Row(params string[] fields) => _csv.WriteRecord(fields);
}
