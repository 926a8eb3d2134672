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
    /// <summary>A workbook of one table.</summary>
    public static void Write(Stream output, string title, TableDefinition table, Func<string, string, decimal?> value, IEnumerable<string>? notes = null) =>
        Write(output, [new TableSheet(title, table, value, notes ?? [])]);

    /// <summary>A workbook of several tables, one worksheet each, in the given order.</summary>
    public static void Write(Stream output, IReadOnlyList<TableSheet> sheets)
    {
        using var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.Workbook = new Workbook();
        var list = new Sheets();
        for (var i = 0; i < sheets.Count; i++)
        {
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            sheetPart.Worksheet = Worksheet(sheets[i]);
            list.Append(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = (uint)(i + 1), Name = SheetName(sheets[i].Title) });
        }

        workbook.Workbook.AppendChild(list);
        workbook.Workbook.Save();
    }

    /// <summary>Excel's limit: 31 characters, none of []:*?/\.</summary>
    internal static string SheetName(string title)
    {
        var name = string.Concat(title.Where(c => c is not ('[' or ']' or ':' or '*' or '?' or '/' or '\\')));
        return name.Length > 31 ? name[..31] : name;
    }

    private static Worksheet Worksheet(TableSheet sheet)
    {
        var (title, table, value, notes) = sheet;
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
        foreach (var note in notes)
        {
            rows.Add(TextRow(next++, [(1, note)]));
        }

        data.Append(rows);
        var worksheet = new Worksheet(data);
        if (merges.HasChildren)
        {
            worksheet.Append(merges);
        }

        return worksheet;
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

    internal static Row TextRow(int row, IEnumerable<(int Column, string Text)> cells)
    {
        var result = new Row { RowIndex = (uint)row };
        foreach (var (column, text) in cells)
        {
            result.Append(TextCell(row, column, text));
        }

        return result;
    }

    internal static Cell TextCell(int row, int column, string text) =>
        new() { CellReference = Reference(row, column), DataType = CellValues.InlineString, InlineString = new InlineString(new Text(text)) };

    internal static Cell NumberCell(int row, int column, decimal? number) =>
        number is { } n
            ? new Cell { CellReference = Reference(row, column), DataType = CellValues.Number, CellValue = new CellValue(n.ToString("0.############", System.Globalization.CultureInfo.InvariantCulture)) }
            : new Cell { CellReference = Reference(row, column) };
}

/// <summary>One worksheet of a <see cref="TableWorkbook"/>: a table, its values and notes under it.</summary>
public sealed record TableSheet(string Title, TableDefinition Table, Func<string, string, decimal?> Value, IEnumerable<string> Notes);
