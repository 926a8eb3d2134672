using Gongkai.Ingestion.Values;

namespace Gongkai.Ingestion.Tests.Units;

public sealed class DateReaderTests
{
    [Theory]
    [InlineData("2021-01-31", 2021, 1, 31)]
    [InlineData("2024年1月29日", 2024, 1, 29)]
    [InlineData("2020.3.5", 2020, 3, 5)]
    [InlineData("2020/03/05", 2020, 3, 5)]
    [InlineData("202111日", 2021, 1, 1)]
    [InlineData("20211231日", 2021, 12, 31)]
    public void Reads_dates_including_glyphless_ones(string text, int y, int m, int d) =>
        Assert.Equal(new DateOnly(y, m, d), DateReader.Parse(text));

    [Theory]
    [InlineData("2021121日")]
    [InlineData("2021年13月1日")]
    [InlineData("20211332日")]
    public void Ambiguous_or_impossible_dates_are_not_guessed(string text) => Assert.Null(DateReader.Parse(text));

    [Fact]
    public void Glyphless_dates_are_flagged_as_garbled()
    {
        Assert.True(DateReader.IsGarbled("202111日"));
        Assert.False(DateReader.IsGarbled("2021年1月1日"));
    }
}
