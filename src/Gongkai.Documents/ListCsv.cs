using CsvHelper;

namespace Gongkai.Documents;

/// <summary>
/// Writes a list (reports, agencies, sums) as CSV with CsvHelper: UTF-8 with a byte order mark so
/// that Excel reads the Chinese, RFC 4180 quoting, one line per item. Numbers are written as
/// numbers; text that a spreadsheet would run as a formula (it starts with = + - @, a tab or CR:
/// agency names and file names come from imported documents) gets a leading <c>'</c>, which
/// Excel shows as text.
/// </summary>
public static class ListCsv
{
    private static readonly CsvWriterOptions Options = CsvWriterOptions.Default with
    {
        NewLine = "\n",
        WriteByteOrderMark = true,
        Injection = CsvInjection.Escape,
    };

    public static void Write(Stream output, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<object?>> rows)
    {
        using var csv = CsvWriter.Create(output, Options, leaveOpen: true);
        csv.WriteHeader(headers.ToArray());
        foreach (var row in rows)
        {
            foreach (var value in row)
            {
                switch (value)
                {
                    case int n:
                        csv.WriteField(n);
                        break;
                    case decimal d:
                        csv.WriteField(d, ListValues.NumberFormat);
                        break;
                    default:
                        csv.WriteField(ListValues.Text(value));
                        break;
                }
            }

            csv.EndRecord();
        }
    }
}
