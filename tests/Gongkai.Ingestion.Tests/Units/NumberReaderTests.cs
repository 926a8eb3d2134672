using Gongkai.Ingestion.Values;
using Gongkai.Model;

namespace Gongkai.Ingestion.Tests.Units;

public sealed class NumberReaderTests
{
    [Theory]
    [InlineData("3994000元", 3994000, "元")]
    [InlineData("76.885", 76.885, null)]
    [InlineData("1,234", 1234, null)]
    [InlineData(" 47 ", 47, null)]
    [InlineData("-2", -2, null)]
    [InlineData("12万元", 12, "万元")]
    public void Reads_numbers_as_written(string raw, double value, string? unit)
    {
        var cell = NumberReader.Read(raw, null);
        Assert.Equal(CellState.Number, cell.State);
        Assert.Equal((decimal)value, cell.Value);
        Assert.Equal(unit, cell.Unit);
        Assert.Equal(raw, cell.Raw);
    }

    [Theory]
    [InlineData("", CellState.Blank)]
    [InlineData("   ", CellState.Blank)]
    [InlineData("/", CellState.NotApplicable)]
    [InlineData("—", CellState.NotApplicable)]
    [InlineData("——", CellState.NotApplicable)]
    [InlineData("无", CellState.NotApplicable)]
    [InlineData("见附件", CellState.Unreadable)]
    [InlineData("1,23", CellState.Unreadable)]
    public void Only_a_written_number_is_a_value(string raw, CellState state)
    {
        var cell = NumberReader.Read(raw, null);
        Assert.Equal(state, cell.State);
        Assert.Null(cell.Value);
    }

    [Fact]
    public void Zero_is_a_value_not_a_blank()
    {
        var cell = NumberReader.Read("0", null);
        Assert.Equal(CellState.Number, cell.State);
        Assert.Equal(0m, cell.Value);
    }
}
