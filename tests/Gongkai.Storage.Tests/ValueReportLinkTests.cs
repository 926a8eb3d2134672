using System.Data.Common;
using Gongkai.Storage.Entities;
using Gongkai.Storage.Import;
using Gongkai.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace Gongkai.Storage.Tests;

/// <summary>
/// Every value set belongs to a stored report: a foreign key on both engines. (Before value sets,
/// PostgreSQL checked the ~200 value rows of a report with statement triggers, migration
/// <c>ValuesCheckedPerStatement</c>; the last test keeps that history working both ways.)
/// </summary>
public sealed class ValueReportLinkTests
{
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 12, 2, 0, 0, 0, TimeSpan.Zero));

    public static TheoryData<string> Engines => ["sqlite", "postgres"];

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task A_value_set_of_a_report_that_does_not_exist_is_refused_by_statement_and_by_bulk_write(string engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var reportId = await ImportOneAsync(db);
        await using var context = db.Database.Open();
        var stored = await context.ValueSets.SingleAsync();
        Assert.True(stored.Cells.Length > 100, $"{stored.Cells.Length} values");

        var statement = await Assert.ThrowsAnyAsync<DbException>(() => context.ValueSets.Where(v => v.ReportId == reportId)
            .ExecuteUpdateAsync(u => u.SetProperty(v => v.ReportId, reportId + 1000)));
        AssertForeignKeyViolation(engine, statement);

        // The importer's path: one bulk write (COPY on PostgreSQL) with one stray set among good ones.
        var bare = await BareReportsAsync(context, 3);
        await using var transaction = await context.Database.BeginTransactionAsync();
        var rows = Enumerable.Range(0, 4).Select(i => new ValueSetEntity { ReportId = i == 2 ? reportId + 1000 : bare[Math.Min(i, 2)], Cells = [1], Values = [i] });
        var bulk = await Assert.ThrowsAnyAsync<DbException>(() =>
            db.Database.Provider.InsertEntitiesAsync(context, TableLayout.Of<ValueSetEntity>(context, withGeneratedKey: true), rows, default));
        AssertForeignKeyViolation(engine, bulk);
        await transaction.RollbackAsync();

        await using var fresh = db.Database.Open();
        var after = await fresh.ValueSets.SingleAsync();
        Assert.Equal(reportId, after.ReportId);
        Assert.Equal(stored.Cells, after.Cells);
        Assert.Equal(stored.Values, after.Values);
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Deleting_a_report_deletes_its_value_set_and_a_report_id_that_a_value_set_uses_cannot_change(string engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var kept = await ImportOneAsync(db, seed: 1);
        var deleted = await ImportOneAsync(db, seed: 2);
        await using var context = db.Database.Open();
        var keptValues = (await context.ValueSets.SingleAsync(v => v.ReportId == kept)).Values;
        Assert.True(await context.ValueSets.AnyAsync(v => v.ReportId == deleted));

        await context.Reports.Where(r => r.Id == deleted).ExecuteDeleteAsync();
        Assert.False(await context.ValueSets.AnyAsync(v => v.ReportId == deleted));
        Assert.Equal(keptValues, (await context.ValueSets.SingleAsync(v => v.ReportId == kept)).Values);

        // A bare report (no document or source, whose own keys would object first) with one value.
        var bare = (await BareReportsAsync(context, 1))[0];
        context.ValueSets.Add(new ValueSetEntity { ReportId = bare, Cells = [1], Values = [1] });
        await context.SaveChangesAsync();
        var moved = await Assert.ThrowsAnyAsync<DbException>(() =>
            context.Database.ExecuteSqlAsync($"UPDATE reports SET \"Id\" = {bare + 1000} WHERE \"Id\" = {bare}"));
        AssertForeignKeyViolation(engine, moved);

        // An update that keeps the ids is no violation.
        await context.Reports.ExecuteUpdateAsync(u => u.SetProperty(r => r.IsCurrent, false));
        Assert.Equal(keptValues, (await context.ValueSets.SingleAsync(v => v.ReportId == kept)).Values);
    }

    /// <summary>
    /// The PostgreSQL history both ways: down to per-value rows, their triggers come back (and
    /// refuse a stray value); down once more, the foreign key; up, the triggers; up to value sets,
    /// the triggers and their functions are gone and value sets have their foreign key.
    /// </summary>
    [Fact]
    public async Task On_PostgreSQL_the_value_triggers_come_and_go_with_their_migrations()
    {
        await using var db = await TestDatabase.CreateAsync("postgres");
        var reportId = await ImportOneAsync(db);
        await using var context = db.Database.Open();
        Assert.Equal((0, 0, 0, 1), await LinkAsync(context));

        var migrations = context.Database.GetMigrations().ToList();
        var triggers = migrations.FindIndex(m => m.EndsWith("_ValuesCheckedPerStatement", StringComparison.Ordinal));
        var migrator = context.GetService<IMigrator>();
        await migrator.MigrateAsync(migrations[triggers]);
        Assert.Equal((0, 4, 3, 0), await LinkAsync(context));
        var stray = $"INSERT INTO report_values (\"ReportId\", \"TableId\", \"RowId\", \"ColumnId\", \"Value\") VALUES ({reportId + 1000}, 'requests', 'x', 'a', 1)";
        AssertForeignKeyViolation("postgres", await Assert.ThrowsAnyAsync<DbException>(() => context.Database.ExecuteSqlRawAsync(stray)), "report_values");

        await migrator.MigrateAsync(migrations[triggers - 1]);
        Assert.Equal((1, 0, 0, 0), await LinkAsync(context));
        AssertForeignKeyViolation("postgres", await Assert.ThrowsAnyAsync<DbException>(() => context.Database.ExecuteSqlRawAsync(stray)), "report_values");

        await migrator.MigrateAsync(migrations[triggers]);
        Assert.Equal((0, 4, 3, 0), await LinkAsync(context));

        await db.Database.MigrateAsync();
        Assert.Equal((0, 0, 0, 1), await LinkAsync(context));
    }

    private static void AssertForeignKeyViolation(string engine, DbException exception, string table = "value_sets")
    {
        if (engine == "postgres")
        {
            var postgres = Assert.IsType<PostgresException>(exception);
            Assert.Equal(PostgresErrorCodes.ForeignKeyViolation, postgres.SqlState);
            Assert.Equal($"FK_{table}_reports_ReportId", postgres.ConstraintName);
        }
        else
        {
            Assert.Contains("FOREIGN KEY", exception.Message, StringComparison.Ordinal);
        }
    }

    /// <summary>
    /// PostgreSQL: the foreign keys of report_values (when it exists), the triggers that stood in for
    /// one, their functions, and the foreign keys of value_sets (when it exists).
    /// </summary>
    private static async Task<(int ValueForeignKeys, int Triggers, int Functions, int SetForeignKeys)> LinkAsync(GongkaiDbContext context)
    {
        var counts = await context.Database.SqlQueryRaw<int>(
            """
            SELECT (SELECT count(*)::integer FROM pg_constraint WHERE conrelid = to_regclass('report_values') AND contype = 'f') AS "Value"
            UNION ALL SELECT count(*)::integer FROM pg_trigger
                WHERE NOT tgisinternal AND tgname IN ('report_values_require_reports_on_insert', 'report_values_require_reports_on_update', 'reports_delete_values', 'reports_keep_value_ids')
            UNION ALL SELECT count(*)::integer FROM pg_proc
                WHERE proname IN ('report_values_require_reports', 'reports_delete_values', 'reports_keep_value_ids')
            UNION ALL SELECT count(*)::integer FROM pg_constraint WHERE conrelid = to_regclass('value_sets') AND contype = 'f'
            """).ToListAsync();
        return (counts[0], counts[1], counts[2], counts[3]);
    }

    /// <summary>Reports with no document or source (whose own keys would object first).</summary>
    private static async Task<List<int>> BareReportsAsync(GongkaiDbContext context, int count)
    {
        var reports = Enumerable.Range(0, count)
            .Select(i => new ReportEntity { ContentHash = $"bare{i}", FileName = "bare.txt", Template = "2021", ImportedAt = Clock.GetUtcNow() })
            .ToList();
        context.Reports.AddRange(reports);
        await context.SaveChangesAsync();
        return [.. reports.Select(r => r.Id)];
    }

    private static async Task<int> ImportOneAsync(TestDatabase db, int seed = 1)
    {
        var report = ReportFaker.Create(seed) with { Agency = $"资阳市统计局{seed}", Year = 2024 };
        var summary = await new ReportImporter(db.Database, Clock).ImportAsync(
            [new ImportSource($"report-{seed}.txt", () => LayoutRenderer.RenderBytes(report, new RenderOptions(Layout.CellPerLine)))]);
        return Assert.Single(summary.Files).ReportId!.Value;
    }
}
