using System.Text;
using Gongkai.Storage.Entities;
using Gongkai.Storage.Import;
using Gongkai.Storage.Totals;
using Gongkai.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Gongkai.Storage.Tests;

public sealed class RegionTotalsTests
{
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.FromHours(8)));

    public static TheoryData<string> Engines => ["sqlite", "postgres"];

    [Fact]
    public void A_region_counts_in_every_node_of_its_path_and_a_prefix_is_covered_by_disjoint_nodes()
    {
        Assert.Equal(["", "四川省", "四川省/资阳市", "四川省/资阳市/雁江区"], RegionTotals.Nodes("四川省/资阳市/雁江区"));
        Assert.Equal([""], RegionTotals.Nodes(""));

        string[] regions = ["四川省/资阳市/雁江区", "四川省/资阳市", "四川省/资中县", "四川省/乐山市", "资阳市", ""];
        Assert.Equal(["四川省/资中县", "四川省/资阳市"], RegionTotals.Covering(regions, "四川省/资").Order(StringComparer.Ordinal));
        Assert.Equal(["四川省"], RegionTotals.Covering(regions, "四川"));
        Assert.Equal(["资阳市"], RegionTotals.Covering(regions, "资阳"));
        Assert.Equal([""], RegionTotals.Covering(regions, ""));
        Assert.Empty(RegionTotals.Covering(regions, "广东省"));
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Rollup_follows_imports_new_versions_completed_regions_and_edits(string engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        var seeds = SharedData.SeedFiles.Select(f => new ImportSource(Path.GetFileName(f), () => File.ReadAllBytes(f)));
        await new ReportImporter(db.Database, Clock).ImportAsync(seeds);
        await AssertMatchesRebuildAsync(db);

        // 资阳市财政局 (seed 000) gets its province from an import with a region, and a 2021 report;
        // then a corrected 2021 report supersedes that one.
        var first = ReportFaker.Create(8, Model.Templates.TemplateCatalog.V2021) with { Agency = "市财政局", Year = 2021, Published = new DateOnly(2022, 1, 20) };
        var second = ReportFaker.Create(9, Model.Templates.TemplateCatalog.V2021) with { Agency = "市财政局", Year = 2021, Published = new DateOnly(2022, 1, 21) };
        var summary = await new ReportImporter(db.Database, Clock) { Region = "四川省/资阳市" }.ImportAsync([Render("2021.txt", first)]);
        Assert.Equal(1, summary.Count(ImportOutcome.Added));
        await AssertMatchesRebuildAsync(db);
        summary = await new ReportImporter(db.Database, Clock) { Region = "四川省/资阳市" }.ImportAsync([Render("2021-corrected.txt", second)]);
        Assert.Equal(1, summary.Count(ImportOutcome.NewVersion));
        var rows = await AssertMatchesRebuildAsync(db);
        Assert.Contains(rows, r => r.Region == "四川省/资阳市" && r.Year == 2021);

        // An administrator moves the agency and changes its kind.
        await using (var context = db.Database.Open())
        {
            var agency = await context.Agencies.SingleAsync(a => a.Key == "资阳市财政局");
            await RegionTotals.EditAgencyAsync(context, db.Database.Provider, agency, AgencyCategory.Government, "四川省/成都市");
        }

        rows = await AssertMatchesRebuildAsync(db);
        Assert.Contains(rows, r => r.Region == "四川省/成都市" && r.Category == AgencyCategory.Government);
        Assert.DoesNotContain(rows, r => r.Region == "四川省/资阳市" && r.Year == 2021);
    }

    private static ImportSource Render(string name, FakeReport report) =>
        new(name, () => Encoding.UTF8.GetBytes(LayoutRenderer.Render(report, new RenderOptions(Layout.PipeRows))));

    /// <summary>The rollup as the imports and edits left it equals one recomputed from the current reports.</summary>
    private static async Task<List<ValueTotalEntity>> AssertMatchesRebuildAsync(TestDatabase db)
    {
        await using var context = db.Database.Open();
        var maintained = await Snapshot(context);
        Assert.NotEmpty(maintained);
        await using (var transaction = await context.Database.BeginTransactionAsync())
        {
            await RegionTotals.RebuildAsync(context, db.Database.Provider);
            var rebuilt = await Snapshot(context);
            Assert.Equal(rebuilt.Select(Describe), maintained.Select(Describe));
            await transaction.RollbackAsync();
        }

        return maintained;
    }

    private static Task<List<ValueTotalEntity>> Snapshot(GongkaiDbContext context) =>
        context.ValueTotals.AsNoTracking()
            .OrderBy(t => t.Region).ThenBy(t => t.Category).ThenBy(t => t.Year).ThenBy(t => t.TableId).ThenBy(t => t.RowId).ThenBy(t => t.ColumnId)
            .ToListAsync();

    private static string Describe(ValueTotalEntity t) =>
        $"{t.Region}|{t.Category}|{t.Year}|{t.TableId}.{t.RowId}.{t.ColumnId}={t.Sum:0.####}×{t.Reports}";
}
