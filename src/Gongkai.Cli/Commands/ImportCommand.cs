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
        var paths = new Argument<string[]>("PATH") { Description = "报告文件、文件夹、通配符或 zip 压缩包", Arity = ArgumentArity.OneOrMore };
        var db = new Option<string>("--db") { Description = "数据库连接字符串（默认 SQLite：Data Source=data/gongkai.db；PostgreSQL：Host=…;Database=…;Username=…;Password=…）", DefaultValueFactory = _ => DefaultDatabase };
        var region = new Option<string?>("--region") { Description = "这批报告所属地区，如 四川省/资阳市" };
        var jobs = new Option<int?>("--jobs", "-j") { Description = "并行数（默认 CPU 核数）" };
        var command = new Command("import", "导入年度报告到数据库（同一文件重复导入不变；同机关同年度的新版本成为当前版本）") { paths, db, region, jobs };
        command.SetAction((result, cancel) => RunAsync(result.GetValue(paths)!, result.GetValue(db)!, result.GetValue(region), result.GetValue(jobs), cancel));
        return command;
    }

    public static async Task<int> RunAsync(IReadOnlyList<string> paths, string connection, string? region, int? jobs, CancellationToken cancellationToken)
    {
        var (sources, missing, open) = InputExpander.ImportSources(paths);
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
                $"未变 {summary.Count(ImportOutcome.Unchanged)}，无法读取 {summary.Count(ImportOutcome.Unreadable) + missing.Count}");
            return summary.Count(ImportOutcome.Unreadable) + missing.Count > 0 ? ExitCodes.Unreadable : ExitCodes.Ok;
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
