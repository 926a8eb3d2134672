using Gongkai.Storage.Agencies;
using Gongkai.Storage.Entities;

namespace Gongkai.Storage.Tests;

public sealed class AgencyNamesTests
{
    [Theory]
    [InlineData("资阳市财政局", null, "资阳市财政局", "资阳市")]
    [InlineData("市财政局", "四川省/资阳市", "资阳市财政局", "四川省/资阳市")]
    [InlineData("区财政局(区国资办)", "浙江省/绍兴市/上虞区", "上虞区财政局", "浙江省/绍兴市/上虞区")]
    [InlineData("上虞区财政局（区国资办）", null, "上虞区财政局", "上虞区")]
    [InlineData("资阳市雁江区人民政府办公室", "四川省", "资阳市雁江区人民政府办公室", "四川省/资阳市/雁江区")]
    [InlineData("昌吉州 财政局", null, "昌吉州财政局", "昌吉州")]
    public void Names_normalise_to_one_key_per_agency(string name, string? region, string key, string expectedRegion)
    {
        var identity = AgencyNames.Identify(name, region);
        Assert.Equal(key, identity.Key);
        Assert.Equal(expectedRegion, identity.Region);
    }

    [Theory]
    [InlineData("资阳市人民政府", AgencyCategory.Government)]
    [InlineData("雁江区丰裕镇人民政府", AgencyCategory.Township)]
    [InlineData("城东街道办事处", AgencyCategory.Township)]
    [InlineData("资阳市财政局", AgencyCategory.Department)]
    [InlineData("资阳市雁江区人民政府办公室", AgencyCategory.Department)]
    [InlineData("资阳市图书馆", AgencyCategory.Other)]
    public void Categories_come_from_the_name(string name, AgencyCategory category) =>
        Assert.Equal(category, AgencyNames.Categorize(name));
}
