using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Gongkai.Storage;

/// <summary>
/// How a report's stored documents (model JSON, text, source bytes) are kept: Brotli at its
/// fastest level behind a 4-byte mark and the original length. The model JSON is mostly
/// provenance and shrinks ~6×, so a province's 100,000 reports take ~2.6 GB instead of ~7.8 GB
/// and the pages a report view reads stay in memory. Bytes without the mark are stored as they
/// are (rows written before compression), so they read back unchanged.
/// </summary>
public static class Compressed
{
    /// <summary>NUL "GK" 0x01: no text encoding starts a document with these four bytes.</summary>
    private static readonly byte[] Mark = [0x00, 0x47, 0x4B, 0x01];

    private const int HeaderLength = 8;

    /// <summary>Quality 1: ~100 µs for a 40 KB model; higher levels cost 3–5× for ~10 % less.</summary>
    private const int Quality = 1;

    private const int Window = 22;

    /// <summary>For text columns stored compressed (EF Core converter; the column holds bytes).</summary>
    public static ValueConverter<string, byte[]> TextConverter { get; } = new(text => PackText(text), bytes => UnpackText(bytes));

    /// <summary>For byte columns stored compressed.</summary>
    public static ValueConverter<byte[], byte[]> BytesConverter { get; } = new(bytes => Pack(bytes), packed => Unpack(packed));

    /// <summary>Byte arrays compared by content (EF Core compares converted byte properties by reference otherwise).</summary>
    public static ValueComparer<byte[]> BytesComparer { get; } = new(
        (a, b) => SameBytes(a, b),
        bytes => bytes.Length,
        bytes => bytes.ToArray());

    private static bool SameBytes(byte[]? a, byte[]? b) => a is null ? b is null : b is not null && a.AsSpan().SequenceEqual(b);

    public static byte[] Pack(ReadOnlySpan<byte> data)
    {
        var packed = new byte[HeaderLength + BrotliEncoder.GetMaxCompressedLength(data.Length)];
        Mark.CopyTo(packed, 0);
        BinaryPrimitives.WriteInt32LittleEndian(packed.AsSpan(4), data.Length);
        if (!BrotliEncoder.TryCompress(data, packed.AsSpan(HeaderLength), out var written, Quality, Window))
        {
            throw new InvalidOperationException("Brotli could not compress a document.");
        }

        return packed[..(HeaderLength + written)];
    }

    public static byte[] Unpack(byte[] stored)
    {
        if (!IsPacked(stored))
        {
            return stored;
        }

        var data = new byte[BinaryPrimitives.ReadInt32LittleEndian(stored.AsSpan(4))];
        if (!BrotliDecoder.TryDecompress(stored.AsSpan(HeaderLength), data, out var written) || written != data.Length)
        {
            throw new InvalidDataException("A stored document is damaged: its Brotli data does not give its recorded length.");
        }

        return data;
    }

    public static byte[] PackText(string text) => Pack(Encoding.UTF8.GetBytes(text));

    public static string UnpackText(byte[] stored) => Encoding.UTF8.GetString(Unpack(stored));

    /// <summary>True when the stored bytes carry the mark (written compressed).</summary>
    public static bool IsPacked(ReadOnlySpan<byte> stored) => stored.Length >= HeaderLength && stored[..4].SequenceEqual(Mark);
}
