using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Gongkai.Documents;

/// <summary>
/// Writes a list (reports, agencies, sums) to a one-sheet XLSX workbook: a header row,
/// then one row per item; numbers as numbers, text as text, null as an empty cell.
/// </summary>
public static class ListWorkbook
{
    public static void Write(Stream output, string title, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<object?>> rows)
    {
        using var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.Workbook = new Workbook();
        var sheetPart = workbook.AddNewPart<WorksheetPart>();
        var data = new SheetData();
        data.Append(TableWorkbook.TextRow(1, headers.Select((h, i) => (i + 1, h))));
        var index = 2;
        foreach (var values in rows)
        {
            var row = new Row { RowIndex = (uint)index };
            for (var c = 0; c < values.Count; c++)
            {
                row.Append(values[c] switch
                {
                    null => new Cell { CellReference = TableWorkbook.Reference(index, c + 1) },
                    int n => TableWorkbook.NumberCell(index, c + 1, n),
                    decimal d => TableWorkbook.NumberCell(index, c + 1, d),
                    var other => TableWorkbook.TextCell(index, c + 1, ListValues.Text(other) ?? string.Empty),
                });
            }

            data.Append(row);
            index++;
        }

        sheetPart.Worksheet = new Worksheet(data);
        workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = TableWorkbook.SheetName(title) }));
        workbook.Workbook.Save();
    }
}
