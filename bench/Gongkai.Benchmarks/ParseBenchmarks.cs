using BenchmarkDotNet.Attributes;
using Gongkai.Checks;
using Gongkai.Ingestion;
using Gongkai.Testing;

namespace Gongkai.Benchmarks;

/// <summary>Parse, and parse + check, of one generated report per layout, and of each seed.</summary>
[MemoryDiagnoser]
public class ParseBenchmarks
{
    private byte[] _bytes = [];

    [ParamsAllValues]
    public Layout Layout { get; set; }

    [Params(false, true)]
    public bool Traditional { get; set; }

    [GlobalSetup]
    public void Setup() => _bytes = LayoutRenderer.RenderBytes(ReportFaker.Create(42), new RenderOptions(Layout, Traditional, Seed: 42));

    [Benchmark]
    public object? Parse() => ReportReader.Read(_bytes, "bench").Report;

    [Benchmark]
    public int ParseAndCheck() => ReportChecker.Check(ReportReader.Read(_bytes, "bench").Report!).Count;
}
