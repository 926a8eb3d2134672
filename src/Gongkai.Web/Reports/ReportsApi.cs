using System.Text;
using Gongkai.Ingestion;
using Gongkai.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Reports;

/// <summary>JSON endpoints for what the report pages show.</summary>
internal static class ReportsApi
{
    public static void MapReportsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/reports").WithTags("Reports");

        api.MapGet("/", async ([AsParameters] ReportFilter filter, GongkaiDbContext context, CancellationToken cancellationToken) =>
        {
            var (items, total) = await filter.RunAsync(context, cancellationToken).ConfigureAwait(false);
            return TypedResults.Ok(new { total, page = filter.PageNumber, pageSize = ReportFilter.PageSize, items });
        })
        .WithName("ListReports")
        .WithSummary("当前版本的报告列表，可按地区、机关、年度、格式、发现代码、是否有错误、是否逾期筛选");

        api.MapGet("/{id:int}", async Task<Results<ContentHttpResult, NotFound>> (int id, GongkaiDbContext context, CancellationToken cancellationToken) =>
        {
            var json = await context.ReportDocuments.Where(d => d.ReportId == id).Select(d => d.ModelJson).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            return json is null ? TypedResults.NotFound() : TypedResults.Content(json, "application/json", Encoding.UTF8);
        })
        .WithName("GetReport")
        .WithSummary("一份报告的标准模型（docs/formats/json.md）：表二/三/四、发现、章节、来源位置");

        api.MapGet("/{id:int}/source", async Task<Results<ContentHttpResult, NotFound>> (int id, GongkaiDbContext context, CancellationToken cancellationToken) =>
        {
            var source = await context.SourceFiles.Where(s => s.ReportId == id).Select(s => s.Bytes).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            return source is null ? TypedResults.NotFound() : TypedResults.Content(SourceDecoder.Decode(source) ?? string.Empty, "text/plain", Encoding.UTF8);
        })
        .WithName("GetReportSource")
        .WithSummary("报告原文（解码后的文本；HTML 原样作为文本返回，不作为网页）");

        app.MapGet("/api/compare", async ([FromQuery] int[] ids, GongkaiDbContext context, CancellationToken cancellationToken) =>
        {
            var comparison = await Comparison.LoadAsync(context, ids, cancellationToken).ConfigureAwait(false);
            return TypedResults.Ok(new { comparison.Reports, cells = comparison.Cells.Select(c => new { c.Table, c.Row, c.Column, c.RowLabel, c.ColumnLabel, c.Values, c.Differs }) });
        })
        .WithTags("Reports")
        .WithName("CompareReports")
        .WithSummary($"两份或更多报告（至多{Comparison.MaxReports}份）逐格对比；differs 表示所载数值不同");
    }
}
