using Gongkai.Ingestion.Decoding;

namespace Gongkai.Ingestion;

/// <summary>Decodes a stored source file the way the reader did, so spans (line, column) point into the same text.</summary>
public static class SourceDecoder
{
    /// <summary>The decoded text, or null when the bytes are not text.</summary>
    public static string? Decode(byte[] bytes) => EncodingDetector.Decode(bytes, out _)?.Text;
}
