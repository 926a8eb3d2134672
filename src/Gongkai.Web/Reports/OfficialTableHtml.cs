using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace Gongkai.Web.Reports;

/// <summary>
/// A drawn table as HTML, written straight to the response: headers as <c>th</c>, value slots as
/// <c>td.v</c> carrying the slot id (<c>data-cell</c>), its source line (<c>data-line</c>) and its
/// worst finding (<c>f-error</c>/<c>f-warning</c>/<c>f-info</c>). The report page draws three of
/// these per view, so they skip Razor's per-attribute machinery; every text goes through the encoder.
/// </summary>
public sealed class OfficialTableHtml(TableView table) : IHtmlContent
{
    public void WriteTo(TextWriter writer, HtmlEncoder encoder)
    {
        writer.Write("<h2>");
        encoder.Encode(writer, table.Title);
        writer.Write("</h2>\n<div class=\"scroll\">\n<table class=\"official\">\n");
        foreach (var row in table.Rows)
        {
            writer.Write("<tr>");
            foreach (var cell in row)
            {
                if (cell.IsValue)
                {
                    var value = table.Values[(cell.RowId!, cell.FieldId!)];
                    writer.Write("<td class=\"v");
                    if (value.Severity is { } severity)
                    {
                        writer.Write(" f-");
                        writer.Write(severity);
                    }

                    if (value.Absent)
                    {
                        writer.Write(" absent");
                    }

                    writer.Write('"');
                    Spans(writer, cell.ColSpan, cell.RowSpan);
                    if (value.Line is { } line)
                    {
                        writer.Write(" data-line=\"");
                        writer.Write(line.ToString(CultureInfo.InvariantCulture));
                        writer.Write('"');
                    }

                    writer.Write(" data-cell=\"");
                    encoder.Encode(writer, cell.RowId!);
                    writer.Write('.');
                    encoder.Encode(writer, cell.FieldId!);
                    writer.Write('"');
                    if (Title(value) is { } title)
                    {
                        writer.Write(" title=\"");
                        encoder.Encode(writer, title);
                        writer.Write('"');
                    }

                    writer.Write('>');
                    encoder.Encode(writer, value.Text);
                    writer.Write("</td>");
                }
                else
                {
                    writer.Write("<th");
                    Spans(writer, cell.ColSpan, cell.RowSpan);
                    writer.Write('>');
                    encoder.Encode(writer, cell.Text);
                    writer.Write("</th>");
                }
            }

            writer.Write("</tr>\n");
        }

        writer.Write("</table>\n</div>\n");
    }

    /// <summary>The tooltip: the findings on the cell, else why it is empty, else its source line.</summary>
    private static string? Title(CellView value) =>
        value.Findings ?? (value.Absent ? value.AbsentNote : value.Line is { } line ? $"原文第{line}行" : null);

    private static void Spans(TextWriter writer, int colSpan, int rowSpan)
    {
        if (colSpan > 1)
        {
            writer.Write(" colspan=\"");
            writer.Write(colSpan.ToString(CultureInfo.InvariantCulture));
            writer.Write('"');
        }

        if (rowSpan > 1)
        {
            writer.Write(" rowspan=\"");
            writer.Write(rowSpan.ToString(CultureInfo.InvariantCulture));
            writer.Write('"');
        }
    }
}
