using Gongkai.Checks;
using Gongkai.Ingestion;
using Gongkai.Model;
using Spectre.Console;

namespace Gongkai.Cli.Commands;

/// <summary>One input's outcome: the report and its findings, or why it could not be read.</summary>
internal sealed record FileOutcome(string File, AnnualReport? Report, IReadOnlyList<Finding> Findings, string? Error);

/// <summary>
/// Reads and checks files in parallel across cores, handing results back in input order as they
/// complete, so memory stays flat however many files there are. A progress bar shows on a terminal.
/// </summary>
internal static class ReportRun
{
    public static IEnumerable<FileOutcome> Run(IReadOnlyList<string> files, ReportPipeline pipeline, int? parallelism = null) =>
        files
            .AsParallel()
            .AsOrdered()
            .WithDegreeOfParallelism(Math.Max(1, parallelism ?? Environment.ProcessorCount))
            .WithMergeOptions(ParallelMergeOptions.NotBuffered)
            .Select(file => Process(file, pipeline));

    public static FileOutcome Process(string file, ReportPipeline pipeline)
    {
        try
        {
            var result = ReportReader.ReadFile(file, pipeline);
            if (result.Report is not { } report)
            {
                return new FileOutcome(file, null, [], result.Error!.Message);
            }

            return new FileOutcome(file, report, ReportChecker.Check(report), null);
        }
#pragma warning disable CA1031 // One file's bug must not end a run over thousands: it is reported as that file's error.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return new FileOutcome(file, null, [], $"内部错误（请报告此问题）：{e.GetType().Name}: {e.Message}");
        }
    }

    /// <summary>Runs <paramref name="consume"/> over the outcomes, with a progress bar on stderr when it is a terminal.</summary>
    public static void WithProgress(IReadOnlyList<string> files, ReportPipeline pipeline, int? parallelism, Action<FileOutcome> consume)
    {
        var outcomes = Run(files, pipeline, parallelism);
        if (files.Count < 2 || Console.IsErrorRedirected)
        {
            foreach (var outcome in outcomes)
            {
                consume(outcome);
            }

            return;
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(progress =>
            {
                var task = progress.AddTask("读取报告", maxValue: files.Count);
                foreach (var outcome in outcomes)
                {
                    consume(outcome);
                    task.Increment(1);
                }
            });
    }
}
