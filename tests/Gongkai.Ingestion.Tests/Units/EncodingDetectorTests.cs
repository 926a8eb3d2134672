using System.Text;
using Gongkai.Ingestion.Decoding;

namespace Gongkai.Ingestion.Tests.Units;

/// <summary>Encodings are detected from the bytes, never from the file name.</summary>
public sealed class EncodingDetectorTests
{
    private const string Sample = "资阳市财政局2020年政府信息公开工作年度报告\n一、总体情况\n主动公开政府信息共422条。";

    public static TheoryData<string, byte[]> Encoded => new()
    {
        { "UTF-8", new UTF8Encoding(false).GetBytes(Sample) },
        { "UTF-8 (BOM)", [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(Sample)] },
        { "UTF-16LE (BOM)", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Sample)] },
        { "UTF-16LE", Encoding.Unicode.GetBytes(Sample) },
        { "UTF-16BE", Encoding.BigEndianUnicode.GetBytes(Sample) },
        { "GB18030", EncodingDetector.Gb18030.GetBytes(Sample) },
    };

    [Theory]
    [MemberData(nameof(Encoded))]
    public void Detects_and_decodes(string expected, byte[] bytes)
    {
        var decoded = EncodingDetector.Decode(bytes, out var why);
        Assert.Null(why);
        Assert.Equal(expected, decoded!.EncodingName);
        Assert.Equal(Sample, decoded.Text);
    }

    [Fact]
    public void Gbk_bytes_of_a_page_declaring_gb2312_decode_as_gb18030()
    {
        var html = "<html><head><meta charset=\"gb2312\"></head><body><p>" + Sample + "</p></body></html>";
        var decoded = EncodingDetector.Decode(EncodingDetector.Gb18030.GetBytes(html), out _);
        Assert.Equal("GB18030", decoded!.EncodingName);
        Assert.Contains("资阳市财政局", decoded.Text, StringComparison.Ordinal);
    }
}
