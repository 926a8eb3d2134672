using Gongkai.Model;

namespace Gongkai.Ingestion.Normalization;

/// <summary>
/// Normalised text that remembers, for every character, the offset in the decoded source it came
/// from: everything downstream reads <see cref="Text"/> and reports spans in source coordinates.
/// </summary>
internal sealed class SourceText
{
    /// <summary>Source offset of each char; null when the text is the source itself.</summary>
    private readonly int[]? _sourceOffsets;
    private readonly int[] _sourceLineStarts;

    public SourceText(string source, string text, int[]? sourceOffsets, bool verbatim = true)
    {
        if (sourceOffsets is not null && sourceOffsets.Length != text.Length)
        {
            throw new ArgumentException("One source offset per character is required.", nameof(sourceOffsets));
        }

        Source = source;
        Text = text;
        Verbatim = verbatim;
        _sourceOffsets = sourceOffsets;
        _sourceLineStarts = LineStarts(source);
    }

    /// <summary>The decoded source, as the user would see it.</summary>
    public string Source { get; }

    /// <summary>The normalised text.</summary>
    public string Text { get; }

    /// <summary>
    /// True when each character maps to the very character it came from (text sources); false
    /// when characters map to the element that held them (HTML), so a span marks where, not what.
    /// </summary>
    public bool Verbatim { get; }

    public static SourceText Identity(string source) => new(source, source, null);

    public int SourceOffset(int textIndex) =>
        _sourceOffsets is null ? Math.Min(textIndex, Source.Length)
        : textIndex >= _sourceOffsets.Length ? (_sourceOffsets.Length == 0 ? 0 : _sourceOffsets[^1] + 1)
        : _sourceOffsets[textIndex];

    /// <summary>The span in the source covered by <c>Text[start..end)</c>.</summary>
    public SourceSpan Span(int start, int end)
    {
        var from = SourceOffset(start);
        var to = end > start ? SourceOffset(end - 1) + 1 : from;
        var line = LineIndex(from);
        return new SourceSpan(from, Math.Max(0, to - from), line + 1, from - _sourceLineStarts[line] + 1);
    }

    /// <summary>The source text a span covers (the raw text a value was read from).</summary>
    public string Raw(SourceSpan span) =>
        span.Start >= Source.Length ? string.Empty : Source.Substring(span.Start, Math.Min(span.Length, Source.Length - span.Start));

    /// <summary>
    /// Applies a transformation that maps each output char to an input char index; takes ownership
    /// of <paramref name="inputIndexes"/> and turns it into source offsets in place.
    /// </summary>
    public SourceText Rewrite(string text, int[] inputIndexes)
    {
        for (var i = 0; i < inputIndexes.Length; i++)
        {
            inputIndexes[i] = SourceOffset(inputIndexes[i]);
        }

        return new SourceText(Source, text, inputIndexes, Verbatim);
    }

    private int LineIndex(int sourceOffset)
    {
        var index = Array.BinarySearch(_sourceLineStarts, sourceOffset);
        return index >= 0 ? index : ~index - 1;
    }

    private static int[] LineStarts(string source)
    {
        var starts = new int[source.AsSpan().Count('\n') + 1];
        var n = 1;
        for (var i = source.IndexOf('\n'); i >= 0; i = source.IndexOf('\n', i + 1))
        {
            starts[n++] = i + 1;
        }

        return starts;
    }
}

/// <summary>Builds text while recording, for each appended char, the input index it came from.</summary>
internal sealed class MappedTextBuilder(int capacity)
{
    private char[] _text = new char[Math.Max(16, capacity)];
    private int[] _map = new int[Math.Max(16, capacity)];

    public int Length { get; private set; }

    public char Last => _text[Length - 1];

    public void Append(char c, int inputIndex)
    {
        if (Length == _text.Length)
        {
            Array.Resize(ref _text, Length * 2);
            Array.Resize(ref _map, Length * 2);
        }

        _text[Length] = c;
        _map[Length] = inputIndex;
        Length++;
    }

    public void Append(string s, int inputIndex)
    {
        foreach (var c in s)
        {
            Append(c, inputIndex);
        }
    }

    public (string Text, int[] Map) Build() => (new string(_text, 0, Length), Length == _map.Length ? _map : _map[..Length]);
}
