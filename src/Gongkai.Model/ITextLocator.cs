namespace Gongkai.Model;

/// <summary>
/// Maps a stretch of a report's normalised text back to its source span, so that a check that
/// searches the text (garbled glyphs, statements) can point at the source.
/// </summary>
public interface ITextLocator
{
    /// <summary>The normalised full text (chrome included) the offsets refer to.</summary>
    string Text { get; }

    SourceSpan Span(int start, int end);
}
