using System.Globalization;
using System.Text;
using Gongkai.Documents;
using Gongkai.Model.Templates;
using Gongkai.Storage;
using Gongkai.Web.Reports;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Exports;

/// <summary>Aggregates and exports of any report selection: JSON, XLSX in the official layout, CSV.</summary>
internal static class ExportsApi
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static void MapExportsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/aggregate/requests", async ([AsParameters] ReportFilter filter, GongkaiDbContext context, CancellationToken cancellationToken) =>
        {
            var aggregate = await RequestsAggregate.ComputeAsync(filter, context, cancellationToken).ConfigureAwait(false);
            var table = TemplateCatalog.V2021.Table(Ids.Tables.Requests)!;
            var rows = table.Rows.ToDictionary(r => r.Id, r => r.Fields.Select(f => aggregate.Value(r.Id, f.Id)).ToArray());
            return TypedResults.Ok(new { reports = aggregate.Reports, requests = rows, unsplitOtherHandling = aggregate.UnsplitOtherHandling });
        })
        .WithTags("Aggregates")
        .WithName("AggregateRequests")
        .WithSummary("所选报告的表三逐格合计（2021版行列；2019版“(六)其他处理”单列给出）");

        app.MapGet("/export/requests.xlsx", async ([AsParameters] ReportFilter filter, GongkaiDbContext context, CancellationToken cancellationToken) =>
        {
            var aggregate = await RequestsAggregate.ComputeAsync(filter, context, cancellationToken).ConfigureAwait(false);
            var table = TemplateCatalog.V2021.Table(Ids.Tables.Requests)!;
            var notes = new List<string> { $"合计 {aggregate.Reports} 份报告（当前版本）；空白表示所选报告均未载明。" };
            if (aggregate.UnsplitOtherHandling is { } other)
            {
                notes.Add($"其中2019版报告“（六）其他处理”合计 {other.ToString(CultureInfo.InvariantCulture)} 件，未能拆分到2021版子项。");
            }

            var stream = new MemoryStream();
            TableWorkbook.Write(stream, "收到和处理政府信息公开申请情况", table, aggregate.Value, notes);
            stream.Position = 0;
            return TypedResults.File(stream, Xlsx, "表三-收到和处理政府信息公开申请情况.xlsx");
        })
        .WithTags("Exports")
        .WithName("ExportRequestsXlsx")
        .WithSummary("所选报告的表三合计，按官方格式（合并表头）导出为 XLSX");

        app.MapGet("/export/reports.csv", async ([AsParameters] ReportFilter filter, GongkaiDbContext context, CancellationToken cancellationToken) =>
        {
            var builder = new StringBuilder("id,agency,region,year,template,published,late,errors,warnings,version,file\n");
            await foreach (var r in filter.Items(context).AsAsyncEnumerable().WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                builder.AppendJoin(',', r.Id.ToString(CultureInfo.InvariantCulture), Csv(r.Agency), Csv(r.Region), r.Year?.ToString(CultureInfo.InvariantCulture), r.Template,
                    r.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), r.Late?.ToString().ToLowerInvariant(), r.Errors.ToString(CultureInfo.InvariantCulture),
                    r.Warnings.ToString(CultureInfo.InvariantCulture), r.Version.ToString(CultureInfo.InvariantCulture), Csv(r.FileName)).Append('\n');
            }

            return TypedResults.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(builder.ToString())).ToArray(), "text/csv; charset=utf-8", "reports.csv");
        })
        .WithTags("Exports")
        .WithName("ExportReportsCsv")
        .WithSummary("所选报告列表导出为 CSV（UTF-8，带 BOM 以便 Excel 识别中文）");
    }

    private static string Csv(string? field) =>
        field is null ? string.Empty : field.IndexOfAny([',', '"', '\n']) < 0 ? field : "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
