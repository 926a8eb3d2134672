using System.Diagnostics;
using Gongkai.Storage;
using Gongkai.Storage.Import;
using Gongkai.Storage.Postgres;
using Gongkai.Storage.Sqlite;
using Npgsql;

namespace Gongkai.Benchmarks;

/// <summary>
/// Imports generated corpora into a fresh SQLite file and, when a server is given, a fresh
/// PostgreSQL database, and prints reports/s and the time 100,000 reports would take at that rate.
/// Two corpora: a province's reports (<see cref="CityCorpus"/>: ~14,300 agencies × 7 years, so
/// almost every report is new), and the worst case for versions (<see cref="CorpusBenchmark"/>'s
/// random corpus: 100 agencies, so nearly every report supersedes another and moves the rollup).
/// </summary>
internal static class ImportBenchmark
{
    public static async Task<int> RunAsync(int count, string folder, string? postgres, string engines)
    {
        var corpora = new (string Name, List<string> Files)[]
        {
            ("province", CityCorpus.Generate(count, Path.Combine(folder, "gongkai-city-corpus"))),
            ("versions", CorpusBenchmark.Generate(count, Path.Combine(folder, "gongkai-corpus"))),
        };
        foreach (var (name, files) in corpora)
        {
            if (engines is "all" or "sqlite")
            {
                var sqlite = Path.Combine(Path.GetTempPath(), $"gongkai-bench-{Guid.NewGuid():N}.db");
                try
                {
                    await MeasureAsync($"SQLite, {name}", new Database([new SqliteProvider()], $"Data Source={sqlite}"), files).ConfigureAwait(false);
                }
                finally
                {
                    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                    foreach (var file in new[] { sqlite, sqlite + "-wal", sqlite + "-shm" })
                    {
                        File.Delete(file);
                    }
                }
            }

            if (postgres is not null && engines is "all" or "postgres")
            {
                var database = $"gongkai_bench_{Guid.NewGuid():N}";
                await ExecuteAsync(postgres, $"CREATE DATABASE {database}").ConfigureAwait(false);
                try
                {
                    var builder = new NpgsqlConnectionStringBuilder(postgres) { Database = database };
                    await MeasureAsync($"PostgreSQL, {name}", new Database([new PostgresProvider()], builder.ConnectionString), files).ConfigureAwait(false);
                }
                finally
                {
                    NpgsqlConnection.ClearAllPools();
                    await ExecuteAsync(postgres, $"DROP DATABASE IF EXISTS {database} WITH (FORCE)").ConfigureAwait(false);
                }
            }
        }

        return 0;
    }

    private static async Task MeasureAsync(string engine, Database database, List<string> files)
    {
        await database.MigrateAsync().ConfigureAwait(false);
        var importer = new ReportImporter(database, TimeProvider.System);
        var importerCpu = Process.GetCurrentProcess().TotalProcessorTime;
        var serverCpu = ServerCpuSeconds();
        var clock = Stopwatch.StartNew();
        var summary = await importer.ImportAsync(files.Select(f => new ImportSource(f, () => File.ReadAllBytes(f)))).ConfigureAwait(false);
        var seconds = clock.Elapsed.TotalSeconds;
        importerCpu = Process.GetCurrentProcess().TotalProcessorTime - importerCpu;
        serverCpu = ServerCpuSeconds() - serverCpu;
        Console.WriteLine(
            $"{engine,-22}: {files.Count} reports in {seconds:F1} s = {files.Count / seconds:F0} reports/s " +
            $"(added {summary.Count(ImportOutcome.Added)}, new versions {summary.Count(ImportOutcome.NewVersion)}, unreadable {summary.Count(ImportOutcome.Unreadable)}); " +
            $"100,000 reports at this rate: {100_000 / (files.Count / seconds) / 60:F1} min");
        Console.WriteLine(
            $"{string.Empty,-22}  CPU per 100,000 reports: importer {importerCpu.TotalSeconds * 100_000 / files.Count:F0} s" +
            (database.Provider is PostgresProvider && serverCpu is { } server ? $", PostgreSQL server {server * 100_000 / files.Count:F0} s" : string.Empty) +
            $" ({Environment.ProcessorCount} cores: {Environment.ProcessorCount * seconds * 100_000 / files.Count:F0} core-seconds at this rate)");
    }

    /// <summary>
    /// The CPU time (user + system) of every process named postgres on this machine, from
    /// /proc/PID/stat; null where there is no /proc. The server's share of an import on the same cores.
    /// A server process that ends between the two readings (an autovacuum worker) is not counted,
    /// so this is a lower bound; the import's own connection stays open (pooled) until it is over.
    /// </summary>
    private static double? ServerCpuSeconds()
    {
        if (!Directory.Exists("/proc"))
        {
            return null;
        }

        const double TicksPerSecond = 100; // USER_HZ, 100 on every Linux architecture .NET runs on
        var ticks = 0L;
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            try
            {
                var stat = File.ReadAllText(Path.Combine(folder, "stat"));
                var name = stat.IndexOf('(', StringComparison.Ordinal);
                var end = stat.LastIndexOf(')');
                if (name < 0 || end < 0 || stat[(name + 1)..end] != "postgres")
                {
                    continue;
                }

                // After the name: state, ppid, … utime is field 14 and stime field 15 of the line.
                var fields = stat[(end + 2)..].Split(' ');
                ticks += long.Parse(fields[11], System.Globalization.CultureInfo.InvariantCulture) + long.Parse(fields[12], System.Globalization.CultureInfo.InvariantCulture);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
            {
                // A process that ended meanwhile, or a folder that is not a process.
            }
        }

        return ticks / TicksPerSecond;
    }

    private static async Task ExecuteAsync(string connection, string sql)
    {
        await using var c = new NpgsqlConnection(connection);
        await c.OpenAsync().ConfigureAwait(false);
        await using var command = new NpgsqlCommand(sql, c);
        await command.ExecuteNonQueryAsync().ConfigureAwait(false);
    }
}
