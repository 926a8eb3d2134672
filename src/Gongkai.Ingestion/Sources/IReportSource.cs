using Gongkai.Ingestion.Decoding;
using Gongkai.Ingestion.Normalization;

namespace Gongkai.Ingestion.Sources;

/// <summary>What a source reader is given: the file's bytes, its name, and the bytes decoded as text.</summary>
internal sealed class SourceInput(byte[] bytes, string? fileName)
{
    private DecodedText? _decoded;
    private string? _decodeError;
    private bool _decodeTried;

    public byte[] Bytes { get; } = bytes;

    public string? FileName { get; } = fileName;

    /// <summary>The bytes as text (encoding detected), or null when they are not text.</summary>
    public DecodedText? Decoded
    {
        get
        {
            if (!_decodeTried)
            {
                _decoded = EncodingDetector.Decode(Bytes, out _decodeError);
                _decodeTried = true;
            }

            return _decoded;
        }
    }

    public string? DecodeError => Decoded is null ? _decodeError : null;
}

/// <summary>
/// Turns one kind of input (plain text, HTML; later DOCX, PDF) into lines of text whose table rows
/// are written <c>a | b | c</c>, each character mapped back to where it stood in the source. Layout
/// reading and template mapping downstream do not know which source produced the text.
/// </summary>
internal interface IReportSource
{
    string Name { get; }

    /// <summary>The source text, or null when this reader does not apply to the input.</summary>
    SourceText? TryRead(SourceInput input);
}
