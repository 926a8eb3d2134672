using System.Diagnostics;
using Gongkai.Storage.Postgres;
using Gongkai.Storage.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;

namespace Gongkai.Storage.Tests;

/// <summary>
/// Real databases for storage tests: a fresh SQLite file, or a fresh database on the loopback
/// PostgreSQL server that eng/postgres.sh provides (the test command runs it; so does this class
/// when GONGKAI_TEST_POSTGRES is not set). No fakes.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private static readonly IDatabaseProvider[] Providers = [new SqliteProvider(), new PostgresProvider()];
    private static readonly Lazy<string> PostgresServer = new(LocatePostgres);
    private readonly Action? _drop;

    private TestDatabase(Database database, Action? drop)
    {
        Database = database;
        _drop = drop;
    }

    public Database Database { get; }

    /// <summary>A fresh database of the latest schema, or of the schema up to the migration whose name ends with <paramref name="upTo"/>.</summary>
    public static async Task<TestDatabase> CreateAsync(string engine, string? upTo = null)
    {
        TestDatabase result;
        if (engine == "sqlite")
        {
            var file = Path.Combine(Path.GetTempPath(), $"gongkai-test-{Guid.NewGuid():N}.db");
            result = new TestDatabase(new Database(Providers, $"Data Source={file};Pooling=False"), () => File.Delete(file));
        }
        else
        {
            var name = $"gongkai_test_{Guid.NewGuid():N}";
            var server = PostgresServer.Value;
            await using (var connection = new NpgsqlConnection(server))
            {
                await connection.OpenAsync();
                await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
                await create.ExecuteNonQueryAsync();
            }

            var builder = new NpgsqlConnectionStringBuilder(server) { Database = name, Pooling = false };
            result = new TestDatabase(new Database(Providers, builder.ConnectionString), () => Drop(server, name));
        }

        if (upTo is null)
        {
            await result.Database.MigrateAsync();
        }
        else
        {
            await using var context = result.Database.Open();
            var target = context.Database.GetMigrations().Single(m => m.EndsWith(upTo, StringComparison.Ordinal));
            await context.GetService<IMigrator>().MigrateAsync(target);
        }

        return result;
    }

    /// <summary>Runs SQL on the database directly (triggers for failure tests).</summary>
    public async Task ExecuteAsync(string sql)
    {
        await using var context = Database.Open();
        await context.Database.ExecuteSqlRawAsync(sql);
    }

    public ValueTask DisposeAsync()
    {
        _drop?.Invoke();
        return ValueTask.CompletedTask;
    }

    private static void Drop(string server, string name)
    {
        using var connection = new NpgsqlConnection(server);
        connection.Open();
        using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
        drop.ExecuteNonQuery();
    }

    private static string LocatePostgres()
    {
        if (Environment.GetEnvironmentVariable("GONGKAI_TEST_POSTGRES") is { Length: > 0 } configured)
        {
            return configured;
        }

        var script = Path.Combine(Testing.SharedData.RepositoryRoot, "eng", "postgres.sh");
        using var process = Process.Start(new ProcessStartInfo("bash", [script]) { RedirectStandardOutput = true })!;
        var output = process.StandardOutput.ReadToEnd().Trim();
        process.WaitForExit();
        if (process.ExitCode != 0 || output.Length == 0)
        {
            throw new InvalidOperationException($"eng/postgres.sh failed (exit {process.ExitCode}): PostgreSQL tests need a server on loopback.");
        }

        return output.Split('\n')[^1];
    }
}

/// <summary>The stated values a database holds, read from its value sets through the cell catalogue.</summary>
public static class StoredValues
{
    /// <summary>Every stored value, ordered by report, table, row and column.</summary>
    public static async Task<List<(int Report, string Table, string Row, string Column, decimal Value)>> AllAsync(GongkaiDbContext context)
    {
        var sets = await context.ValueSets.AsNoTracking().ToListAsync();
        var catalogue = await Values.ValueCatalogue.LoadAsync(context);
        return Sorted(sets.SelectMany(s => catalogue.Unpack(s.Cells, s.Values).Select(v => (s.ReportId, v.Cell.Table, v.Cell.Row, v.Cell.Column, v.Value))));
    }

    public static List<(int Report, string Table, string Row, string Column, decimal Value)> Sorted(IEnumerable<(int Report, string Table, string Row, string Column, decimal Value)> values) =>
        [.. values.OrderBy(v => v.Report).ThenBy(v => v.Table, StringComparer.Ordinal).ThenBy(v => v.Row, StringComparer.Ordinal).ThenBy(v => v.Column, StringComparer.Ordinal)];
}
