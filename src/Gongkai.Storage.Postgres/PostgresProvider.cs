using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Npgsql;

namespace Gongkai.Storage.Postgres;

/// <summary>PostgreSQL through Npgsql, when a connection string <c>Host=…;Database=…</c> is given.</summary>
public sealed class PostgresProvider : IDatabaseProvider
{
    public string Name => "PostgreSQL";

    public bool Accepts(string connectionString) =>
        connectionString.Contains("Host=", StringComparison.OrdinalIgnoreCase)
        || connectionString.Contains("Server=", StringComparison.OrdinalIgnoreCase);

    public void Configure(DbContextOptionsBuilder builder, string connectionString) =>
        // A list in a query (Contains) goes as one array parameter (= ANY(@ids)): one plan for any length.
        builder.UseNpgsql(connectionString, npgsql => npgsql
            .MigrationsAssembly(typeof(PostgresProvider).Assembly.GetName().Name)
            .UseParameterizedCollectionMode(ParameterTranslationMode.Parameter));

    /// <summary>Ids from the key's own sequence: safe beside any other writer.</summary>
    public async Task<IReadOnlyList<int>> ReserveIdsAsync(GongkaiDbContext context, TableLayout table, int count, CancellationToken cancellationToken)
    {
        var connection = (NpgsqlConnection)context.Database.GetDbConnection();
        await using var command = new NpgsqlCommand("SELECT nextval(pg_get_serial_sequence(@table, @key))::integer FROM generate_series(1, @count)", connection);
        command.Parameters.AddWithValue("table", $"\"{table.Table}\"");
        command.Parameters.AddWithValue("key", table.Key);
        command.Parameters.AddWithValue("count", count);
        var ids = new List<int>(count);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            ids.Add(reader.GetInt32(0));
        }

        return ids;
    }

    /// <summary>
    /// Binary COPY on the context's connection (it runs inside the open transaction), each value
    /// written as its column's PostgreSQL type: binary COPY does not convert between types.
    /// </summary>
    public async Task InsertAsync(GongkaiDbContext context, TableLayout table, IEnumerable<object?[]> rows, CancellationToken cancellationToken)
    {
        var connection = (NpgsqlConnection)context.Database.GetDbConnection();
        var types = table.Columns.Select(c => TypeName(c.Mapping.StoreType)).ToArray();
        await using var writer = await connection.BeginBinaryImportAsync(
            $"COPY \"{table.Table}\" ({table.ColumnList}) FROM STDIN (FORMAT BINARY)", cancellationToken).ConfigureAwait(false);
        foreach (var row in rows)
        {
            await writer.StartRowAsync(cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < types.Length; i++)
            {
                if (row[i] is { } value)
                {
                    await writer.WriteAsync(value, types[i], cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await writer.WriteNullAsync(cancellationToken).ConfigureAwait(false);
                }
            }
        }

        await writer.CompleteAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The type name without its facets: <c>character varying(64)</c> → <c>character varying</c>, <c>numeric(18,4)[]</c> → <c>numeric[]</c>.</summary>
    private static string TypeName(string storeType) =>
        storeType.IndexOf('(', StringComparison.Ordinal) is var open and > 0
            ? storeType[..open].TrimEnd() + storeType[(storeType.IndexOf(')', open) + 1)..]
            : storeType;
}

/// <summary>For <c>dotnet ef migrations add … --project src/Gongkai.Storage.Postgres</c>.</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<GongkaiDbContext>
{
    public GongkaiDbContext CreateDbContext(string[] args) =>
        new Database([new PostgresProvider()], "Host=127.0.0.1;Database=gongkai_design;Username=gongkai").Open();
}
