using System.CommandLine;
using Gongkai.Cli.Inputs;
using Gongkai.Cli.Output;
using Gongkai.Ingestion;

namespace Gongkai.Cli.Commands;

/// <summary><c>gongkai parse PATH... [--format json|jsonl|csv]</c>: the model of every input, to stdout.</summary>
internal static class ParseCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("PATH") { Description = "报告文件、文件夹或通配符（如 reports/**/*.txt）", Arity = ArgumentArity.OneOrMore };
        var format = new Option<string>("--format", "-f") { Description = "输出格式：json（数组）、jsonl（每行一份）、csv（每个单元格一行）", DefaultValueFactory = _ => "json" };
        format.AcceptOnlyFromAmong("json", "jsonl", "csv");
        var output = new Option<FileInfo?>("--output", "-o") { Description = "写入文件（默认标准输出）" };
        var jobs = new Option<int?>("--jobs", "-j") { Description = "并行数（默认 CPU 核数）" };
        var command = new Command("parse", "读取年度报告，输出标准模型（每个数值附来源位置）") { paths, format, output, jobs };
        command.SetAction(result => Run(result.GetValue(paths)!, result.GetValue(format)!, result.GetValue(output), result.GetValue(jobs)));
        return command;
    }

    public static int Run(IReadOnlyList<string> paths, string format, FileInfo? output, int? jobs)
    {
        var (files, missing) = InputExpander.Expand(paths);
        var unreadable = missing.Count;
        foreach (var path in missing)
        {
            Console.Error.WriteLine($"{path}: 没有找到这个文件、文件夹或匹配的文件");
        }

        using var stream = output is null ? Console.OpenStandardOutput() : output.Create();
        var pipeline = ReportPipeline.Default;
        if (format == "csv")
        {
            using var csv = new CsvOutput(stream);
            csv.WriteHeader();
            ReportRun.WithProgress(files, pipeline, jobs, outcome =>
            {
                csv.Write(outcome);
                unreadable += Report(outcome);
            });
        }
        else
        {
            using var json = new JsonOutput(stream, format == "jsonl", indented: output is not null || !Console.IsOutputRedirected);
            ReportRun.WithProgress(files, pipeline, jobs, outcome =>
            {
                json.Write(outcome);
                unreadable += Report(outcome);
            });
        }

        return unreadable > 0 ? ExitCodes.Unreadable : ExitCodes.Ok;
    }

    private static int Report(FileOutcome outcome)
    {
        if (outcome.Error is null)
        {
            return 0;
        }

        Console.Error.WriteLine($"{outcome.File}: {outcome.Error}");
        return 1;
    }
}
