using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Gongkai.Web.Exports;

namespace Gongkai.Web.Tests;

/// <summary>
/// Lists exported for a spreadsheet: names and file names come from imported documents, so text
/// that Excel would run as a formula must arrive as text, while numbers stay numbers.
/// </summary>
public sealed class ListExportTests
{
    private static readonly ListExport Export = new(
        "报告",
        ["id", "agency", "published", "late", "value", "count", "note"],
        [
            [1, "=HYPERLINK(\"http://example.invalid\",\"点击\")", new DateOnly(2020, 1, 3), true, -1.5m, -3, null],
            [2, "-财政局", null, false, 76.8850m, 0, "a,b \"c\"\nd"],
            [3, "@资阳市", new DateOnly(2025, 12, 31), null, 0.0001m, 12, "+1"],
        ]);

    [Fact]
    public void Csv_quotes_as_RFC_4180_says_and_defuses_formulas_but_not_numbers()
    {
        var bytes = Export.Csv();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var csv = Encoding.UTF8.GetString(bytes.AsSpan(3));
        Assert.Equal(
            """
            id,agency,published,late,value,count,note
            1,"'=HYPERLINK(""http://example.invalid"",""点击"")",2020-01-03,true,-1.5,-3,
            2,"'-财政局",,false,76.885,0,"a,b ""c""
            d"
            3,"'@资阳市",2025-12-31,,0.0001,12,"'+1"

            """.ReplaceLineEndings("\n"),
            csv);
    }

    [Fact]
    public void Xlsx_writes_dates_as_iso_text_numbers_as_numbers_and_formulas_as_plain_text()
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(Export.Xlsx()), isEditable: false);
        var cells = document.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Cell>().ToDictionary(c => c.CellReference!.Value!);
        Assert.Equal("2020-01-03", cells["C2"].InnerText);
        Assert.Equal("true", cells["D2"].InnerText);
        Assert.Equal("=HYPERLINK(\"http://example.invalid\",\"点击\")", cells["B2"].InnerText);
        Assert.Null(cells["B2"].CellFormula);
        Assert.Equal(-1.5m, decimal.Parse(cells["E2"].CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(CellValues.Number, cells["E2"].DataType?.Value ?? CellValues.Number);
    }
}
