using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Gongkai.Model.Templates;

namespace Gongkai.Documents;

/// <summary>
/// Writes a table (二/三/四) to an XLSX worksheet in the official layout: the merged headers and row
/// groups of <see cref="OfficialLayout"/>, and a number in each value slot (empty where no value).
/// </summary>
public static class TableWorkbook
{
    public static void Write(Stream output, string title, TableDefinition table, Func<string, string, decimal?> value, IEnumerable<string>? notes = null)
    {
        using var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.Workbook = new Workbook();
        var sheetPart = workbook.AddNewPart<WorksheetPart>();
        var data = new SheetData();
        var merges = new MergeCells();

        var rows = new List<Row> { TextRow(1, [(1, title)]) };
        var layout = OfficialLayout.Draw(table);
        var occupied = new HashSet<(int Row, int Col)>();
        for (var r = 0; r < layout.Count; r++)
        {
            var sheetRow = r + 2;
            var row = new Row { RowIndex = (uint)sheetRow };
            var col = 1;
            foreach (var cell in layout[r])
            {
                while (occupied.Contains((sheetRow, col)))
                {
                    col++;
                }

                for (var dr = 0; dr < cell.RowSpan; dr++)
                {
                    for (var dc = 0; dc < cell.ColSpan; dc++)
                    {
                        occupied.Add((sheetRow + dr, col + dc));
                    }
                }

                if (cell.RowSpan > 1 || cell.ColSpan > 1)
                {
                    merges.Append(new MergeCell { Reference = $"{Reference(sheetRow, col)}:{Reference(sheetRow + cell.RowSpan - 1, col + cell.ColSpan - 1)}" });
                }

                row.Append(cell.IsValue ? NumberCell(sheetRow, col, value(cell.RowId!, cell.FieldId!)) : TextCell(sheetRow, col, cell.Text));
                col += cell.ColSpan;
            }

            rows.Add(row);
        }

        var next = layout.Count + 3;
        foreach (var note in notes ?? [])
        {
            rows.Add(TextRow(next++, [(1, note)]));
        }

        data.Append(rows);
        var worksheet = new Worksheet(data);
        if (merges.HasChildren)
        {
            worksheet.Append(merges);
        }

        sheetPart.Worksheet = worksheet;
        workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = title.Length > 31 ? title[..31] : title }));
        workbook.Workbook.Save();
    }

    /// <summary>A1-style reference, 1-based row and column.</summary>
    public static string Reference(int row, int column)
    {
        var letters = string.Empty;
        for (var c = column; c > 0; c = (c - 1) / 26)
        {
            letters = (char)('A' + ((c - 1) % 26)) + letters;
        }

        return letters + row.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private static Row TextRow(int row, IEnumerable<(int Column, string Text)> cells)
    {
        var result = new Row { RowIndex = (uint)row };
        foreach (var (column, text) in cells)
        {
            result.Append(TextCell(row, column, text));
        }

        return result;
    }

    private static Cell TextCell(int row, int column, string text) =>
        new() { CellReference = Reference(row, column), DataType = CellValues.InlineString, InlineString = new InlineString(new Text(text)) };

    private static Cell NumberCell(int row, int column, decimal? number) =>
        number is { } n
            ? new Cell { CellReference = Reference(row, column), DataType = CellValues.Number, CellValue = new CellValue(n) }
            : new Cell { CellReference = Reference(row, column) };
}
