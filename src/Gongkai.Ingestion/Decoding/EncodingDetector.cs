using System.Text;
using System.Text.RegularExpressions;
using System.Text.Unicode;

namespace Gongkai.Ingestion.Decoding;

/// <summary>
/// Detects the encoding of a report from its bytes, never from the file name: a byte-order mark,
/// then UTF-16 by its zero bytes, then strict UTF-8, then a charset an HTML page declares, then
/// GB18030 (a superset of GBK and GB2312). Bytes that are none of these are binary.
/// </summary>
internal static partial class EncodingDetector
{
    private static readonly Encoding StrictUtf8 = new UTF8Encoding(false, true);

    public static Encoding Gb18030 { get; } = CreateGb18030();

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

        if (LooksLikeUtf16(bytes, out var bigEndian))
        {
            return TryDecode(new UnicodeEncoding(bigEndian, false, true), bytes, bigEndian ? "UTF-16BE" : "UTF-16LE", out whyNot);
        }

        if (bytes.Contains((byte)0))
        {
            whyNot = "二进制文件（含空字节），不是文本、HTML 报告";
            return null;
        }

        if (Utf8.IsValid(bytes))
        {
            return Checked(StrictUtf8.GetString(bytes), "UTF-8", out whyNot);
        }

        var declared = DeclaredCharset(bytes);
        if (declared is not null && !IsGbFamily(declared))
        {
            try
            {
                var encoding = Encoding.GetEncoding(declared, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
                return TryDecode(encoding, bytes, declared + " (declared)", out whyNot);
            }
            catch (ArgumentException)
            {
                // An unknown charset name: fall through to GB18030.
            }
        }

        return TryDecode(Gb18030, bytes, "GB18030", out whyNot);
    }

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

    private static bool LooksLikeUtf16(ReadOnlySpan<byte> bytes, out bool bigEndian)
    {
        bigEndian = false;
        var sample = bytes[..Math.Min(bytes.Length, 4096)];
        if (sample.Length < 4 || sample.Length % 2 != 0)
        {
            return false;
        }

        int evenZeros = 0, oddZeros = 0;
        for (var i = 0; i < sample.Length; i += 2)
        {
            evenZeros += sample[i] == 0 ? 1 : 0;
            oddZeros += sample[i + 1] == 0 ? 1 : 0;
        }

        var pairs = sample.Length / 2;

        // ASCII-heavy UTF-16 has a zero in one half of most pairs and almost none in the other.
        if (oddZeros * 10 > pairs * 3 && evenZeros * 20 < pairs)
        {
            return true;
        }

        if (evenZeros * 10 > pairs * 3 && oddZeros * 20 < pairs)
        {
            bigEndian = true;
            return true;
        }

        // CJK-only UTF-16 has no zeros: accept it when it decodes to mostly CJK.
        if (evenZeros == 0 && oddZeros == 0)
        {
            return MostlyCjk(sample, false) || (bigEndian = MostlyCjk(sample, true));
        }

        return false;
    }

    private static bool MostlyCjk(ReadOnlySpan<byte> sample, bool bigEndian)
    {
        int cjk = 0, total = 0;
        for (var i = 0; i + 1 < sample.Length; i += 2)
        {
            var c = bigEndian ? (sample[i] << 8) | sample[i + 1] : sample[i] | (sample[i + 1] << 8);
            total++;
            cjk += c is >= 0x4E00 and <= 0x9FFF or >= 0x3000 and <= 0x303F or >= 0xFF00 and <= 0xFFEF ? 1 : 0;
        }

        return total > 8 && cjk * 10 > total * 9 && !Utf8.IsValid(sample);
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
