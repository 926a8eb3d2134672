using System.Globalization;
using Gongkai.Documents;
using Gongkai.Model.Templates;
using Gongkai.Storage;
using Gongkai.Web.Agencies;
using Gongkai.Web.Aggregates;
using Gongkai.Web.Infrastructure;
using Gongkai.Web.Reports;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Exports;

/// <summary>Aggregates and exports of any selection: JSON, XLSX in the official layout, CSV and XLSX lists.</summary>
internal static class ExportsApi
{
    private static readonly string[] Formats = ["csv", "xlsx"];

    public static void MapExportsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/aggregate/requests", async ([AsParameters] ReportFilter filter, GongkaiDbContext context, CancellationToken cancellationToken) =>
        {
            var totals = await SelectionTotals.ComputeAsync(filter, context, cancellationToken).ConfigureAwait(false);
            var rows = totals.Rows(TemplateCatalog.V2021.Table(Ids.Tables.Requests)!);
            return TypedResults.Ok(new { reports = totals.Reports, requests = rows, unsplitOtherHandling = totals.UnsplitOtherHandling });
        })
        .WithTags("Aggregates")
        .WithName("AggregateRequests")
        .WithSummary("所选报告的表三逐格合计（2021版行列；2019版“(六)其他处理”单列给出）");

        app.MapGet("/api/dashboard", async ([AsParameters] ReportFilter filter, GongkaiDbContext context, CancellationToken cancellationToken) =>
        {
            var d = await Dashboard.ComputeAsync(filter, context, cancellationToken).ConfigureAwait(false);
            return TypedResults.Ok(new
            {
                reports = d.Totals.Reports, agencies = d.Agencies, late = d.Late, withErrors = d.WithErrors,
                requests = d.Totals.Rows(TemplateCatalog.V2021.Table(Ids.Tables.Requests)!),
                review = d.Totals.Rows(TemplateCatalog.V2021.Table(Ids.Tables.Review)!),
                unsplitOtherHandling = d.Totals.UnsplitOtherHandling,
                outcomes = d.Outcomes, denialReasons = d.DenialReasons, years = d.Years, trend = d.Trend, problems = d.Problems,
            });
        })
        .CacheOutput(AggregateCache.Policy)
        .WithTags("Aggregates")
        .WithName("Dashboard")
        .WithSummary("汇总看板：表三、表四合计，办理结果构成，不予公开理由，历年趋势，逾期或有错误的报告");

        app.MapGet("/export/requests.xlsx", async ([AsParameters] ReportFilter filter, GongkaiDbContext context, CancellationToken cancellationToken) =>
        {
            var totals = await SelectionTotals.ComputeAsync(filter, context, cancellationToken).ConfigureAwait(false);
            return Workbook([RequestsSheet(totals)], "表三-收到和处理政府信息公开申请情况.xlsx");
        })
        .WithTags("Exports")
        .WithName("ExportRequestsXlsx")
        .WithSummary("所选报告的表三合计，按官方格式（合并表头）导出为 XLSX");

        app.MapGet("/export/totals.xlsx", async ([AsParameters] ReportFilter filter, GongkaiDbContext context, CancellationToken cancellationToken) =>
        {
            var totals = await SelectionTotals.ComputeAsync(filter, context, cancellationToken).ConfigureAwait(false);
            var review = TemplateCatalog.V2021.Table(Ids.Tables.Review)!;
            return Workbook(
                [RequestsSheet(totals), new TableSheet("行政复议、行政诉讼情况", review, totals.Cells(Ids.Tables.Review), Notes(totals))],
                "表三表四合计.xlsx");
        })
        .WithTags("Exports")
        .WithName("ExportTotalsXlsx")
        .WithSummary("所选报告的表三、表四合计，按官方格式导出为 XLSX（两个工作表）");

        app.MapGet("/export/totals.csv", async ([AsParameters] ReportFilter filter, GongkaiDbContext context, CancellationToken cancellationToken) =>
        {
            var totals = await SelectionTotals.ComputeAsync(filter, context, cancellationToken).ConfigureAwait(false);
            var rows = new List<IReadOnlyList<object?>>();
            foreach (var table in new[] { TemplateCatalog.V2021.Table(Ids.Tables.Requests)!, TemplateCatalog.V2021.Table(Ids.Tables.Review)! })
            {
                foreach (var row in table.Rows)
                {
                    foreach (var field in row.Fields)
                    {
                        rows.Add([table.Id, row.Id, row.PrintedLabel, field.Id, field.Label, totals.Value(table.Id, row.Id, field.Id)]);
                    }
                }
            }

            return new ListExport("合计", ["table", "row", "row_label", "column", "column_label", "value"], rows).File("csv", "totals");
        })
        .WithTags("Exports")
        .WithName("ExportTotalsCsv")
        .WithSummary("所选报告的表三、表四合计，长格式 CSV（每格一行；空值表示均未载明）");

        foreach (var format in Formats)
        {
            app.MapGet($"/export/reports.{format}", async ([AsParameters] ReportFilter filter, GongkaiDbContext context, CancellationToken cancellationToken) =>
            {
                var items = await filter.Items(context).ToListAsync(cancellationToken).ConfigureAwait(false);
                var rows = items.Select(r => (IReadOnlyList<object?>)[r.Id, r.Agency, r.Region, r.Year, r.Template, r.Published, r.Late, r.Errors, r.Warnings, r.Version, r.FileName]).ToList();
                return new ListExport("报告", ["id", "agency", "region", "year", "template", "published", "late", "errors", "warnings", "version", "file"], rows).File(format, "reports");
            })
            .WithTags("Exports")
            .WithName("ExportReports" + char.ToUpperInvariant(format[0]) + format[1..])
            .WithSummary($"所选报告列表导出为 {format.ToUpperInvariant()}（CSV 为 UTF-8 带 BOM，Excel 可直接识别中文）");

            app.MapGet($"/export/agencies.{format}", async ([AsParameters] AgencyFilter filter, GongkaiDbContext context, CancellationToken cancellationToken) =>
            {
                var items = await filter.AllAsync(context, cancellationToken).ConfigureAwait(false);
                var rows = items.Select(a => (IReadOnlyList<object?>)[a.Id, a.Name, a.Region, a.Kind.ToString(), a.Reports, a.FirstYear, a.LastYear, a.WithErrors]).ToList();
                return new ListExport("机关", ["id", "name", "region", "kind", "reports", "first_year", "last_year", "with_errors"], rows).File(format, "agencies");
            })
            .WithTags("Exports")
            .WithName("ExportAgencies" + char.ToUpperInvariant(format[0]) + format[1..])
            .WithSummary($"机关名录导出为 {format.ToUpperInvariant()}");
        }
    }

    private static TableSheet RequestsSheet(SelectionTotals totals) =>
        new("收到和处理政府信息公开申请情况", TemplateCatalog.V2021.Table(Ids.Tables.Requests)!, totals.Cells(Ids.Tables.Requests), Notes(totals));

    private static List<string> Notes(SelectionTotals totals)
    {
        var notes = new List<string> { $"合计 {totals.Reports} 份报告（当前版本）；空白表示所选报告均未载明。" };
        if (totals.UnsplitOtherHandling is { } other)
        {
            notes.Add($"其中2019版报告“（六）其他处理”合计 {other.ToString(CultureInfo.InvariantCulture)} 件，未能拆分到2021版子项。");
        }

        return notes;
    }

    private static Microsoft.AspNetCore.Http.HttpResults.FileContentHttpResult Workbook(IReadOnlyList<TableSheet> sheets, string name)
    {
        using var stream = new MemoryStream();
        TableWorkbook.Write(stream, sheets);
        return TypedResults.File(stream.ToArray(), ListExport.XlsxType, name);
    }
}
