using BenchmarkDotNet.Running;
using Gongkai.Benchmarks;

// dotnet run -c Release -- corpus [count] [folder]   parse + check a generated corpus, print MB/s
// dotnet run -c Release -- import [count] [postgres] [all|sqlite|postgres]   import into SQLite and PostgreSQL: reports/s
// dotnet run -c Release -- http count web.dll   HTTP latency (p50/p95/p99) of the web app over a generated corpus
// dotnet run -c Release -- [BenchmarkDotNet args]      micro-benchmarks (ParseBenchmarks, ReportPageBenchmarks)
if (args.Length > 0 && args[0] == "corpus")
{
    var count = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 10_000;
    var folder = args.Length > 2 ? args[2] : Path.Combine(Path.GetTempPath(), "gongkai-corpus");
    return CorpusBenchmark.Run(count, folder);
}

if (args.Length > 0 && args[0] == "import")
{
    var count = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 10_000;
    return await ImportBenchmark.RunAsync(count, Path.GetTempPath(), args.Length > 2 ? args[2] : null, args.Length > 3 ? args[3] : "all");
}

if (args.Length > 2 && args[0] == "http")
{
    var count = int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture);
    return await HttpBenchmark.RunAsync(count, args[2], Path.GetTempPath());
}

BenchmarkSwitcher.FromAssembly(typeof(ParseBenchmarks).Assembly).Run(args);
return 0;
