using Gongkai.Documents;

namespace Gongkai.Web.Exports;

/// <summary>A list to export: a header row and rows of values, written as CSV or XLSX.</summary>
public sealed record ListExport(string Title, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<object?>> Rows)
{
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>UTF-8 with a BOM so that Excel reads the Chinese; RFC 4180 quoting; formulas defused (<see cref="ListCsv"/>).</summary>
    public byte[] Csv()
    {
        using var stream = new MemoryStream();
        ListCsv.Write(stream, Headers, Rows);
        return stream.ToArray();
    }

    public byte[] Xlsx()
    {
        using var stream = new MemoryStream();
        ListWorkbook.Write(stream, Title, Headers, Rows);
        return stream.ToArray();
    }

    public IResult File(string format, string name) => format switch
    {
        "xlsx" => TypedResults.File(Xlsx(), XlsxType, name + ".xlsx"),
        _ => TypedResults.File(Csv(), "text/csv; charset=utf-8", name + ".csv"),
    };
}
