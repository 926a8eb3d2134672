using Gongkai.Model.Templates;
using Gongkai.Testing;

namespace Gongkai.Benchmarks;

/// <summary>
/// A corpus shaped like a province's reports: report i is agency i / 7's report for year
/// 2019 + i % 7, so 100,000 reports come from ~14,300 agencies. Twenty agencies share a county
/// (its government office and departments), counties belong to nine cities.
/// </summary>
internal static class CityCorpus
{
    private const string Alphabet = "东西南北中安平宁新永长兴和丰乐康泰华龙凤金玉清河山";

    public static readonly string[] Cities = ["资阳市", "抚顺市", "昌吉州", "绵阳市", "乐山市", "宜宾市", "南充市", "德阳市", "遂宁市"];

    private static readonly string[] Departments =
    [
        "人民政府办公室", "财政局", "教育局", "民政局", "交通运输局", "自然资源局", "卫生健康局", "审计局", "统计局", "司法局",
        "水利局", "农业农村局", "商务局", "文化广播电视和旅游局", "应急管理局", "市场监督管理局", "生态环境局", "住房和城乡建设局",
        "人力资源和社会保障局", "退役军人事务局",
    ];

    /// <summary>Writes the first <paramref name="count"/> reports into <paramref name="folder"/> (kept for later runs).</summary>
    public static List<string> Generate(int count, string folder) => CorpusBenchmark.Generate(count, folder, Report);

    private static FakeReport Report(int i)
    {
        var agency = i / 7;
        var year = 2019 + (i % 7);
        var county = agency / Departments.Length;
        var countyName = $"{Alphabet[county % 25]}{Alphabet[county / 25 % 25]}县";
        var name = Cities[county % Cities.Length] + countyName + Departments[agency % Departments.Length];
        var fake = ReportFaker.Create(i, year >= 2021 ? TemplateCatalog.V2021 : TemplateCatalog.V2019);
        return fake with { Agency = name, Year = year, Published = new DateOnly(year + 1, 1, 1 + (i % 28)) };
    }
}
