using Gongkai.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Storage.Tests;

public sealed class RegionFilterTests
{
    public static TheoryData<string, string, string[]> Cases => new()
    {
        { "sqlite", "资阳", ["资阳市", "资阳市/雁江区", "资阳市/雁江区/宝台镇"] },
        { "sqlite", "资阳市/", ["资阳市/雁江区", "资阳市/雁江区/宝台镇"] },
        { "sqlite", "四川省", ["四川省/资阳市"] },
        { "sqlite", "广东", [] },
        { "postgres", "资阳", ["资阳市", "资阳市/雁江区", "资阳市/雁江区/宝台镇"] },
        { "postgres", "资阳市/", ["资阳市/雁江区", "资阳市/雁江区/宝台镇"] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_region_prefix_selects_exactly_the_agencies_whose_path_starts_with_it(string engine, string prefix, string[] expected)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        await using var context = db.Database.Open();
        string[] regions = ["资阳市", "资阳市/雁江区", "资阳市/雁江区/宝台镇", "资中县", "四川省/资阳市", "", "资", "资阴市"];
        context.Agencies.AddRange(regions.Select((r, i) => new AgencyEntity { Key = $"k{i}", Name = $"机关{i}", Region = r }));
        await context.SaveChangesAsync();

        var selected = await context.Agencies.InRegion(context, prefix).Select(a => a.Region).ToListAsync();
        Assert.Equal(expected, selected.Order(StringComparer.Ordinal));
    }
}
