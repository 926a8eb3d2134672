using System.CommandLine;
using Gongkai.Storage;
using Gongkai.Storage.Accounts;
using Gongkai.Storage.Postgres;
using Gongkai.Storage.Sqlite;
using Spectre.Console;

namespace Gongkai.Cli.Commands;

/// <summary>
/// <c>gongkai admin create NAME [--db CONNECTION]</c>: creates the web app's administrator (or sets
/// a new password). The password comes from GONGKAI_ADMIN_PASSWORD, else from a prompt on a
/// terminal, else from the first line of standard input — never from the command line.
/// </summary>
internal static class AdminCommand
{
    public const string PasswordVariable = "GONGKAI_ADMIN_PASSWORD";

    public static Command Create()
    {
        var name = new Argument<string>("NAME") { Description = "管理员用户名" };
        var db = new Option<string>("--db") { Description = "数据库连接字符串（默认 SQLite：Data Source=data/gongkai.db）", DefaultValueFactory = _ => ImportCommand.DefaultDatabase };
        var create = new Command("create", $"创建管理员（已存在则重设密码）；密码取自环境变量 {PasswordVariable}、终端提示或标准输入") { name, db };
        create.SetAction((result, cancel) => CreateAsync(result.GetValue(name)!, result.GetValue(db)!, cancel));
        return new Command("admin", "管理网页端的管理员账号") { create };
    }

    private static async Task<int> CreateAsync(string name, string connection, CancellationToken cancellationToken)
    {
        var password = Environment.GetEnvironmentVariable(PasswordVariable);
        if (string.IsNullOrEmpty(password))
        {
            password = Console.IsInputRedirected
                ? await Console.In.ReadLineAsync(cancellationToken).ConfigureAwait(false)
                : AnsiConsole.Prompt(new TextPrompt<string>("密码（至少 10 个字符）：").Secret());
        }

        if (string.IsNullOrEmpty(password))
        {
            Console.Error.WriteLine($"没有给出密码：请设置环境变量 {PasswordVariable}，或在标准输入中给出");
            return ExitCodes.Unreadable;
        }

        try
        {
            var database = new Database([new SqliteProvider(), new PostgresProvider()], connection);
            await database.MigrateAsync(cancellationToken).ConfigureAwait(false);
            var (created, errors) = await Administrators.CreateOrResetAsync(database, name, password).ConfigureAwait(false);
            if (errors.Count > 0)
            {
                Console.Error.WriteLine($"未能设置管理员 {name}：{string.Join("；", errors)}");
                return ExitCodes.Unreadable;
            }

            Console.WriteLine(created ? $"已创建管理员 {name}" : $"已重设管理员 {name} 的密码");
            return ExitCodes.Ok;
        }
        catch (Exception e) when (e is InvalidOperationException or System.Data.Common.DbException or Microsoft.EntityFrameworkCore.DbUpdateException)
        {
            Console.Error.WriteLine($"数据库出错：{e.Message}");
            return ExitCodes.DatabaseFailed;
        }
    }
}
