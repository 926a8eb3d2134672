using System.Globalization;
using System.Text;
using Gongkai.Checks;
using Gongkai.Ingestion;
using Gongkai.Model.Serialization;
using Gongkai.Testing;
using Gongkai.Web.Reports;

namespace Gongkai.Web.Tests;

/// <summary>
/// The report page's reading of a stored model against the parsed report it was written from:
/// every seed, every drawn cell's value, absence, source line and worst finding, and the findings list.
/// </summary>
public sealed class ReportViewTests
{
    public static TheoryData<string> Seeds() => [.. Directory.GetFiles(SharedData.Seeds).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void The_page_view_shows_each_stated_value_where_the_source_had_it(string seed)
    {
        var report = ReportReader.Read(File.ReadAllBytes(Path.Combine(SharedData.Seeds, seed)), seed).Report!;
        var findings = ReportChecker.Check(report);
        var view = ReportView.Read(Encoding.UTF8.GetString(ReportJson.ToUtf8(seed, report, findings)));

        Assert.Equal(report.Published?.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), view.Published);
        Assert.Equal(report.IndexNumber?.Value, view.IndexNumber);
        Assert.Equal(findings.Select(f => (f.Code, f.Message, f.Location.Span?.Line)), view.Findings.Select(f => (f.Code, f.Message, f.Line)));

        var tables = report.Tables().ToList();
        Assert.Equal(tables.Count, view.Tables.Count);
        foreach (var (table, drawn) in tables.Zip(view.Tables))
        {
            Assert.Equal(table.Definition.Rows.Sum(r => r.Fields.Count), drawn.Values.Count);
            foreach (var (row, field, cell) in table.Cells())
            {
                var shown = drawn.Values[(row.Id, field.Id)];
                Assert.Equal(cell.Value is null, shown.Absent);
                Assert.Equal(cell.Value, shown.Absent ? null : decimal.Parse(shown.Text, CultureInfo.InvariantCulture));
                Assert.Equal(cell.Value is null ? null : cell.Span?.Line, shown.Absent ? null : shown.Line);
                var onCell = findings.Where(f => f.Location.Table == table.Id && f.Location.Row == row.Id && f.Location.Column == field.Id).ToList();
                var worst = onCell.Count == 0 ? null : onCell.Max(f => f.Severity).ToString().ToLowerInvariant();
                Assert.Equal(worst, shown.Severity);
            }
        }
    }

    [Fact]
    public void Seed_002s_broken_total_is_marked_as_an_error_on_its_cell()
    {
        const string seed = "002_b423b0293a9d3bd4.txt";
        var report = ReportReader.Read(File.ReadAllBytes(Path.Combine(SharedData.Seeds, seed)), seed).Report!;
        var view = ReportView.Read(Encoding.UTF8.GetString(ReportJson.ToUtf8(seed, report, ReportChecker.Check(report))));
        var total = view.Tables.Single(t => t.Title.StartsWith("表三", StringComparison.Ordinal)).Values[("total", "naturalPerson")];
        Assert.Equal(("0", "error", 493), (total.Text, total.Severity, total.Line));
        Assert.Contains("[R1]", total.Findings, StringComparison.Ordinal);
    }
}
