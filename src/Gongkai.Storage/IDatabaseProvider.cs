using Microsoft.EntityFrameworkCore;

namespace Gongkai.Storage;

/// <summary>A database engine Gongkai can store reports in; each provider project owns its migrations.</summary>
public interface IDatabaseProvider
{
    string Name { get; }

    /// <summary>True when the connection string is for this engine.</summary>
    bool Accepts(string connectionString);

    void Configure(DbContextOptionsBuilder builder, string connectionString);

    /// <summary>
    /// Writes many value and finding rows fast, on the context's connection and inside its current
    /// transaction (EF Core's change tracking costs too much for ~200 rows per report).
    /// </summary>
    Task BulkInsertAsync(GongkaiDbContext context, IReadOnlyList<Entities.ValueEntity> values, IReadOnlyList<Entities.FindingEntity> findings, CancellationToken cancellationToken);
}

/// <summary>Opens the reports database for a connection string with the provider that accepts it.</summary>
public sealed class Database(IReadOnlyList<IDatabaseProvider> providers, string connectionString)
{
    public IDatabaseProvider Provider { get; } =
        providers.FirstOrDefault(p => p.Accepts(connectionString))
        ?? throw new ArgumentException($"没有数据库驱动能识别连接字符串“{connectionString}”（SQLite：Data Source=文件.db；PostgreSQL：Host=…;Database=…）", nameof(connectionString));

    public string ConnectionString { get; } = connectionString;

    public DbContextOptions<GongkaiDbContext> Options()
    {
        var builder = new DbContextOptionsBuilder<GongkaiDbContext>();
        Provider.Configure(builder, ConnectionString);
        return builder.Options;
    }

    public GongkaiDbContext Open() => new(Options());

    /// <summary>Creates or upgrades the schema (the provider's migrations).</summary>
    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var context = Open();
        await context.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
    }
}
