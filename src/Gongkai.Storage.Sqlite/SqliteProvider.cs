using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

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

        builder.UseSqlite(normalized, sqlite => sqlite.MigrationsAssembly(typeof(SqliteProvider).Assembly.GetName().Name));
    }
}

/// <summary>For <c>dotnet ef migrations add … --project src/Gongkai.Storage.Sqlite</c>.</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<GongkaiDbContext>
{
    public GongkaiDbContext CreateDbContext(string[] args) => new Database([new SqliteProvider()], "Data Source=design.db").Open();
}
