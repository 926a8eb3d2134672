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
/// Every stated value belongs to a stored report. On SQLite a foreign key says so; on PostgreSQL
/// statement triggers do (migration <c>ValuesCheckedPerStatement</c>: a per-row foreign key check
/// took most of the server's time on an import). Both engines must keep the same rules.
/// </summary>
public sealed class ValueReportLinkTests
{
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 12, 2, 0, 0, 0, TimeSpan.Zero));

    public static TheoryData<string> Engines => ["sqlite", "postgres"];

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task A_value_of_a_report_that_does_not_exist_is_refused_by_statement_and_by_bulk_write(string engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var reportId = await ImportOneAsync(db);
        await using var context = db.Database.Open();
        var stored = await context.Values.CountAsync();

        var statement = await Assert.ThrowsAnyAsync<DbException>(() => context.Database.ExecuteSqlAsync(
            $"INSERT INTO report_values (\"ReportId\", \"TableId\", \"RowId\", \"ColumnId\", \"Value\") VALUES ({reportId}, 'requests', 'x', 'a', 1), ({reportId + 1000}, 'requests', 'x', 'a', 1)"));
        AssertForeignKeyViolation(engine, statement);

        // The importer's path: one bulk write (COPY on PostgreSQL) with one stray row among good ones.
        await using var transaction = await context.Database.BeginTransactionAsync();
        var rows = Enumerable.Range(0, 50).Select(i => new ValueEntity { ReportId = i == 37 ? reportId + 1000 : reportId, TableId = "requests", RowId = $"extra{i}", ColumnId = "a", Value = i });
        var bulk = await Assert.ThrowsAnyAsync<DbException>(() =>
            db.Database.Provider.InsertEntitiesAsync(context, TableLayout.Of<ValueEntity>(context, withGeneratedKey: true), rows, default));
        AssertForeignKeyViolation(engine, bulk);
        await transaction.RollbackAsync();

        await using var fresh = db.Database.Open();
        Assert.Equal(stored, await fresh.Values.CountAsync());
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Deleting_a_report_deletes_its_values_and_a_report_id_that_values_use_cannot_change(string engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var kept = await ImportOneAsync(db, seed: 1);
        var deleted = await ImportOneAsync(db, seed: 2);
        await using var context = db.Database.Open();
        var keptValues = await context.Values.CountAsync(v => v.ReportId == kept);
        Assert.True(keptValues > 100, $"{keptValues} values");
        Assert.True(await context.Values.AnyAsync(v => v.ReportId == deleted));

        await context.Reports.Where(r => r.Id == deleted).ExecuteDeleteAsync();
        Assert.False(await context.Values.AnyAsync(v => v.ReportId == deleted));
        Assert.Equal(keptValues, await context.Values.CountAsync(v => v.ReportId == kept));

        // A bare report (no document or source, whose own keys would object first) with one value.
        var bare = new ReportEntity { ContentHash = "bare", FileName = "bare.txt", Template = "2021", ImportedAt = Clock.GetUtcNow() };
        context.Reports.Add(bare);
        await context.SaveChangesAsync();
        context.Values.Add(new ValueEntity { ReportId = bare.Id, TableId = "requests", RowId = "x", ColumnId = "a", Value = 1 });
        await context.SaveChangesAsync();
        var moved = await Assert.ThrowsAnyAsync<DbException>(() =>
            context.Database.ExecuteSqlAsync($"UPDATE reports SET \"Id\" = {bare.Id + 1000} WHERE \"Id\" = {bare.Id}"));
        AssertForeignKeyViolation(engine, moved);

        // An update that keeps the ids is no violation.
        await context.Reports.ExecuteUpdateAsync(u => u.SetProperty(r => r.IsCurrent, false));
        Assert.Equal(keptValues, await context.Values.CountAsync(v => v.ReportId == kept));
    }

    /// <summary>
    /// The PostgreSQL migration both ways: down puts the foreign key back (and the rules hold
    /// through it), up replaces it by the triggers again.
    /// </summary>
    [Fact]
    public async Task On_PostgreSQL_the_migration_replaces_the_foreign_key_and_back()
    {
        await using var db = await TestDatabase.CreateAsync("postgres");
        var reportId = await ImportOneAsync(db);
        await using var context = db.Database.Open();
        Assert.Equal((0, 4), await LinkAsync(context));

        var migrations = context.Database.GetMigrations().ToList();
        var replaced = migrations.FindIndex(m => m.EndsWith("_ValuesCheckedPerStatement", StringComparison.Ordinal));
        await context.GetService<IMigrator>().MigrateAsync(migrations[replaced - 1]);
        Assert.Equal((1, 0), await LinkAsync(context));
        var refused = await Assert.ThrowsAnyAsync<DbException>(() => context.Database.ExecuteSqlAsync(
            $"INSERT INTO report_values (\"ReportId\", \"TableId\", \"RowId\", \"ColumnId\", \"Value\") VALUES ({reportId + 1000}, 'requests', 'x', 'a', 1)"));
        AssertForeignKeyViolation("postgres", refused);

        await db.Database.MigrateAsync();
        Assert.Equal((0, 4), await LinkAsync(context));
    }

    private static void AssertForeignKeyViolation(string engine, DbException exception)
    {
        if (engine == "postgres")
        {
            var postgres = Assert.IsType<PostgresException>(exception);
            Assert.Equal(PostgresErrorCodes.ForeignKeyViolation, postgres.SqlState);
            Assert.Equal("FK_report_values_reports_ReportId", postgres.ConstraintName);
        }
        else
        {
            Assert.Contains("FOREIGN KEY", exception.Message, StringComparison.Ordinal);
        }
    }

    /// <summary>PostgreSQL: the foreign keys of report_values, and the triggers that stand in for one.</summary>
    private static async Task<(int ForeignKeys, int Triggers)> LinkAsync(GongkaiDbContext context)
    {
        var foreignKeys = await context.Database.SqlQueryRaw<int>(
            "SELECT count(*)::integer AS \"Value\" FROM pg_constraint WHERE conrelid = 'report_values'::regclass AND contype = 'f'").SingleAsync();
        var triggers = await context.Database.SqlQueryRaw<int>(
            """
            SELECT count(*)::integer AS "Value" FROM pg_trigger
            WHERE NOT tgisinternal AND tgname IN ('report_values_require_reports_on_insert', 'report_values_require_reports_on_update', 'reports_delete_values', 'reports_keep_value_ids')
            """).SingleAsync();
        return (foreignKeys, triggers);
    }

    private static async Task<int> ImportOneAsync(TestDatabase db, int seed = 1)
    {
        var report = ReportFaker.Create(seed) with { Agency = $"资阳市统计局{seed}", Year = 2024 };
        var summary = await new ReportImporter(db.Database, Clock).ImportAsync(
            [new ImportSource($"report-{seed}.txt", () => LayoutRenderer.RenderBytes(report, new RenderOptions(Layout.CellPerLine)))]);
        return Assert.Single(summary.Files).ReportId!.Value;
    }
}
