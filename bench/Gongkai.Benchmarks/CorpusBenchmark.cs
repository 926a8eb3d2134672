using System.Diagnostics;
using System.Text;
using AngleSharp.Html;
using AngleSharp.Html.Parser;
using TextSource = AngleSharp.Text.TextSource;
using ReadOnlyMemoryTextSource = AngleSharp.Text.ReadOnlyMemoryTextSource;
using Gongkai.Checks;
using Gongkai.Ingestion;
using Gongkai.Testing;

namespace Gongkai.Benchmarks;

/// <summary>
/// Parses and checks a generated corpus (every layout; some traditional, some GB18030 or UTF-16,
/// some with page chrome) from disk, on one core and on all cores, and prints MB/s, reports/s and
/// memory: the managed heap after each quarter of the files, and the process's peak working set.
/// </summary>
internal static class CorpusBenchmark
{
    public static int Run(int count, string folder)
    {
        var files = Generate(count, folder);
        var bytes = files.Sum(f => new FileInfo(f).Length);
        Console.WriteLine($"corpus: {files.Count} reports, {bytes / 1024.0 / 1024.0:F1} MB, {folder}");
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}");

        // The first pass runs while the JIT still promotes methods to optimised code (what a single
        // short CLI run sees). The steady state, which the per-core target is about, is the median of
        // three further passes: on a shared VM single passes vary by a third.
        var cold = Measure(files, 1, quiet: false);
        var passes = Enumerable.Range(0, 3).Select(_ => Measure(files, 1, quiet: false)).OrderBy(r => r.Elapsed).ToList();
        var one = passes[1];
        var all = Measure(files, Environment.ProcessorCount, quiet: false);
        Print("1 core, cold", cold, bytes, files.Count);
        Print("1 core", one, bytes, files.Count);
        Console.WriteLine($"{"",-13}  (median of 3 passes: {string.Join(", ", passes.Select(r => $"{bytes / 1024.0 / 1024.0 / r.Elapsed.TotalSeconds:F1}"))} MB/s)");
        Print($"{Environment.ProcessorCount} cores", all, bytes, files.Count);

        // Per layout, one core: the report's layout is its index modulo 4 (see Generate).
        foreach (var layout in Enum.GetValues<Layout>())
        {
            var subset = files.Where((_, i) => (Layout)(i % 4) == layout).ToList();
            var result = Measure(subset, 1, quiet: true);
            Print(layout.ToString(), result, subset.Sum(f => new FileInfo(f).Length), subset.Count);
        }

        ParserBound(files.Where((_, i) => (Layout)(i % 4) == Layout.Html).ToList());

        Seeds();
        Console.WriteLine($"peak working set: {Process.GetCurrentProcess().PeakWorkingSet64 / 1024.0 / 1024.0:F0} MB");
        return one.Failures + all.Failures == 0 ? 0 : 1;
    }

    /// <summary>
    /// The floor under the HTML figure: AngleSharp's tokenizer alone (what the reader is built on)
    /// over the same pages, on one core, after a warm-up pass.
    /// </summary>
    private static void ParserBound(List<string> pages)
    {
        var texts = pages.Select(f => Encoding.UTF8.GetString(File.ReadAllBytes(f))).ToList();
        var bytes = pages.Sum(f => new FileInfo(f).Length);
        for (var pass = 0; pass < 2; pass++)
        {
            var clock = Stopwatch.StartNew();
            foreach (var text in texts)
            {
                var tokenizer = new HtmlTokenizer(new TextSource(new ReadOnlyMemoryTextSource(text.AsMemory())), HtmlEntityProvider.Resolver);
                while (tokenizer.GetStructToken().Type != HtmlTokenType.EndOfFile)
                {
                }
            }

            if (pass == 1)
            {
                var seconds = clock.Elapsed.TotalSeconds;
                Console.WriteLine($"{"Html, tokens",-13}: {seconds,6:F2} s  {bytes / 1024.0 / 1024.0 / seconds,6:F1} MB/s  {texts.Count / seconds,7:F0} reports/s  (AngleSharp's tokenizer alone)");
            }
        }
    }

    /// <summary>The real seed reports, each read and checked many times on one core.</summary>
    private static void Seeds()
    {
        var folder = SharedData.Seeds;
        foreach (var file in Directory.GetFiles(folder).Order(StringComparer.Ordinal))
        {
            var copies = Enumerable.Repeat(file, 2000).ToList();
            Measure(copies.Take(300).ToList(), 1, quiet: true);
            Print("seed " + Path.GetFileName(file)[..3], Measure(copies, 1, quiet: true), new FileInfo(file).Length * copies.Count, copies.Count);
        }
    }

    private sealed record Result(TimeSpan Elapsed, int Findings, int Failures, IReadOnlyList<long> HeapSamples, long Allocated, int Collections, TimeSpan GcPause);

    private static Result Measure(List<string> files, int cores, bool quiet)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var samples = new List<long>();
        var done = 0;
        var findings = 0;
        var failures = 0;
        var quarter = Math.Max(1, files.Count / 4);
        var allocatedBefore = GC.GetTotalAllocatedBytes();
        var collectionsBefore = GC.CollectionCount(0);
        var pauseBefore = GC.GetTotalPauseDuration();
        var clock = Stopwatch.StartNew();
        Parallel.ForEach(files, new ParallelOptions { MaxDegreeOfParallelism = cores }, file =>
        {
            var result = ReportReader.ReadFile(file);
            if (result.Report is { } report)
            {
                Interlocked.Add(ref findings, ReportChecker.Check(report).Count);
            }
            else
            {
                Interlocked.Increment(ref failures);
                if (!quiet)
                {
                    Console.Error.WriteLine(result.Error);
                }
            }

            if (Interlocked.Increment(ref done) % quarter == 0)
            {
                lock (samples)
                {
                    samples.Add(GC.GetTotalMemory(forceFullCollection: false));
                }
            }
        });
        return new Result(clock.Elapsed, findings, failures, samples, GC.GetTotalAllocatedBytes() - allocatedBefore, GC.CollectionCount(0) - collectionsBefore, GC.GetTotalPauseDuration() - pauseBefore);
    }

    private static void Print(string label, Result result, long bytes, int count)
    {
        var seconds = result.Elapsed.TotalSeconds;
        var heap = string.Join(" → ", result.HeapSamples.Select(s => $"{s / 1024.0 / 1024.0:F0}"));
        Console.WriteLine(
            $"{label,-13}: {seconds,6:F2} s  {bytes / 1024.0 / 1024.0 / seconds,6:F1} MB/s  {count / seconds,7:F0} reports/s  " +
            $"allocated {result.Allocated / 1024.0 / count,5:F0} KB/report  GCs {result.Collections,4} pausing {result.GcPause.TotalSeconds,5:F2} s  " +
            $"findings {result.Findings}  unreadable {result.Failures}  managed heap by quarter (MB): {heap}");
    }

    /// <summary>Writes report i (by default <see cref="ReportFaker.Create(int, Model.Templates.TemplateDefinition?)"/>) in layout i % 4, unless the file is there.</summary>
    internal static List<string> Generate(int count, string folder, Func<int, FakeReport>? report = null)
    {
        report ??= i => ReportFaker.Create(i);
        Directory.CreateDirectory(folder);
        var files = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            var layout = (Layout)(i % 4);
            var path = Path.Combine(folder, $"report-{i:D6}{(layout == Layout.Html ? ".html" : ".txt")}");
            files.Add(path);
            if (File.Exists(path))
            {
                continue;
            }

            var options = new RenderOptions(layout, Traditional: i % 10 == 3, Encoding: (TextEncoding)(i % 7 == 0 ? 3 : i % 13 == 0 ? 2 : 0), Chrome: i % 2 == 0, Seed: i);
            File.WriteAllBytes(path, LayoutRenderer.RenderBytes(report(i), options));
        }

        return files;
    }
}
