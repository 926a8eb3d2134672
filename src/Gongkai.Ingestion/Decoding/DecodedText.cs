namespace Gongkai.Ingestion.Decoding;

/// <summary>Source bytes decoded to text, with the encoding that was detected.</summary>
public sealed record DecodedText(string Text, string EncodingName);
