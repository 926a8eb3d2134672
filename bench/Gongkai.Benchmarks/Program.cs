using BenchmarkDotNet.Running;
using Gongkai.Benchmarks;

// dotnet run -c Release -- corpus [count] [folder]   parse + check a generated corpus, print MB/s
// dotnet run -c Release -- [BenchmarkDotNet args]      micro-benchmarks (ParseBenchmarks)
if (args.Length > 0 && args[0] == "corpus")
{
    var count = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 10_000;
    var folder = args.Length > 2 ? args[2] : Path.Combine(Path.GetTempPath(), "gongkai-corpus");
    return CorpusBenchmark.Run(count, folder);
}

BenchmarkSwitcher.FromAssembly(typeof(ParseBenchmarks).Assembly).Run(args);
return 0;
