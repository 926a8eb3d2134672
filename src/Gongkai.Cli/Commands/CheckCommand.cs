using System.CommandLine;
using Gongkai.Cli.Inputs;
using Gongkai.Cli.Output;
using Gongkai.Ingestion;
using Spectre.Console;

namespace Gongkai.Cli.Commands;

/// <summary>
/// <c>gongkai check PATH...</c>: a reviewer's findings per report. Exits 0 when no error-severity
/// finding, 1 when some, 2 when an input could not be read.
/// </summary>
internal static class CheckCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("PATH") { Description = "报告文件、文件夹或通配符", Arity = ArgumentArity.OneOrMore };
        var info = new Option<bool>("--info") { Description = "同时显示“提示”级别的发现" };
        var jobs = new Option<int?>("--jobs", "-j") { Description = "并行数（默认 CPU 核数）" };
        var command = new Command("check", "像审核专家一样检查年度报告：勾稽关系、格式、完整性、时效、正文与表格一致性") { paths, info, jobs };
        command.SetAction(result => Run(result.GetValue(paths)!, result.GetValue(info), result.GetValue(jobs), Console()));
        return command;
    }

    /// <summary>The terminal as it is; when redirected to a file or pipe, wide enough for the messages.</summary>
    private static IAnsiConsole Console()
    {
        var console = AnsiConsole.Console;
        if (System.Console.IsOutputRedirected)
        {
            console.Profile.Width = 200;
        }

        return console;
    }

    public static int Run(IReadOnlyList<string> paths, bool includeInfo, int? jobs, IAnsiConsole console)
    {
        var (files, missing) = InputExpander.Expand(paths);
        var view = new FindingsView(console, includeInfo);
        ReportRun.WithProgress(files, ReportPipeline.Default, jobs, view.Write);
        view.WriteSummary(missing);
        if (view.AnyUnreadable || missing.Count > 0)
        {
            return ExitCodes.Unreadable;
        }

        return view.AnyError ? ExitCodes.Findings : ExitCodes.Ok;
    }
}
