using System.Text;
using BenchmarkDotNet.Attributes;
using Gongkai.Checks;
using Gongkai.Ingestion;
using Gongkai.Model.Serialization;
using Gongkai.Testing;
using Gongkai.Web.Reports;

namespace Gongkai.Benchmarks;

/// <summary>
/// The report page's reading of a stored model (its findings, and each drawn cell's value, worst
/// finding and source line), from the model JSON the importer stores for a generated report.
/// </summary>
[MemoryDiagnoser]
public class ReportPageBenchmarks
{
    private string _json = string.Empty;

    [Params(Layout.CellPerLine, Layout.Html)]
    public Layout Layout { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var report = ReportReader.Read(LayoutRenderer.RenderBytes(ReportFaker.Create(42), new RenderOptions(Layout, Seed: 42)), "bench").Report!;
        _json = Encoding.UTF8.GetString(ReportJson.ToUtf8("bench", report, ReportChecker.Check(report)));
    }

    [Benchmark]
    public int ReadView() => ReportView.Read(_json).Tables.Sum(t => t.Values.Count);
}
