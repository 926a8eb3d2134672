using Gongkai.Storage.Entities;
using Gongkai.Web.Agencies;

namespace Gongkai.Web.Tests;

public sealed class AgencyTrendTests
{
    private static AgencyYear Year(int year, decimal? received) =>
        new(year, year, 1, "2021", null, null, 0, 0, received, null, null, null, null, null, null, null);

    [Fact]
    public void A_year_without_a_report_stays_on_the_trend_axis_as_a_gap()
    {
        var history = new AgencyHistory(new AgencyEntity { Key = "k", Name = "资阳市财政局" }, [Year(2020, 5), Year(2022, 7), Year(2023, null)], [], 0);

        Assert.Equal([2020, 2021, 2022, 2023], history.Span);
        Assert.Equal([2021], history.MissingYears);
        Assert.Equal([5m, null, 7m, null], history.Series(y => y.Received));
    }

    [Fact]
    public void An_agency_without_reports_has_no_span()
    {
        var history = new AgencyHistory(new AgencyEntity { Key = "k", Name = "资阳市财政局" }, [], [], 0);
        Assert.Empty(history.Span);
        Assert.Empty(history.MissingYears);
    }
}
