using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Npgsql;
using NpgsqlTypes;

namespace Gongkai.Storage.Postgres;

/// <summary>PostgreSQL through Npgsql, when a connection string <c>Host=…;Database=…</c> is given.</summary>
public sealed class PostgresProvider : IDatabaseProvider
{
    public string Name => "PostgreSQL";

    public bool Accepts(string connectionString) =>
        connectionString.Contains("Host=", StringComparison.OrdinalIgnoreCase)
        || connectionString.Contains("Server=", StringComparison.OrdinalIgnoreCase);

    public void Configure(DbContextOptionsBuilder builder, string connectionString) =>
        builder.UseNpgsql(connectionString, npgsql => npgsql.MigrationsAssembly(typeof(PostgresProvider).Assembly.GetName().Name));

    /// <summary>Binary COPY on the context's connection; it runs inside the open transaction.</summary>
    public async Task BulkInsertAsync(GongkaiDbContext context, IReadOnlyList<Entities.ValueEntity> values, IReadOnlyList<Entities.FindingEntity> findings, CancellationToken cancellationToken)
    {
        var connection = (NpgsqlConnection)context.Database.GetDbConnection();
        await using (var writer = await connection.BeginBinaryImportAsync(
            "COPY report_values (\"ReportId\", \"TableId\", \"RowId\", \"ColumnId\", \"Value\") FROM STDIN (FORMAT BINARY)", cancellationToken).ConfigureAwait(false))
        {
            foreach (var v in values)
            {
                await writer.StartRowAsync(cancellationToken).ConfigureAwait(false);
                await writer.WriteAsync(v.ReportId, NpgsqlDbType.Integer, cancellationToken).ConfigureAwait(false);
                await writer.WriteAsync(v.TableId, NpgsqlDbType.Varchar, cancellationToken).ConfigureAwait(false);
                await writer.WriteAsync(v.RowId, NpgsqlDbType.Varchar, cancellationToken).ConfigureAwait(false);
                await writer.WriteAsync(v.ColumnId, NpgsqlDbType.Varchar, cancellationToken).ConfigureAwait(false);
                await writer.WriteAsync(v.Value, NpgsqlDbType.Numeric, cancellationToken).ConfigureAwait(false);
            }

            await writer.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }

        await using (var writer = await connection.BeginBinaryImportAsync(
            "COPY findings (\"ReportId\", \"Code\", \"Severity\", \"Message\", \"TableId\", \"RowId\", \"ColumnId\", \"Line\", \"Column\") FROM STDIN (FORMAT BINARY)", cancellationToken).ConfigureAwait(false))
        {
            foreach (var f in findings)
            {
                await writer.StartRowAsync(cancellationToken).ConfigureAwait(false);
                await writer.WriteAsync(f.ReportId, NpgsqlDbType.Integer, cancellationToken).ConfigureAwait(false);
                await writer.WriteAsync(f.Code, NpgsqlDbType.Varchar, cancellationToken).ConfigureAwait(false);
                await writer.WriteAsync(f.Severity, NpgsqlDbType.Varchar, cancellationToken).ConfigureAwait(false);
                await writer.WriteAsync(f.Message, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await WriteNullable(writer, f.TableId, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await WriteNullable(writer, f.RowId, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await WriteNullable(writer, f.ColumnId, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await WriteNullable(writer, f.Line, NpgsqlDbType.Integer, cancellationToken).ConfigureAwait(false);
                await WriteNullable(writer, f.Column, NpgsqlDbType.Integer, cancellationToken).ConfigureAwait(false);
            }

            await writer.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static Task WriteNullable<T>(NpgsqlBinaryImporter writer, T? value, NpgsqlDbType type, CancellationToken cancellationToken) =>
        value is null ? writer.WriteNullAsync(cancellationToken) : writer.WriteAsync(value, type, cancellationToken);
}

/// <summary>For <c>dotnet ef migrations add … --project src/Gongkai.Storage.Postgres</c>.</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<GongkaiDbContext>
{
    public GongkaiDbContext CreateDbContext(string[] args) =>
        new Database([new PostgresProvider()], "Host=127.0.0.1;Database=gongkai_design;Username=gongkai").Open();
}
