using System.Diagnostics;
using Gongkai.Storage;
using Gongkai.Storage.Import;
using Gongkai.Storage.Postgres;
using Gongkai.Storage.Sqlite;
using Npgsql;

namespace Gongkai.Benchmarks;

/// <summary>
/// Imports a generated corpus into a fresh SQLite file and, when a server is given, a fresh
/// PostgreSQL database, and prints reports/s and the time 100,000 reports would take at that rate.
/// </summary>
internal static class ImportBenchmark
{
    public static async Task<int> RunAsync(int count, string corpus, string? postgres)
    {
        var files = CorpusBenchmark.Generate(count, corpus);
        var sqlite = Path.Combine(Path.GetTempPath(), $"gongkai-bench-{Guid.NewGuid():N}.db");
        try
        {
            await MeasureAsync("SQLite", new Database([new SqliteProvider()], $"Data Source={sqlite}"), files).ConfigureAwait(false);
        }
        finally
        {
            File.Delete(sqlite);
        }

        if (postgres is not null)
        {
            var name = $"gongkai_bench_{Guid.NewGuid():N}";
            await ExecuteAsync(postgres, $"CREATE DATABASE {name}").ConfigureAwait(false);
            try
            {
                var builder = new NpgsqlConnectionStringBuilder(postgres) { Database = name };
                await MeasureAsync("PostgreSQL", new Database([new PostgresProvider()], builder.ConnectionString), files).ConfigureAwait(false);
            }
            finally
            {
                await ExecuteAsync(postgres, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)").ConfigureAwait(false);
            }
        }

        return 0;
    }

    private static async Task MeasureAsync(string engine, Database database, List<string> files)
    {
        await database.MigrateAsync().ConfigureAwait(false);
        var importer = new ReportImporter(database, TimeProvider.System);
        var clock = Stopwatch.StartNew();
        var summary = await importer.ImportAsync(files.Select(f => new ImportSource(f, () => File.ReadAllBytes(f)))).ConfigureAwait(false);
        var seconds = clock.Elapsed.TotalSeconds;
        Console.WriteLine(
            $"{engine,-10}: {files.Count} reports in {seconds:F1} s = {files.Count / seconds:F0} reports/s " +
            $"(added {summary.Count(ImportOutcome.Added)}, new versions {summary.Count(ImportOutcome.NewVersion)}, unreadable {summary.Count(ImportOutcome.Unreadable)}); " +
            $"100,000 reports at this rate: {100_000 / (files.Count / seconds) / 60:F1} min");
    }

    private static async Task ExecuteAsync(string connection, string sql)
    {
        await using var c = new NpgsqlConnection(connection);
        await c.OpenAsync().ConfigureAwait(false);
        await using var command = new NpgsqlCommand(sql, c);
        await command.ExecuteNonQueryAsync().ConfigureAwait(false);
    }
}
