using Microsoft.AspNetCore.Http.HttpResults;
using Gongkai.Storage;

namespace Gongkai.Web.Agencies;

/// <summary>JSON endpoints for the agency pages.</summary>
internal static class AgenciesApi
{
    public static void MapAgenciesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/agencies").WithTags("Agencies");

        api.MapGet("/", async ([AsParameters] AgencyFilter filter, GongkaiDbContext context, CancellationToken cancellationToken) =>
        {
            var (items, total) = await filter.RunAsync(context, cancellationToken).ConfigureAwait(false);
            return TypedResults.Ok(new { total, page = filter.PageNumber, pageSize = AgencyFilter.PageSize, items });
        })
        .WithName("ListAgencies")
        .WithSummary("机关名录，可按名称、地区、类别查找");

        api.MapGet("/{id:int}", async Task<Results<Ok<AgencyHistoryResponse>, NotFound>> (int id, GongkaiDbContext context, CancellationToken cancellationToken) =>
        {
            var history = await AgencyHistory.LoadAsync(context, id, cancellationToken).ConfigureAwait(false);
            return history is null
                ? TypedResults.NotFound()
                : TypedResults.Ok(new AgencyHistoryResponse(history.Agency.Id, history.Agency.Name, history.Agency.Region, history.Agency.Category.ToString(), history.Years, history.CrossYear));
        })
        .WithName("GetAgency")
        .WithSummary("一个机关的历年报告、趋势数字与跨年度核对（XY1、XY2）");
    }
}

/// <summary>An agency across its years, as the API returns it.</summary>
public sealed record AgencyHistoryResponse(int Id, string Name, string Region, string Kind, IReadOnlyList<AgencyYear> Years, IReadOnlyList<AgencyYearFinding> CrossYear);
