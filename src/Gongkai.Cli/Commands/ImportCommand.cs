using System.CommandLine;
using Gongkai.Cli.Inputs;
using Gongkai.Storage;
using Gongkai.Storage.Import;
using Gongkai.Storage.Postgres;
using Gongkai.Storage.Sqlite;
using Microsoft.EntityFrameworkCore;
using Spectre.Console;

namespace Gongkai.Cli.Commands;

/// <summary>
/// <c>gongkai import PATH... [--db CONNECTION] [--region 省/市]</c>: reads, checks and stores
/// reports (files, folders, globs, zip archives) in batched transactions. Exits 0 when every input
/// went in (or was already there), 2 when some could not be read, 1 when the database failed.
/// </summary>
internal static class ImportCommand
{
    public const string DefaultDatabase = "Data Source=data/gongkai.db";

    public static Command Create()
    {
        var paths = new Argument<string[]>("PATH") { Description = "报告文件、文件夹、通配符或 zip 压缩包", Arity = ArgumentArity.ZeroOrMore };
        var urls = new Option<string?>("--urls") { Description = "网址清单文件：每行一个 http(s) 网址，# 开头为注释；逐个下载后导入" };
        var timeout = new Option<int>("--timeout") { Description = "下载单个网址的超时秒数", DefaultValueFactory = _ => 30 };
        var delay = new Option<int>("--delay") { Description = "对同一网站两次请求之间的间隔毫秒数（礼貌抓取）", DefaultValueFactory = _ => 1000 };
        var db = new Option<string>("--db") { Description = "数据库连接字符串（默认 SQLite：Data Source=data/gongkai.db；PostgreSQL：Host=…;Database=…;Username=…;Password=…）", DefaultValueFactory = _ => DefaultDatabase };
        var region = new Option<string?>("--region") { Description = "这批报告所属地区，如 四川省/资阳市" };
        var jobs = new Option<int?>("--jobs", "-j") { Description = "并行数（默认 CPU 核数）" };
        var command = new Command("import", "导入年度报告到数据库（同一文件重复导入不变；同机关同年度的新版本成为当前版本）") { paths, db, region, jobs, urls, timeout, delay };
        command.SetAction((result, cancel) => RunAsync(
            result.GetValue(paths) ?? [], result.GetValue(db)!, result.GetValue(region), result.GetValue(jobs),
            new UrlOptions(result.GetValue(urls), TimeSpan.FromSeconds(result.GetValue(timeout)), TimeSpan.FromMilliseconds(result.GetValue(delay))), cancel));
        return command;
    }

    /// <summary>Where a list of addresses comes from, and how politely to fetch them.</summary>
    public sealed record UrlOptions(string? ListFile, TimeSpan Timeout, TimeSpan Delay);

    public static async Task<int> RunAsync(IReadOnlyList<string> paths, string connection, string? region, int? jobs, UrlOptions web, CancellationToken cancellationToken)
    {
        if (paths.Count == 0 && web.ListFile is null)
        {
            Console.Error.WriteLine("请给出要导入的文件、文件夹、压缩包，或用 --urls 给出网址清单");
            return ExitCodes.Unreadable;
        }

        var (sources, missing, open) = InputExpander.ImportSources(paths);
        var rejectedUrls = 0;
        using var http = new HttpClient { Timeout = web.Timeout };
        http.DefaultRequestHeaders.UserAgent.ParseAdd("Gongkai/1.0 (+government information disclosure reports)");
        if (web.ListFile is { } list)
        {
            if (!File.Exists(list))
            {
                missing.Add(list);
            }
            else
            {
                var (urls, invalid) = UrlSources.Parse(await File.ReadAllLinesAsync(list, cancellationToken).ConfigureAwait(false));
                foreach (var line in invalid)
                {
                    Console.Error.WriteLine($"{list}: “{line}”不是 http(s) 网址");
                }

                rejectedUrls = invalid.Count;
                sources.AddRange(new UrlSources(http, TimeProvider.System) { Delay = web.Delay }.For(urls));
            }
        }

        try
        {
            foreach (var path in missing)
            {
                Console.Error.WriteLine($"{path}: 没有找到这个文件、文件夹或匹配的文件");
            }

            var database = new Database([new SqliteProvider(), new PostgresProvider()], connection);
            await database.MigrateAsync(cancellationToken).ConfigureAwait(false);
            var importer = new ReportImporter(database, TimeProvider.System) { Region = region, Parallelism = jobs ?? Environment.ProcessorCount };
            var summary = await WithProgressAsync(sources.Count, report => importer.ImportAsync(sources, report, cancellationToken)).ConfigureAwait(false);

            foreach (var file in summary.Files.Where(f => f.Outcome == ImportOutcome.Unreadable))
            {
                Console.Error.WriteLine($"{file.File}: {file.Reason}");
            }

            Console.WriteLine(
                $"导入 {summary.Files.Count} 个文件到 {database.Provider.Name}：新增 {summary.Count(ImportOutcome.Added)}，新版本 {summary.Count(ImportOutcome.NewVersion)}，" +
                $"未变 {summary.Count(ImportOutcome.Unchanged)}，无法读取 {summary.Count(ImportOutcome.Unreadable) + missing.Count + rejectedUrls}");
            return summary.Count(ImportOutcome.Unreadable) + missing.Count + rejectedUrls > 0 ? ExitCodes.Unreadable : ExitCodes.Ok;
        }
        catch (DbUpdateException e)
        {
            Console.Error.WriteLine($"导入失败：{e.InnerException?.Message ?? e.Message}（已完成的批次已保存；失败的批次已整体回滚，没有写入一半的报告）");
            return ExitCodes.DatabaseFailed;
        }
        catch (ArgumentException e) when (e.ParamName == "connectionString")
        {
            Console.Error.WriteLine(e.Message);
            return ExitCodes.DatabaseFailed;
        }
        finally
        {
            open.ForEach(o => o.Dispose());
        }
    }

    private static async Task<ImportSummary> WithProgressAsync(int count, Func<Action<ImportedFile>, Task<ImportSummary>> run)
    {
        if (count < 2 || Console.IsErrorRedirected)
        {
            return await run(_ => { }).ConfigureAwait(false);
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        ImportSummary? summary = null;
        await console.Progress().AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async progress =>
            {
                var task = progress.AddTask("导入报告", maxValue: count);
                summary = await run(_ => task.Increment(1)).ConfigureAwait(false);
            }).ConfigureAwait(false);
        return summary!;
    }
}
