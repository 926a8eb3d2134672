using Gongkai.Storage.Import;
using Gongkai.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Time.Testing;

namespace Gongkai.Storage.Tests;

public sealed class MigrationTests
{
    public static TheoryData<string> Engines => ["sqlite", "postgres"];

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Moving_documents_out_of_report_rows_and_back_keeps_every_one(string engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var seeds = SharedData.SeedFiles.Select(f => new ImportSource(Path.GetFileName(f), () => File.ReadAllBytes(f)));
        await new ReportImporter(db.Database, new FakeTimeProvider(new DateTimeOffset(2026, 12, 2, 0, 0, 0, TimeSpan.Zero))).ImportAsync(seeds);

        await using var context = db.Database.Open();
        var before = await context.ReportDocuments.AsNoTracking().OrderBy(d => d.ReportId).Select(d => new { d.ReportId, d.ModelJson, d.Text }).ToListAsync();
        Assert.Equal(5, before.Count);
        var (values, findings) = (await context.Values.CountAsync(), await context.Findings.CountAsync());
        var migrator = context.GetService<IMigrator>();
        var previous = context.Database.GetMigrations().Single(m => m.EndsWith("_ValueTotals", StringComparison.Ordinal));

        // Down: the documents go back into their report rows; up again: out into their own table.
        await migrator.MigrateAsync(previous);
        var restored = await context.Database.SqlQueryRaw<string>("SELECT \"ModelJson\" AS \"Value\" FROM reports ORDER BY \"Id\"").ToListAsync();
        Assert.Equal(before.Select(d => d.ModelJson), restored);
        await migrator.MigrateAsync();
        var after = await context.ReportDocuments.AsNoTracking().OrderBy(d => d.ReportId).Select(d => new { d.ReportId, d.ModelJson, d.Text }).ToListAsync();
        Assert.Equal(before, after);
        Assert.Equal(5, await context.Reports.CountAsync());
        Assert.Equal(5, await context.SourceFiles.CountAsync());
        Assert.Equal((values, findings), (await context.Values.CountAsync(), await context.Findings.CountAsync()));
    }
}
