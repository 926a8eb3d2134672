using Gongkai.Ingestion.Normalization;
using Gongkai.Testing;

namespace Gongkai.Ingestion.Tests.Units;

/// <summary>
/// Our t2s configuration (OpenCC's dictionaries without its segmentation pass) must convert
/// exactly as OpenCC's own t2s does.
/// </summary>
public sealed class OpenCcConverterTests
{
    [Fact]
    public void Our_configuration_is_shipped_and_converts()
    {
        Assert.True(File.Exists(OpenCcConverter.OwnConfiguration("t2s")), OpenCcConverter.OwnConfiguration("t2s"));
        Assert.Equal("政府信息公开工作年度报告，当前位置", OpenCcConverter.ToSimplified("政府信息公開工作年度報告，當前位置"));
    }

    [Fact]
    public void Conversion_equals_OpenCCs_own_t2s_on_the_seeds_and_generated_reports()
    {
        var texts = new List<string>();
        foreach (var seed in SharedData.SeedFiles)
        {
            var text = File.ReadAllText(seed);
            texts.Add(text);
            texts.Add(OpenCcConverter.ToTraditional(text)!);
        }

        for (var i = 0; i < 40; i++)
        {
            var layout = (Layout)(i % 4);
            texts.Add(LayoutRenderer.Render(ReportFaker.Create(i), new RenderOptions(layout, Traditional: true, Chrome: true, Seed: i)));
        }

        // Phrases whose conversion differs from their characters' (TSPhrases entries).
        texts.Add("乾隆年間，他看著報紙說：這裏的麪包很乾。於是理髮、發展、頭髮、皇后、以後、後來。");

        foreach (var text in texts)
        {
            var expected = OpenCcConverter.ConvertWithSystemConfiguration(text, "t2s");
            Assert.NotNull(expected);
            Assert.Equal(expected, OpenCcConverter.ToSimplified(text));
        }
    }
}
