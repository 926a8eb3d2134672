using Gongkai.Ingestion.Normalization;
using Gongkai.Ingestion.Structure;
using Gongkai.Model;

namespace Gongkai.Ingestion;

/// <summary>Per-document state of one read: the document, its source map and the problems met.</summary>
internal sealed class ReadContext(ReportDocument document, List<Finding> problems)
{
    public ReportDocument Document { get; } = document;

    public SourceText Source => Document.Source;

    public string Text => Document.Text;

    public List<Finding> Problems { get; } = problems;

    public SourceSpan Span(int start, int end) => Source.Span(start, end);

    /// <summary>A table cell read from [start, end) of the normalised text: the number from the normalised text, the raw text from the source.</summary>
    public CellValue Cell(int start, int end)
    {
        var span = Span(start, end);
        var text = Text[start..end];
        return Values.NumberReader.Read(text, Source.Verbatim ? Source.Raw(span) : text, span);
    }

    public void Problem(string code, Severity severity, string message, string? table = null, string? row = null, string? column = null, SourceSpan? span = null) =>
        Problems.Add(new Finding(code, severity, message, new FindingLocation(table, row, column, span)));
}
