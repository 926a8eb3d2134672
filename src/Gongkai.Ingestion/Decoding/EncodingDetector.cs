using System.Text;
using System.Text.RegularExpressions;
using System.Text.Unicode;

namespace Gongkai.Ingestion.Decoding;

/// <summary>
/// Detects the encoding of a report from its bytes, never from the file name: a byte-order mark,
/// then UTF-16 read as plausible text, then strict UTF-8, then a charset an HTML page declares,
/// then GB18030 (a superset of GBK and GB2312). Bytes that are none of these are binary.
/// </summary>
internal static partial class EncodingDetector
{
    private static readonly Encoding StrictUtf8 = new UTF8Encoding(false, true);

    public static Encoding Gb18030 { get; } = CreateGb18030();

    private static Encoding Gb18030Lenient { get; } = Encoding.GetEncoding(54936);

    /// <summary>Decodes the bytes, or returns null with the reason when they are not text.</summary>
    public static DecodedText? Decode(ReadOnlySpan<byte> bytes, out string? whyNot)
    {
        whyNot = null;
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return TryDecode(StrictUtf8, bytes[3..], "UTF-8 (BOM)", out whyNot);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return TryDecode(new UnicodeEncoding(false, false, true), bytes[2..], "UTF-16LE (BOM)", out whyNot);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return TryDecode(new UnicodeEncoding(true, false, true), bytes[2..], "UTF-16BE (BOM)", out whyNot);
        }

        var utf8 = Utf8.IsValid(bytes);
        if (!utf8 && Utf16Candidate(bytes) is { } bigEndian)
        {
            return TryDecode(new UnicodeEncoding(bigEndian, false, true), bytes, bigEndian ? "UTF-16BE" : "UTF-16LE", out whyNot);
        }

        if (bytes.Contains((byte)0))
        {
            whyNot = "二进制文件（含空字节），不是文本、HTML 报告";
            return null;
        }

        if (utf8)
        {
            return Checked(StrictUtf8.GetString(bytes), "UTF-8", out whyNot);
        }

        // A page may declare a charset; pages also lie about it, so a failed declared decode falls back.
        var declared = DeclaredCharset(bytes);
        if (declared is not null && !IsGbFamily(declared) && declared is not "utf-8" and not "utf8")
        {
            try
            {
                var encoding = Encoding.GetEncoding(declared, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
                if (TryDecode(encoding, bytes, declared + " (declared)", out whyNot) is { } decoded)
                {
                    return decoded;
                }
            }
            catch (ArgumentException)
            {
                // An unknown charset name: fall through to GB18030.
            }
        }

        return TryDecode(Gb18030, bytes, "GB18030", out whyNot);
    }

    /// <summary>
    /// UTF-16 without a byte-order mark: the reading (little or big endian) whose characters are
    /// almost all plausible report text (CJK, punctuation, digits, white space), or null.
    /// </summary>
    /// <returns>True for big endian, false for little endian, null when not UTF-16.</returns>
    private static bool? Utf16Candidate(ReadOnlySpan<byte> bytes)
    {
        var sample = bytes[..(Math.Min(bytes.Length, 8192) & ~1)];
        if (sample.Length < 8)
        {
            return null;
        }

        var little = Plausibility(sample, bigEndian: false);
        var big = Plausibility(sample, bigEndian: true);
        var best = Math.Max(little, big);
        if (best < 0.95)
        {
            return null;
        }

        // CJK-only UTF-16 has no zero bytes; then GB18030 must read worse for UTF-16 to win.
        if (!sample.Contains((byte)0) && best <= GbPlausibility(sample))
        {
            return null;
        }

        return big > little;
    }

    private static double Plausibility(ReadOnlySpan<byte> sample, bool bigEndian)
    {
        int good = 0, total = 0;
        for (var i = 0; i + 1 < sample.Length; i += 2)
        {
            var c = (char)(bigEndian ? (sample[i] << 8) | sample[i + 1] : sample[i] | (sample[i + 1] << 8));
            total++;
            good += Plausible(c) ? 1 : 0;
        }

        return total == 0 ? 0 : (double)good / total;
    }

    private static double GbPlausibility(ReadOnlySpan<byte> sample)
    {
        var text = Gb18030Lenient.GetString(sample);
        return text.Length == 0 ? 0 : (double)text.Count(Plausible) / text.Length;
    }

    private static bool Plausible(char c) =>
        c is >= '\u4e00' and <= '\u9fff' or >= '\u3000' and <= '\u303f' or >= '\uff00' and <= '\uffef'
            or '\n' or '\r' or '\t' or ' ' or >= '0' and <= '9' or '.' or ',' or ':' or '-' or '/' or '(' or ')' or '|' or '<' or '>' or '"' or '=' or '“' or '”'
            || char.IsAsciiLetter(c);

    private static Encoding CreateGb18030()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(54936, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
    }

    private static DecodedText? TryDecode(Encoding encoding, ReadOnlySpan<byte> bytes, string name, out string? whyNot)
    {
        try
        {
            return Checked(encoding.GetString(bytes), name, out whyNot);
        }
        catch (DecoderFallbackException e)
        {
            whyNot = $"无法按 {name} 解码（字节偏移 {e.Index}）：不是 UTF-8/UTF-16/GB18030 文本，可能是二进制文件";
            return null;
        }
    }

    /// <summary>Text full of control characters is binary data that happened to decode.</summary>
    private static DecodedText? Checked(string text, string name, out string? whyNot)
    {
        var controls = 0;
        foreach (var c in text)
        {
            if (c < ' ' && c is not '\n' and not '\r' and not '\t' and not '\f')
            {
                controls++;
            }
        }

        if (text.Length > 0 && controls * 20 > text.Length)
        {
            whyNot = $"二进制文件（{controls} 个控制字符），不是文本、HTML 报告";
            return null;
        }

        whyNot = null;
        return new DecodedText(text, name);
    }

    private static string? DeclaredCharset(ReadOnlySpan<byte> bytes)
    {
        var head = Encoding.Latin1.GetString(bytes[..Math.Min(bytes.Length, 2048)]);
        var match = CharsetPattern().Match(head);
        return match.Success ? match.Groups[1].Value.ToLowerInvariant() : null;
    }

    private static bool IsGbFamily(string charset) => charset is "gbk" or "gb2312" or "gb18030" or "x-gbk" or "cp936";

    [GeneratedRegex("""charset\s*=\s*["']?([A-Za-z0-9_\-]+)""", RegexOptions.IgnoreCase)]
    private static partial Regex CharsetPattern();
}
