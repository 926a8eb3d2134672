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
    /// Takes <paramref name="count"/> new ids for <paramref name="table"/>'s generated integer key,
    /// inside the context's current transaction, so rows can be written with their ids in bulk.
    /// </summary>
    Task<IReadOnlyList<int>> ReserveIdsAsync(GongkaiDbContext context, TableLayout table, int count, CancellationToken cancellationToken);

    /// <summary>
    /// Writes many rows fast, on the context's connection and inside its current transaction: an
    /// import writes a report row, its document, source bytes, value set and findings per report,
    /// and the rollup's totals, which EF Core's change tracking and one round trip per row make far
    /// too slow. Each row is its columns'
    /// stored values in <see cref="TableLayout.Columns"/> order (<see cref="TableLayout.StoreRow"/>).
    /// </summary>
    Task InsertAsync(GongkaiDbContext context, TableLayout table, IEnumerable<object?[]> rows, CancellationToken cancellationToken);
}

public static class DatabaseProviderExtensions
{
    /// <summary>Writes entities in bulk (<see cref="IDatabaseProvider.InsertAsync"/>), converting each as it goes.</summary>
    public static Task InsertEntitiesAsync<T>(this IDatabaseProvider provider, GongkaiDbContext context, TableLayout table, IEnumerable<T> entities, CancellationToken cancellationToken)
        where T : class =>
        provider.InsertAsync(context, table, entities.Select(table.StoreRow), cancellationToken);
}

/// <summary>Opens the reports database for a connection string with the provider that accepts it.</summary>
public sealed class Database(IReadOnlyList<IDatabaseProvider> providers, string connectionString)
{
    public IDatabaseProvider Provider { get; } =
        providers.FirstOrDefault(p => p.Accepts(connectionString))
        ?? throw new ArgumentException($"没有数据库驱动能识别连接字符串“{connectionString}”（SQLite：Data Source=文件.db；PostgreSQL：Host=…;Database=…）", nameof(connectionString));

    public string ConnectionString { get; } = connectionString;

    private DbContextOptions<GongkaiDbContext>? options;

    /// <summary>Sets up <paramref name="builder"/> for this database (also the web app's context pool).</summary>
    public void Configure(DbContextOptionsBuilder builder) => Provider.Configure(builder, ConnectionString);

    /// <summary>The context options, built once: the importer opens a context per batch.</summary>
    public DbContextOptions<GongkaiDbContext> Options()
    {
        if (options is null)
        {
            var builder = new DbContextOptionsBuilder<GongkaiDbContext>();
            Configure(builder);
            options = builder.Options;
        }

        return options;
    }

    public GongkaiDbContext Open() => new(Options());

    /// <summary>Creates or upgrades the schema (the provider's migrations), and fills the dashboards' rollup if it is new.</summary>
    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var context = Open();
        await context.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
        await Totals.RegionTotals.EnsureBuiltAsync(context, Provider, cancellationToken).ConfigureAwait(false);
    }
}
