using Gongkai.Model.Templates;
using Gongkai.Testing;

namespace Gongkai.Web.Tests;

/// <summary>
/// The web app over generated reports of one agency for 2021–2023 (2021 format, HTML pages): 2022
/// carries over exactly what 2021 carried forward; 2023's 自然人 上年结转 is 2 more than 2022's 结转.
/// </summary>
public sealed class HistoryApp : SqliteApp
{
    public const string Agency = "绵阳市审计局";

    private readonly string _folder = Directory.CreateTempSubdirectory("gongkai-history-").FullName;

    public HistoryApp()
    {
        FakeReport? previous = null;
        foreach (var year in new[] { 2021, 2022, 2023 })
        {
            var report = ReportFaker.Create(year, TemplateCatalog.V2021) with { Agency = Agency, Year = year, Published = new DateOnly(year + 1, 1, 20) };
            if (previous is not null)
            {
                var values = new Dictionary<(string, string, string), decimal>(report.Values);
                foreach (var column in TemplateCatalog.V2021.Table(Ids.Tables.Requests)!.Columns)
                {
                    var carried = previous.Value(Ids.Tables.Requests, Ids.Requests.CarriedForward, column.Id);
                    values[(Ids.Tables.Requests, Ids.Requests.CarriedOver, column.Id)] = carried + (year == 2023 && column.Id is "naturalPerson" or Ids.Requests.TotalColumn ? 2 : 0);
                }

                report = report with { Values = values };
            }

            PreviousCarriedForward[year] = report.Value(Ids.Tables.Requests, Ids.Requests.CarriedForward, "naturalPerson");
            Received[year] = report.Value(Ids.Tables.Requests, Ids.Requests.NewReceived, Ids.Requests.TotalColumn);
            File.WriteAllBytes(Path.Combine(_folder, $"{year}.html"), LayoutRenderer.RenderBytes(report, new RenderOptions(Layout.Html, Seed: year)));
            previous = report;
        }
    }

    /// <summary>表三 自然人 结转下年度 of each year as generated.</summary>
    public Dictionary<int, decimal> PreviousCarriedForward { get; } = [];

    /// <summary>表三 本年新收 总计 of each year as generated.</summary>
    public Dictionary<int, decimal> Received { get; } = [];

    protected override string SeedFolder => _folder;

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Directory.Delete(_folder, recursive: true);
    }
}
