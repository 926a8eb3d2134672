using System.Text;
using Gongkai.Ingestion;
using Gongkai.Model;
using Gongkai.Model.Templates;
using Gongkai.Testing;

namespace Gongkai.Checks.Tests;

/// <summary>Real reports for rule tests: seeds, or generated reports read by the real parser.</summary>
internal static class Reports
{
    public static AnnualReport Seed(string name) => Read(File.ReadAllBytes(Path.Combine(SharedData.Seeds, name)), name);

    public static AnnualReport Read(string text) => Read(Encoding.UTF8.GetBytes(text), "test.txt");

    public static AnnualReport Read(byte[] bytes, string name)
    {
        var result = ReportReader.Read(bytes, name);
        Assert.True(result.Succeeded, result.Error?.ToString());
        return result.Report!;
    }

    /// <summary>A valid generated report's text (pipe rows), for a test to edit before reading.</summary>
    public static string Text(int seed = 1, TemplateDefinition? template = null, Func<FakeReport, FakeReport>? change = null)
    {
        var fake = ReportFaker.Create(seed, template ?? TemplateCatalog.V2021);
        return LayoutRenderer.Render(change?.Invoke(fake) ?? fake, new RenderOptions(Layout.PipeRows, Seed: seed));
    }

    public static AnnualReport Valid(int seed = 1, TemplateDefinition? template = null) => Read(Text(seed, template));

    public static IReadOnlyList<Finding> Findings(AnnualReport report, string code) =>
        [.. ReportChecker.Check(report).Where(f => f.Code == code)];

    /// <summary>Sets a cell to a written number, as if the source had said so.</summary>
    public static void Set(AnnualReport report, string table, string row, string column, decimal value)
    {
        var stat = report.Table(table)!;
        var old = stat[row, column];
        stat[row, column] = old with { State = CellState.Number, Value = value, Raw = value.ToString(System.Globalization.CultureInfo.InvariantCulture) };
    }

    public static decimal Get(AnnualReport report, string table, string row, string column) => report.Table(table)!.Value(row, column)!.Value;
}
