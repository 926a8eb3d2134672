using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

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
}

/// <summary>For <c>dotnet ef migrations add … --project src/Gongkai.Storage.Postgres</c>.</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<GongkaiDbContext>
{
    public GongkaiDbContext CreateDbContext(string[] args) =>
        new Database([new PostgresProvider()], "Host=127.0.0.1;Database=gongkai_design;Username=gongkai").Open();
}
