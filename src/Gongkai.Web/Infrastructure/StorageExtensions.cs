using Gongkai.Search;
using Gongkai.Storage;
using Gongkai.Storage.Import;
using Gongkai.Storage.Postgres;
using Gongkai.Storage.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Infrastructure;

internal static partial class StorageExtensions
{
    public const string DefaultConnection = "Data Source=data/gongkai.db";

    public static void AddGongkaiStorage(this WebApplicationBuilder builder)
    {
        var connection = builder.Configuration.GetConnectionString("Gongkai") ?? DefaultConnection;
        builder.Services.AddSingleton(TimeProvider.System);
        var database = new Database([new SqliteProvider(), new PostgresProvider()], connection);
        builder.Services.AddSingleton(database);

        // Pooled: a request reuses a reset context instead of building its services anew.
        builder.Services.AddDbContextPool<GongkaiDbContext>(database.Configure);

        // The full-text index: in Gongkai:IndexFolder when set, else in memory (rebuilt from the database at start).
        builder.Services.AddSingleton(new ReportIndex(builder.Configuration["Gongkai:IndexFolder"] is { Length: > 0 } folder ? folder : null));
    }

    /// <summary>Migrates the schema and imports the seed folder, if one is configured.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        var database = app.Services.GetRequiredService<Database>();
        await database.MigrateAsync().ConfigureAwait(false);
        if (app.Configuration["Gongkai:SeedFolder"] is { Length: > 0 } folder && Directory.Exists(folder))
        {
            var sources = Directory.GetFiles(folder).Order(StringComparer.Ordinal)
                .Select(f => new ImportSource(Path.GetFileName(f), () => File.ReadAllBytes(f)));
            var summary = await new ReportImporter(database, app.Services.GetRequiredService<TimeProvider>())
                .ImportAsync(sources).ConfigureAwait(false);
            var added = summary.Count(ImportOutcome.Added);
            SeedsImported(app.Logger, folder, summary.Files.Count, added);
        }

        var indexed = await app.Services.GetRequiredService<ReportIndex>().SyncAsync(database).ConfigureAwait(false);
        ReportsIndexed(app.Logger, indexed);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Full-text index: {Count} reports added")]
    private static partial void ReportsIndexed(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Seed reports from {Folder}: {Files} files, {Added} added")]
    private static partial void SeedsImported(ILogger logger, string folder, int files, int added);
}
