using System.Globalization;
using System.Text;
using Gongkai.Documents;
using Gongkai.Web.Infrastructure;

namespace Gongkai.Web.Exports;

/// <summary>A list to export: a header row and rows of values, written as CSV or XLSX.</summary>
public sealed record ListExport(string Title, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<object?>> Rows)
{
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>UTF-8 with a BOM so that Excel reads the Chinese; RFC 4180 quoting.</summary>
    public byte[] Csv()
    {
        var builder = new StringBuilder();
        builder.AppendJoin(',', Headers.Select(Field)).Append('\n');
        foreach (var row in Rows)
        {
            builder.AppendJoin(',', row.Select(v => Field(Text(v)))).Append('\n');
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(builder.ToString())];
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

    private static string? Text(object? value) => value switch
    {
        null => null,
        bool b => b ? "true" : "false",
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        decimal n => Names.Number(n),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    private static string Field(string? field) =>
        field is null ? string.Empty : field.IndexOfAny([',', '"', '\n', '\r']) < 0 ? field : "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
