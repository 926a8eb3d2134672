using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Storage;

namespace Gongkai.Storage.Sqlite;

/// <summary>SQLite: a file in a data folder, embedded, no setup. Accepts <c>Data Source=…</c> or a path ending in .db.</summary>
public sealed class SqliteProvider : IDatabaseProvider
{
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

        // A list in a query (Contains) goes as one JSON parameter, not one parameter per element:
        // Microsoft.Data.Sqlite binds parameters by name, which costs quadratic time for an import
        // batch's thousand hashes or report ids.
        builder.UseSqlite(normalized, sqlite => sqlite
            .MigrationsAssembly(typeof(SqliteProvider).Assembly.GetName().Name)
            .UseParameterizedCollectionMode(ParameterTranslationMode.Parameter))
            .ReplaceService<Microsoft.EntityFrameworkCore.Migrations.IMigrationsSqlGenerator, WithoutRowIdMigrationsSqlGenerator>();
    }

    /// <summary>
    /// The next ids after the largest in the table. SQLite has one writer: EF Core's transactions
    /// begin IMMEDIATE, so no other connection can insert until this one commits.
    /// </summary>
    public async Task<IReadOnlyList<int>> ReserveIdsAsync(GongkaiDbContext context, TableLayout table, int count, CancellationToken cancellationToken)
    {
        await using var command = Command(context);
        command.CommandText = $"SELECT COALESCE(MAX(\"{table.Key}\"), 0) FROM \"{table.Table}\"";
        var last = Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
        return Enumerable.Range(last + 1, count).ToList();
    }

    /// <summary>
    /// One prepared INSERT, executed per row: on SQLite's statement API when the table's values
    /// allow (<see cref="RawInsert"/>), else through Microsoft.Data.Sqlite with parameters typed by
    /// EF Core's own mappings. (Multi-row INSERTs measured no faster.)
    /// </summary>
    public Task InsertAsync(GongkaiDbContext context, TableLayout table, IEnumerable<object?[]> rows, CancellationToken cancellationToken)
    {
        var sql = $"INSERT INTO \"{table.Table}\" ({table.ColumnList}) VALUES ({string.Join(", ", table.Columns.Select((_, i) => "$p" + i))})";
        if (RawInsert.Handles(table))
        {
            using var raw = RawInsert.Prepare((SqliteConnection)context.Database.GetDbConnection(), sql);
            foreach (var row in rows)
            {
                cancellationToken.ThrowIfCancellationRequested();
                raw.Execute(row);
            }

            return Task.CompletedTask;
        }

        using var insert = Command(context);
        insert.CommandText = sql;
        var parameters = table.Columns.Select((c, i) => c.Mapping.CreateParameter(insert, "$p" + i, null, c.Property.IsNullable)).ToArray();
        insert.Parameters.AddRange(parameters);
        insert.Prepare();
        foreach (var row in rows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            for (var i = 0; i < parameters.Length; i++)
            {
                parameters[i].Value = row[i] ?? DBNull.Value;
            }

            // Microsoft.Data.Sqlite runs "async" commands synchronously: the sync call skips a Task per row.
            insert.ExecuteNonQuery();
        }

        return Task.CompletedTask;
    }

    private static SqliteCommand Command(GongkaiDbContext context)
    {
        var command = ((SqliteConnection)context.Database.GetDbConnection()).CreateCommand();
        command.Transaction = (SqliteTransaction?)context.Database.CurrentTransaction?.GetDbTransaction();
        return command;
    }
}

/// <summary>For <c>dotnet ef migrations add … --project src/Gongkai.Storage.Sqlite</c>.</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<GongkaiDbContext>
{
    public GongkaiDbContext CreateDbContext(string[] args) => new Database([new SqliteProvider()], "Data Source=design.db").Open();
}
