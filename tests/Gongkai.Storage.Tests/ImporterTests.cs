using System.Text;
using System.Text.Json.Nodes;
using Gongkai.Ingestion;
using Gongkai.Storage.Entities;
using Gongkai.Storage.Import;
using Gongkai.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Gongkai.Storage.Tests;

public sealed class ImporterTests
{
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.FromHours(8)));

    public static TheoryData<string> Engines => ["sqlite", "postgres"];

    private static ImportSource Seed(string name) => new(name, () => File.ReadAllBytes(Path.Combine(SharedData.Seeds, name)));

    private static IEnumerable<ImportSource> Seeds() => SharedData.SeedFiles.Select(f => Seed(Path.GetFileName(f)));

    private static ImportSource Text(string name, string text) => new(name, () => Encoding.UTF8.GetBytes(text));

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Seeds_are_stored_with_values_findings_agencies_and_source_bytes(string engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var summary = await new ReportImporter(db.Database, Clock).ImportAsync(Seeds());
        Assert.Equal(5, summary.Count(ImportOutcome.Added));

        await using var context = db.Database.Open();
        Assert.Equal(5, await context.Reports.CountAsync(r => r.IsCurrent));
        var report = await context.Reports.Include(r => r.Agency).Include(r => r.Document).Include(r => r.Source).SingleAsync(r => r.FileName == "002_b423b0293a9d3bd4.txt");
        Assert.Equal("资阳市雁江区人民政府办公室", report.Agency!.Name);
        Assert.Equal("资阳市/雁江区", report.Agency.Region);
        Assert.Equal(AgencyCategory.Department, report.Agency.Category);
        Assert.Equal((2021, "2021", 4, false), (report.Year, report.Template, report.Errors, report.Late));
        Assert.Equal(File.ReadAllBytes(Path.Combine(SharedData.Seeds, report.FileName)), report.Source!.Bytes);
        Assert.Equal(Clock.GetUtcNow(), report.ImportedAt);
        Assert.Equal("资阳市雁江区人民政府办公室", JsonNode.Parse(report.Document!.ModelJson)!["agency"]!.GetValue<string>());

        // Values add up across reports; seed 001's lost tables contribute nothing, not zeros.
        var received = (await StoredValues.AllAsync(context)).Where(v => v.Table == "requests" && v.Row == "newReceived" && v.Column == "total").Sum(v => v.Value);
        Assert.Equal(3 + 4 + 0 + 3, received);
        var late = await context.Reports.Where(r => r.Late == true).Select(r => r.FileName).ToListAsync();
        Assert.Equal(["001_fdba5679b7b391e3.txt"], late);
        Assert.Equal(2, await context.Findings.CountAsync(f => f.Code == "R2" && f.ReportId == report.Id));
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task The_same_bytes_imported_again_change_nothing(string engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var importer = new ReportImporter(db.Database, Clock);
        await importer.ImportAsync(Seeds());
        var again = await importer.ImportAsync(Seeds().Concat([Seed("000_22a2669e7a81eeda.txt")]));
        Assert.Equal(6, again.Count(ImportOutcome.Unchanged));
        await using var context = db.Database.Open();
        Assert.Equal(5, await context.Reports.CountAsync());
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task A_corrected_version_becomes_current_and_the_old_one_stays(string engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var importer = new ReportImporter(db.Database, Clock);
        await importer.ImportAsync([Seed("002_b423b0293a9d3bd4.txt")]);
        var text = File.ReadAllText(Path.Combine(SharedData.Seeds, "002_b423b0293a9d3bd4.txt"));
        var fixedTotal = text.Replace("(七)总计\n\n0\n\n0\n\n0\n\n0\n\n0\n\n0\n\n0", "(七)总计\n\n4\n\n0\n\n0\n\n0\n\n0\n\n0\n\n4", StringComparison.Ordinal);
        Assert.NotEqual(text, fixedTotal);
        var summary = await importer.ImportAsync([Text("002-corrected.txt", fixedTotal)]);
        Assert.Equal(ImportOutcome.NewVersion, Assert.Single(summary.Files).Outcome);

        await using var context = db.Database.Open();
        var versions = await context.Reports.OrderBy(r => r.Version).ToListAsync();
        Assert.Equal([(1, false, 4), (2, true, 0)], versions.Select(r => (r.Version, r.IsCurrent, r.Errors)));
        Assert.Equal(versions[0].AgencyId, versions[1].AgencyId);
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Unreadable_files_are_listed_with_their_reason_and_the_rest_go_in(string engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var summary = await new ReportImporter(db.Database, Clock).ImportAsync(
            [Seed("003_ab7d1287facdaff7.txt"), new ImportSource("empty.txt", () => []), Text("notice.txt", "会议通知\n请准时参加。")]);
        Assert.Equal([ImportOutcome.Added, ImportOutcome.Unreadable, ImportOutcome.Unreadable], summary.Files.Select(f => f.Outcome));
        Assert.Equal("空文件", summary.Files[1].Reason);
        Assert.StartsWith("不是政府信息公开工作年度报告", summary.Files[2].Reason, StringComparison.Ordinal);
        await using var context = db.Database.Open();
        Assert.Equal(1, await context.Reports.CountAsync());
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task A_failure_mid_import_leaves_no_half_written_batch(string engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        await db.ExecuteAsync(engine == "sqlite"
            ? "CREATE TRIGGER poison BEFORE INSERT ON reports WHEN NEW.\"FileName\" LIKE '%poison%' BEGIN SELECT RAISE(ABORT, 'poisoned'); END;"
            : "CREATE FUNCTION poison() RETURNS trigger AS $$ BEGIN IF NEW.\"FileName\" LIKE '%poison%' THEN RAISE EXCEPTION 'poisoned'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql; "
              + "CREATE TRIGGER poison BEFORE INSERT ON reports FOR EACH ROW EXECUTE FUNCTION poison();");
        var importer = new ReportImporter(db.Database, Clock) { BatchSize = 2 };
        var poison = new ImportSource("poison.txt", () => File.ReadAllBytes(Path.Combine(SharedData.Seeds, "004_db6cd9a826adafdd.txt")));

        // The first batch states values of the 2019 template only (seed 001's tables are lost); seed 002, of the 2021 template, adds table cells.
        var added = Seed("002_b423b0293a9d3bd4.txt");
        await Assert.ThrowsAnyAsync<DbUpdateException>(() => importer.ImportAsync(
            [Seed("000_22a2669e7a81eeda.txt"), Seed("001_fdba5679b7b391e3.txt"), added, poison]));

        // The first batch is in, whole; of the second (002 and poison) nothing is: no report, no values, no agency, no table cells.
        await using var context = db.Database.Open();
        Assert.Equal(["000_22a2669e7a81eeda.txt", "001_fdba5679b7b391e3.txt"], await context.Reports.OrderBy(r => r.FileName).Select(r => r.FileName).ToListAsync());
        Assert.Equal(1, await context.ValueSets.CountAsync());
        Assert.Equal(2, await context.SourceFiles.CountAsync());
        Assert.DoesNotContain("资阳市雁江区人民政府办公室", await context.Agencies.Select(a => a.Name).ToListAsync());
        var used = (await StoredValues.AllAsync(context)).Select(v => (v.Table, v.Row, v.Column)).Distinct().Count();
        Assert.Equal(used, await context.ValueCells.CountAsync());

        // The same importer goes on: it adds the cells again, and the values read back as parsed.
        var again = await importer.ImportAsync([added]);
        var id = Assert.Single(again.Files).ReportId!.Value;
        Assert.True(await context.ValueCells.CountAsync() > used);
        var stated = (await StoredValues.AllAsync(context)).Where(v => v.Report == id).ToList();
        var parsed = ReportReader.Read(added.Load(), added.Name).Report!;
        var expected = parsed.Tables().SelectMany(t => t.Cells().Where(c => c.Cell.Value is not null).Select(c => (id, t.Id, c.Row.Id, c.Field.Id, c.Cell.Value!.Value)));
        Assert.True(stated.Count > 20, $"{stated.Count} values");
        Assert.Equal(StoredValues.Sorted(expected), stated);
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Reports_of_one_agency_link_up_although_their_titles_differ(string engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var fake = ReportFaker.Create(8, Model.Templates.TemplateCatalog.V2021) with { Agency = "市财政局", Year = 2021, Published = new DateOnly(2022, 1, 20) };
        var bare = LayoutRenderer.Render(fake, new RenderOptions(Layout.PipeRows));
        await new ReportImporter(db.Database, Clock).ImportAsync([Seed("000_22a2669e7a81eeda.txt")]);
        await new ReportImporter(db.Database, Clock) { Region = "四川省/资阳市" }.ImportAsync([Text("2021.txt", bare)]);

        await using var context = db.Database.Open();
        var agency = await context.Agencies.Include(a => a.Reports).SingleAsync();
        Assert.Equal("资阳市财政局", agency.Key);
        Assert.Equal("四川省/资阳市", agency.Region);
        Assert.Equal([2020, 2021], agency.Reports.Select(r => r.Year!.Value).Order());
    }
}
