using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Storage;

namespace Gongkai.Storage.Sqlite;

/// <summary>SQLite: a file in a data folder, embedded, no setup. Accepts <c>Data Source=…</c> or a path ending in .db.</summary>
public sealed class SqliteProvider : IDatabaseProvider
{
    private static readonly string[] ValueParameters = ["$report", "$table", "$row", "$column", "$value"];
    private static readonly string[] FindingParameters = ["$report", "$code", "$severity", "$message", "$table", "$row", "$column", "$line", "$col"];

    public string Name => "SQLite";

    public bool Accepts(string connectionString) =>
        connectionString.StartsWith("Data Source=", StringComparison.OrdinalIgnoreCase)
        || connectionString.StartsWith("DataSource=", StringComparison.OrdinalIgnoreCase)
        || connectionString.EndsWith(".db", StringComparison.OrdinalIgnoreCase)
        || connectionString.EndsWith(".sqlite", StringComparison.OrdinalIgnoreCase);

    public void Configure(DbContextOptionsBuilder builder, string connectionString)
    {
        var normalized = connectionString.Contains('=', StringComparison.Ordinal) ? connectionString : $"Data Source={connectionString}";
        var file = new SqliteConnectionStringBuilder(normalized).DataSource;
        if (Path.GetDirectoryName(Path.GetFullPath(file)) is { } folder && file != ":memory:")
        {
            Directory.CreateDirectory(folder);
        }

        builder.UseSqlite(normalized, sqlite => sqlite.MigrationsAssembly(typeof(SqliteProvider).Assembly.GetName().Name));
    }

    public async Task BulkInsertAsync(GongkaiDbContext context, IReadOnlyList<Entities.ValueEntity> values, IReadOnlyList<Entities.FindingEntity> findings, CancellationToken cancellationToken)
    {
        var connection = (SqliteConnection)context.Database.GetDbConnection();
        var transaction = (SqliteTransaction?)context.Database.CurrentTransaction?.GetDbTransaction();

        await using (var insert = connection.CreateCommand())
        {
            insert.Transaction = transaction;
            insert.CommandText = "INSERT INTO report_values (ReportId, TableId, RowId, ColumnId, Value) VALUES ($report, $table, $row, $column, $value)";
            var p = ValueParameters.Select(n => insert.Parameters.Add(new SqliteParameter { ParameterName = n })).ToArray();
            foreach (var v in values)
            {
                p[0].Value = v.ReportId;
                p[1].Value = v.TableId;
                p[2].Value = v.RowId;
                p[3].Value = v.ColumnId;
                p[4].Value = v.Value;
                await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        await using (var insert = connection.CreateCommand())
        {
            insert.Transaction = transaction;
            insert.CommandText = "INSERT INTO findings (ReportId, Code, Severity, Message, TableId, RowId, ColumnId, Line, Column) VALUES ($report, $code, $severity, $message, $table, $row, $column, $line, $col)";
            var p = FindingParameters.Select(n => insert.Parameters.Add(new SqliteParameter { ParameterName = n })).ToArray();
            foreach (var f in findings)
            {
                object?[] row = [f.ReportId, f.Code, f.Severity, f.Message, f.TableId, f.RowId, f.ColumnId, f.Line, f.Column];
                for (var i = 0; i < row.Length; i++)
                {
                    p[i].Value = row[i] ?? DBNull.Value;
                }

                await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }
}

/// <summary>For <c>dotnet ef migrations add … --project src/Gongkai.Storage.Sqlite</c>.</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<GongkaiDbContext>
{
    public GongkaiDbContext CreateDbContext(string[] args) => new Database([new SqliteProvider()], "Data Source=design.db").Open();
}
