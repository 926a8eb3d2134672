using Gongkai.Model.Templates;
using Gongkai.Storage;
using Gongkai.Storage.Entities;
using Gongkai.Web.Aggregates;
using Gongkai.Web.Reports;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Web.Tests;

/// <summary>The dashboards' sums from the rollup equal the sums of the selected reports' own values.</summary>
public sealed class RollupTests(GongkaiApp app) : IClassFixture<GongkaiApp>
{
    // Region, kind, year, from, to, and how many of the five seed reports that selects.
    public static TheoryData<string?, AgencyCategory?, int?, int?, int?, int> Filters => new()
    {
        { null, null, null, null, null, 5 },
        { "资阳", null, null, null, null, 2 },
        { "资阳市", AgencyCategory.Department, null, null, null, 2 },
        { "资阳市/", null, null, null, null, 1 },
        { null, AgencyCategory.Department, null, null, null, 5 },
        { null, null, 2020, null, null, 1 },
        { null, null, null, 2021, 2023, 3 },
        { "资阳", null, null, 2019, 2020, 1 },
        { "广东省", null, null, null, null, 0 },
    };

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task Rollup_sums_equal_the_reports_own_values(string? region, AgencyCategory? kind, int? year, int? yearFrom, int? yearTo, int reports)
    {
        var filter = new ReportFilter { Region = region, Kind = kind, Year = year, YearFrom = yearFrom, YearTo = yearTo };
        Assert.True(filter.SelectsByRegionKindAndYearOnly);
        await using var context = app.Services.GetRequiredService<Database>().Open();
        var fromValues = await SelectionTotals.FromValuesAsync(filter, context, CancellationToken.None);
        var fromRollup = await SelectionTotals.FromRollupAsync(filter, context, CancellationToken.None);

        Assert.Equal(fromValues.Reports, fromRollup.Reports);
        Assert.Equal(reports, fromRollup.Reports);
        Assert.Equal(fromValues.Years, fromRollup.Years);
        foreach (var table in new[] { Ids.Tables.Requests, Ids.Tables.Review }.SelectMany(id => TemplateCatalog.All.Select(t => t.Table(id))).OfType<TableDefinition>())
        {
            foreach (var row in table.Rows)
            {
                foreach (var field in row.Fields)
                {
                    Assert.Equal(fromValues.Value(table.Id, row.Id, field.Id), fromRollup.Value(table.Id, row.Id, field.Id));
                    foreach (var y in fromValues.Years)
                    {
                        Assert.Equal(fromValues.Value(y, table.Id, row.Id, field.Id), fromRollup.Value(y, table.Id, row.Id, field.Id));
                    }
                }
            }
        }
    }

    [Fact]
    public async Task A_selection_the_rollup_is_not_grouped_by_is_summed_from_the_reports()
    {
        var filter = new ReportFilter { Errors = true };
        Assert.False(filter.SelectsByRegionKindAndYearOnly);
        await using var context = app.Services.GetRequiredService<Database>().Open();
        await Assert.ThrowsAsync<ArgumentException>(() => SelectionTotals.FromRollupAsync(filter, context, CancellationToken.None));
        var totals = await SelectionTotals.ComputeAsync(filter, context, CancellationToken.None);
        Assert.Equal((await SelectionTotals.FromValuesAsync(filter, context, CancellationToken.None)).Value(Ids.Tables.Requests, Ids.Requests.Total, Ids.Requests.TotalColumn),
            totals.Value(Ids.Tables.Requests, Ids.Requests.Total, Ids.Requests.TotalColumn));
    }
}
