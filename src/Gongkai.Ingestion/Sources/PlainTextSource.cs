using Gongkai.Ingestion.Normalization;

namespace Gongkai.Ingestion.Sources;

/// <summary>Text copied from a web page: read as it is.</summary>
internal sealed class PlainTextSource : IReportSource
{
    public string Name => "text";

    public SourceText? TryRead(SourceInput input) =>
        input.Decoded is { } decoded ? SourceText.Identity(decoded.Text) : null;
}
