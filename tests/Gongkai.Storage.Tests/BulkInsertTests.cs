using System.Data.Common;
using Gongkai.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Storage.Tests;

/// <summary>
/// The importer writes rows through the provider's bulk path (SQLite statements, PostgreSQL COPY);
/// queries read them through EF Core. Both must agree on how every value is stored.
/// </summary>
public sealed class BulkInsertTests
{
    public static TheoryData<string> Engines => ["sqlite", "postgres"];

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Bulk_rows_are_stored_exactly_as_SaveChanges_stores_them(string engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        await using var context = db.Database.Open();
        var agency = new AgencyEntity { Key = "资阳市财政局", Name = "资阳市财政局", Region = "四川省/资阳市", Category = AgencyCategory.Department };
        context.Add(agency);
        await context.SaveChangesAsync();

        ReportEntity Report(string hash) => new()
        {
            AgencyId = agency.Id, Year = 2024, Version = 2, IsCurrent = false, ContentHash = hash, FileName = "报告.txt", Template = "2021",
            Published = new DateOnly(2025, 1, 20), Late = null, SourceKind = "text", Encoding = "GB18030",
            ImportedAt = new DateTimeOffset(2026, 12, 2, 1, 30, 15, 123, TimeSpan.Zero), Errors = 1, Warnings = 0, Infos = 3,
        };
        var reports = await StoredTwiceAsync(db, context, engine, Report("a"), Report("b"), keyed: true, differing: ["Id", "ContentHash"]);
        var (first, second) = (reports[0].Id, reports[1].Id);
        var more = await StoredTwiceAsync(db, context, engine, Report("c"), Report("d"), keyed: true, differing: ["Id", "ContentHash"]);

        await StoredTwiceAsync(db, context, engine,
            new ReportDocumentEntity { ReportId = first, ModelJson = "{\"agency\":\"资阳市财政局\"}", Text = "一、总体情况\n" },
            new ReportDocumentEntity { ReportId = second, ModelJson = "{\"agency\":\"资阳市财政局\"}", Text = "一、总体情况\n" },
            keyed: true, differing: ["ReportId"]);
        await StoredTwiceAsync(db, context, engine,
            new SourceFileEntity { ReportId = first, Bytes = [0xEF, 0xBB, 0xBF, 0x31, 0x00, 0xFF] },
            new SourceFileEntity { ReportId = second, Bytes = [0xEF, 0xBB, 0xBF, 0x31, 0x00, 0xFF] },
            keyed: true, differing: ["ReportId"]);
        // A report's values as one row: arrays (PostgreSQL) or JSON arrays (SQLite), empty ones too.
        decimal[] values = [0m, 4m, 438.827m, 3994000m, -1m, 0.0001m, 12.0m];
        short[] cells = [1, 2, 7, 300, 32767, 5, 6];
        await StoredTwiceAsync(db, context, engine,
            new ValueSetEntity { ReportId = first, Cells = cells, Values = values },
            new ValueSetEntity { ReportId = second, Cells = cells, Values = values },
            keyed: true, differing: ["ReportId"]);
        await StoredTwiceAsync(db, context, engine,
            new ValueSetEntity { ReportId = more[0].Id, Cells = [], Values = [] },
            new ValueSetEntity { ReportId = more[1].Id, Cells = [], Values = [] },
            keyed: true, differing: ["ReportId"]);

        await StoredTwiceAsync(db, context, engine,
            new FindingEntity { ReportId = first, Code = "R1", Severity = "error", Message = "表三“(七)总计”自然人列为0", TableId = "requests", RowId = "total", ColumnId = null, Line = 493, Column = null },
            new FindingEntity { ReportId = second, Code = "R1", Severity = "error", Message = "表三“(七)总计”自然人列为0", TableId = "requests", RowId = "total", ColumnId = null, Line = 493, Column = null },
            keyed: false, differing: ["Id", "ReportId"]);

        // PostgreSQL takes these rows as COPY text: its separators, escapes and null mark inside values stay text.
        const string awkward = "第1行\t第2列\n换行\r\n回车 \\ 反斜杠 \\N \\. 结尾\\";
        await StoredTwiceAsync(db, context, engine,
            new FindingEntity { ReportId = first, Code = "\\N", Severity = "", Message = awkward, TableId = "\t", RowId = null, ColumnId = "\\", Line = -7, Column = 0 },
            new FindingEntity { ReportId = second, Code = "\\N", Severity = "", Message = awkward, TableId = "\t", RowId = null, ColumnId = "\\", Line = -7, Column = 0 },
            keyed: false, differing: ["Id", "ReportId"]);
        await StoredTwiceAsync(db, context, engine,
            new ValueTotalEntity { Region = "四川省", Category = AgencyCategory.Government, Year = 2024, TableId = "requests", RowId = "granted", ColumnId = "total", Sum = 12.5m, Reports = 3 },
            new ValueTotalEntity { Region = "四川省/资阳市", Category = AgencyCategory.Government, Year = 2024, TableId = "requests", RowId = "granted", ColumnId = "total", Sum = 12.5m, Reports = 3 },
            keyed: true, differing: ["Region"]);

        // The root node's region is the empty text, which must not be stored as NULL.
        await StoredTwiceAsync(db, context, engine,
            new ValueTotalEntity { Region = "", Category = AgencyCategory.Other, Year = 0, TableId = "requests", RowId = "granted", ColumnId = "total", Sum = 0m, Reports = 1 },
            new ValueTotalEntity { Region = "", Category = AgencyCategory.Other, Year = 2023, TableId = "requests", RowId = "granted", ColumnId = "total", Sum = 0m, Reports = 1 },
            keyed: true, differing: ["Year"]);
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task A_failure_part_way_through_a_bulk_write_surfaces_as_itself_and_keeps_none_of_its_rows(string engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        await using var context = db.Database.Open();
        var report = new ReportEntity { ContentHash = "a", FileName = "a.txt", Template = "2021", Version = 1, IsCurrent = true, ImportedAt = DateTimeOffset.UnixEpoch };
        context.Add(report);
        await context.SaveChangesAsync();

        IEnumerable<FindingEntity> Findings()
        {
            yield return new FindingEntity { ReportId = report.Id, Code = "R1", Severity = "error", Message = "一" };
            yield return new FindingEntity { ReportId = report.Id, Code = "R2", Severity = "error", Message = "二" };
            throw new InvalidOperationException("the third row could not be made");
        }

        await using (var transaction = await context.Database.BeginTransactionAsync())
        {
            var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
                db.Database.Provider.InsertEntitiesAsync(context, TableLayout.Of<FindingEntity>(context, withGeneratedKey: false), Findings(), default));
            Assert.Equal("the third row could not be made", error.Message);
            await transaction.RollbackAsync();
        }

        Assert.Equal(0, await context.Findings.CountAsync());
        Assert.Equal(1, await context.Reports.CountAsync());
    }

    /// <summary>
    /// Writes <paramref name="tracked"/> with SaveChanges and <paramref name="bulk"/> through the
    /// provider, then compares the two stored rows column by column (type and text as the engine has them).
    /// </summary>
    private static async Task<List<T>> StoredTwiceAsync<T>(TestDatabase db, GongkaiDbContext context, string engine, T tracked, T bulk, bool keyed, string[] differing)
        where T : class
    {
        var table = TableLayout.Of<T>(context, withGeneratedKey: keyed);
        var before = await StoredAsync(context, engine, table);
        context.Add(tracked);
        await context.SaveChangesAsync();
        if (keyed && table.Columns.SingleOrDefault(c => c.Property.IsPrimaryKey() && c.Property.ValueGenerated == Microsoft.EntityFrameworkCore.Metadata.ValueGenerated.OnAdd) is { } key)
        {
            key.Property.PropertyInfo!.SetValue(bulk, (await db.Database.Provider.ReserveIdsAsync(context, table, 1, default))[0]);
        }

        await using (var transaction = await context.Database.BeginTransactionAsync())
        {
            await db.Database.Provider.InsertEntitiesAsync(context, table, [bulk], default);
            await transaction.CommitAsync();
        }

        var rows = (await StoredAsync(context, engine, table)).Where(r => !before.ContainsKey(r.Key)).Select(r => r.Value).ToList();
        Assert.Equal(2, rows.Count);
        foreach (var column in table.Columns.Where(c => !differing.Contains(c.Name)))
        {
            Assert.True(rows[0][column.Name] == rows[1][column.Name], $"{table.Table}.{column.Name}: SaveChanges stored {rows[0][column.Name]}, the bulk path {rows[1][column.Name]}");
        }

        return [tracked, bulk];
    }

    /// <summary>Every row of the table: its columns as "type:text", keyed by the whole row.</summary>
    private static async Task<Dictionary<string, Dictionary<string, string>>> StoredAsync(GongkaiDbContext context, string engine, TableLayout table)
    {
        var columns = table.Columns.Select(c => c.Name).ToList();
        var select = engine == "sqlite"
            ? columns.Select(c => $"typeof(\"{c}\") || ':' || quote(\"{c}\")")
            : columns.Select(c => $"pg_typeof(\"{c}\")::text || ':' || coalesce(\"{c}\"::text, 'NULL')");
        var connection = context.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await connection.OpenAsync();
        }

        await using DbCommand command = connection.CreateCommand();
        command.CommandText = $"SELECT {string.Join(", ", select)} FROM \"{table.Table}\"";
        var rows = new Dictionary<string, Dictionary<string, string>>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var row = columns.Select((c, i) => (c, reader.GetString(i))).ToDictionary(p => p.c, p => p.Item2);
            rows[string.Join("|", row.Values)] = row;
        }

        return rows;
    }
}
