using FsCheck.Xunit;
using Gongkai.Model;
using Gongkai.Model.Templates;
using Gongkai.Testing;

namespace Gongkai.Ingestion.Tests.RoundTrip;

/// <summary>parse(render(report)) == report, over hundreds of random reports per layout.</summary>
public sealed class RoundTripProperties
{
    private const int Reports = 200;

    [Property(MaxTest = Reports)]
    public void Cell_per_line(int seed, bool traditional, bool chrome) => Check(seed, Layout.CellPerLine, traditional, chrome);

    [Property(MaxTest = Reports)]
    public void Pipe_rows(int seed, bool traditional, bool chrome) => Check(seed, Layout.PipeRows, traditional, chrome);

    [Property(MaxTest = Reports)]
    public void Markdown_tables(int seed, bool traditional, bool chrome) => Check(seed, Layout.Markdown, traditional, chrome);

    [Property(MaxTest = Reports)]
    public void Html_tables(int seed, bool traditional, bool chrome) => Check(seed, Layout.Html, traditional, chrome);

    internal static void Check(int seed, Layout layout, bool traditional, bool chrome)
    {
        var report = ReportFaker.Create(seed);
        var encoding = (TextEncoding)Math.Abs(seed % 4);
        var options = new RenderOptions(layout, traditional, encoding, chrome, seed);
        var bytes = LayoutRenderer.RenderBytes(report, options);
        var result = ReportReader.Read(bytes, $"fake-{seed}");
        Assert.True(result.Succeeded, $"{options}: {result.Error}");
        AssertSame(report, result.Report!, options);
    }

    internal static void AssertSame(FakeReport expected, AnnualReport actual, RenderOptions options)
    {
        var context = $"[{options}]";
        Assert.Equal(expected.Template.Id, actual.Template.Id);
        Assert.True(expected.Agency == actual.Agency?.Value, $"{context} agency: expected {expected.Agency}, got {actual.Agency?.Value}");
        Assert.Equal(expected.Year, actual.Year?.Value);
        Assert.Equal(expected.Published, actual.Published?.Value);
        foreach (var table in expected.Template.Tables)
        {
            var parsed = actual.Table(table.Id);
            Assert.True(parsed is not null, $"{context} table {table.Id} not read");
            foreach (var row in table.Rows)
            {
                foreach (var field in row.Fields)
                {
                    var want = expected.Value(table.Id, row.Id, field.Id);
                    var got = parsed![row.Id, field.Id];
                    Assert.True(got.Value == want, $"{context} {table.Id}.{row.Id}.{field.Id}: expected {want}, got {got.Value?.ToString() ?? "null"} ({got.State}, raw '{got.Raw}')");
                    if (expected.Units.TryGetValue((table.Id, row.Id, field.Id), out var unit))
                    {
                        Assert.Equal(unit, got.Unit);
                    }
                }
            }
        }

        var arithmetic = actual.ReadProblems.Where(p => p.Severity != Severity.Info).ToList();
        Assert.True(arithmetic.Count == 0, $"{context} unexpected read problems: {string.Join("; ", arithmetic.Select(p => p.Message))}");
        Assert.Equal(6, actual.Sections.Count);
        Assert.Equal(expected.Value(Ids.Tables.Requests, Ids.Requests.NewReceived, Ids.Requests.TotalColumn), actual.Narrative.Single(f => f.Id == "applicationsReceived").Value);
    }
}
