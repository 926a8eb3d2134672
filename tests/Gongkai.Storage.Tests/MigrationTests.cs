using System.Data.Common;
using Gongkai.Storage.Import;
using Gongkai.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace Gongkai.Storage.Tests;

public sealed class MigrationTests
{
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 12, 2, 0, 0, 0, TimeSpan.Zero));

    public static TheoryData<string> Engines => ["sqlite", "postgres"];

    /// <summary>
    /// A database from before documents had their own table and before they were compressed (model
    /// JSON and text inside the report rows, as text): migrated to the latest schema, every document
    /// and source reads back unchanged, and what is imported afterwards is stored compressed.
    /// </summary>
    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Documents_stored_as_text_inside_report_rows_read_back_unchanged_after_both_migrations(string engine)
    {
        // The seeds as the importer stores them today: real documents and sources.
        await using var current = await TestDatabase.CreateAsync(engine);
        await new ReportImporter(current.Database, Clock).ImportAsync(Seeds());
        await using var currentContext = current.Database.Open();
        var originals = await currentContext.Reports.AsNoTracking().Include(r => r.Document).Include(r => r.Source).OrderBy(r => r.Id).ToListAsync();
        Assert.Equal(5, originals.Count);

        await using var old = await TestDatabase.CreateAsync(engine, upTo: "_ValueTotals");
        await using var context = old.Database.Open();
        await context.Database.OpenConnectionAsync();
        foreach (var r in originals)
        {
            await ExecuteAsync(
                context,
                """
                INSERT INTO reports ("Id", "ContentHash", "Errors", "Warnings", "Infos", "FileName", "ImportedAt", "IsCurrent", "Template", "Version", "Year", "ModelJson", "Text")
                VALUES (@id, @hash, 0, 0, 0, @file, @imported, TRUE, @template, 1, @year, @json, @text)
                """,
                ("id", r.Id), ("hash", r.ContentHash), ("file", r.FileName), ("imported", r.ImportedAt), ("template", r.Template),
                ("year", (object?)r.Year ?? DBNull.Value), ("json", r.Document!.ModelJson), ("text", r.Document.Text));
            await ExecuteAsync(context, "INSERT INTO source_files (\"ReportId\", \"Bytes\") VALUES (@id, @bytes)", ("id", r.Id), ("bytes", r.Source!.Bytes));
        }

        if (engine == "postgres")
        {
            // Rows written by EF took their ids from the identity sequence; these were given theirs.
            await ExecuteAsync(context, "SELECT setval(pg_get_serial_sequence('reports', 'Id'), (SELECT MAX(\"Id\") FROM reports))");
        }

        await old.Database.MigrateAsync();
        var migrated = await context.Reports.AsNoTracking().Include(r => r.Document).Include(r => r.Source).OrderBy(r => r.Id).ToListAsync();
        Assert.Equal(originals.Select(r => r.Document!.ModelJson), migrated.Select(r => r.Document!.ModelJson));
        Assert.Equal(originals.Select(r => r.Document!.Text), migrated.Select(r => r.Document!.Text));
        Assert.Equal(originals.Select(r => r.Source!.Bytes), migrated.Select(r => r.Source!.Bytes));
        Assert.All(await StoredModelsAsync(context), stored => Assert.False(Compressed.IsPacked(stored)));

        // Imported now: stored compressed, read back whole.
        var fake = ReportFaker.Create(11) with { Agency = "资阳市统计局", Year = 2024 };
        var summary = await new ReportImporter(old.Database, Clock).ImportAsync(
            [new ImportSource("new.txt", () => LayoutRenderer.RenderBytes(fake, new RenderOptions(Layout.CellPerLine)))]);
        var added = Assert.Single(summary.Files).ReportId!.Value;
        var packed = (await StoredModelsAsync(context, added)).Single();
        Assert.True(Compressed.IsPacked(packed));
        var json = await context.ReportDocuments.Where(d => d.ReportId == added).Select(d => d.ModelJson).SingleAsync();
        Assert.StartsWith("{", json, StringComparison.Ordinal);
        Assert.Contains("\"provenance\"", json, StringComparison.Ordinal);
        Assert.True(packed.Length * 3 < System.Text.Encoding.UTF8.GetByteCount(json), $"{packed.Length} bytes stored for {json.Length} characters");
    }

    /// <summary>
    /// Every stored value survives the change from one row per value (<c>report_values</c>) to one
    /// value set per report, both ways: migrated down, the rows are the values the sets held;
    /// migrated up again, the sets hold them; importing still works.
    /// </summary>
    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Stated_values_survive_the_change_to_value_sets_both_ways(string engine)
    {
        await using var test = await TestDatabase.CreateAsync(engine);
        await new ReportImporter(test.Database, Clock).ImportAsync(Seeds());
        await using var context = test.Database.Open();
        await context.Database.OpenConnectionAsync();
        var values = await StoredValues.AllAsync(context);
        Assert.True(values.Count > 500, $"{values.Count} values");
        Assert.Equal(4, values.Select(v => v.Report).Distinct().Count()); // seed 001's tables are lost: it states no value
        var totals = await TotalsAsync(context);

        var migrations = context.Database.GetMigrations().ToList();
        var migrator = context.GetService<Microsoft.EntityFrameworkCore.Migrations.IMigrator>();
        await migrator.MigrateAsync(migrations[migrations.FindIndex(m => m.EndsWith("_ValueSets", StringComparison.Ordinal)) - 1]);
        Assert.Equal(values, await ValueRowsAsync(context));

        await migrator.MigrateAsync(migrations[^1]);
        Assert.Equal(values, await StoredValues.AllAsync(context));
        Assert.Equal(totals, await TotalsAsync(context));

        var fake = ReportFaker.Create(12) with { Agency = "资阳市统计局", Year = 2024 };
        var summary = await new ReportImporter(test.Database, Clock).ImportAsync(
            [new ImportSource("new.txt", () => LayoutRenderer.RenderBytes(fake, new RenderOptions(Layout.PipeRows)))]);
        var added = Assert.Single(summary.Files).ReportId!.Value;
        Assert.True((await StoredValues.AllAsync(context)).Count(v => v.Report == added) > 50);
    }

    /// <summary>
    /// On SQLite the rollup (and, before value sets, the per-value rows) are WITHOUT ROWID tables, in
    /// a new database and after converting one made before (here: migrated down to the rowid tables,
    /// and up again); every total survives both ways.
    /// </summary>
    [Fact]
    public async Task Sqlite_totals_are_a_without_rowid_table_and_survive_the_conversion_both_ways()
    {
        await using var test = await TestDatabase.CreateAsync("sqlite");
        await new ReportImporter(test.Database, Clock).ImportAsync(Seeds());
        await using var context = test.Database.Open();
        await context.Database.OpenConnectionAsync();
        Assert.Equal([true], await WithoutRowIdAsync(context));
        var totals = await TotalsAsync(context);
        Assert.NotEmpty(totals);

        var migrations = context.Database.GetMigrations().ToList();
        var migrator = context.GetService<Microsoft.EntityFrameworkCore.Migrations.IMigrator>();
        await migrator.MigrateAsync(migrations.Single(m => m.EndsWith("_ValuesWithoutRowId", StringComparison.Ordinal)));
        Assert.Equal([true, true], await WithoutRowIdAsync(context));
        await migrator.MigrateAsync(migrations.Single(m => m.EndsWith("_CompressedDocuments", StringComparison.Ordinal)));
        Assert.Equal([false, false], await WithoutRowIdAsync(context));
        Assert.Equal(totals, await TotalsAsync(context));

        await migrator.MigrateAsync(migrations[^1]);
        Assert.Equal([true], await WithoutRowIdAsync(context));
        Assert.Equal(totals, await TotalsAsync(context));
    }

    /// <summary>A later migration that alters a column makes EF Core rebuild the table: the rebuilt table keeps WITHOUT ROWID.</summary>
    [Fact]
    public async Task Sqlite_table_rebuilds_keep_without_rowid()
    {
        await using var test = await TestDatabase.CreateAsync("sqlite");
        await using var context = test.Database.Open();
        var alter = new Microsoft.EntityFrameworkCore.Migrations.Operations.AlterColumnOperation
        {
            Table = "value_totals",
            Name = "Sum",
            ClrType = typeof(decimal),
            ColumnType = "NUMERIC",
            OldColumn = new Microsoft.EntityFrameworkCore.Migrations.Operations.AddColumnOperation { Table = "value_totals", Name = "Sum", ClrType = typeof(decimal), ColumnType = "TEXT" },
        };
        var model = context.GetService<Microsoft.EntityFrameworkCore.Metadata.IDesignTimeModel>().Model;
        var sql = string.Join("\n", context.GetService<Microsoft.EntityFrameworkCore.Migrations.IMigrationsSqlGenerator>().Generate([alter], model).Select(c => c.CommandText));
        Assert.Contains("CREATE TABLE \"ef_temp_value_totals\"", sql, StringComparison.Ordinal);
        Assert.Matches(@"CREATE TABLE ""ef_temp_value_totals"" \([^;]*\) WITHOUT ROWID", sql);
    }

    private static async Task<List<bool>> WithoutRowIdAsync(GongkaiDbContext context)
    {
        var sql = await context.Database.SqlQueryRaw<string>(
            "SELECT sql AS \"Value\" FROM sqlite_master WHERE type = 'table' AND name IN ('report_values', 'value_totals') ORDER BY name DESC").ToListAsync();
        return [.. sql.Select(s => s.EndsWith("WITHOUT ROWID", StringComparison.Ordinal))];
    }

    /// <summary>Every stated value, from the rows of report_values (the schema before value sets), in the same order.</summary>
    private static async Task<List<(int Report, string Table, string Row, string Column, decimal Value)>> ValueRowsAsync(GongkaiDbContext context)
    {
        await using var command = context.Database.GetDbConnection().CreateCommand();
        command.CommandText = "SELECT \"ReportId\", \"TableId\", \"RowId\", \"ColumnId\", \"Value\" FROM report_values";
        var rows = new List<(int, string, string, string, decimal)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetInt32(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetDecimal(4)));
        }

        return StoredValues.Sorted(rows);
    }

    private static Task<List<string>> TotalsAsync(GongkaiDbContext context) =>
        context.ValueTotals.AsNoTracking().OrderBy(t => t.Region).ThenBy(t => t.Category).ThenBy(t => t.Year).ThenBy(t => t.TableId).ThenBy(t => t.RowId).ThenBy(t => t.ColumnId)
            .Select(t => t.Region + " " + t.Category + " " + t.Year + " " + t.TableId + " " + t.RowId + " " + t.ColumnId + " " + t.Sum + " " + t.Reports).ToListAsync();

    private static IEnumerable<ImportSource> Seeds() =>
        SharedData.SeedFiles.Select(f => new ImportSource(Path.GetFileName(f), () => File.ReadAllBytes(f)));

    /// <summary>The model column's stored bytes, as the engine holds them.</summary>
    private static async Task<List<byte[]>> StoredModelsAsync(GongkaiDbContext context, int? reportId = null)
    {
        await using var command = context.Database.GetDbConnection().CreateCommand();
        command.CommandText = "SELECT \"ModelJson\" FROM report_documents" + (reportId is null ? string.Empty : $" WHERE \"ReportId\" = {reportId}");
        var stored = new List<byte[]>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            stored.Add((byte[])reader.GetValue(0));
        }

        return stored;
    }

    private static async Task ExecuteAsync(GongkaiDbContext context, string sql, params (string Name, object Value)[] parameters)
    {
        await using DbCommand command = context.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        await command.ExecuteNonQueryAsync();
    }
}
