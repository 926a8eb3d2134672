using Gongkai.Storage;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Infrastructure;

/// <summary>
/// Dashboards and aggregates are computed once per selection and served from ASP.NET Core's output
/// cache until the data changes: every import adds reports (so the newest report id, part of the
/// cache key, changes, whichever process imported them), and an agency edit in this app evicts
/// them. Requests of a signed-in administrator are not cached (the output cache's default policy);
/// concurrent requests for the same missing entry wait for one computation.
/// </summary>
public static class AggregateCache
{
    public const string Policy = "aggregates";

    private const string Tag = "aggregates";

    public static void AddAggregateCache(this IServiceCollection services) =>
        services.AddOutputCache(options => options.AddPolicy(Policy, policy => policy
            .Expire(TimeSpan.FromMinutes(30))
            .SetVaryByQuery("*")
            .VaryByValue(async (context, cancellationToken) =>
            {
                var db = context.RequestServices.GetRequiredService<GongkaiDbContext>();
                var newest = await db.Reports.MaxAsync(r => (int?)r.Id, cancellationToken).ConfigureAwait(false);
                return new KeyValuePair<string, string>("newest-report", (newest ?? 0).ToString(System.Globalization.CultureInfo.InvariantCulture));
            })
            .Tag(Tag)));

    /// <summary>After a change the newest report id does not show (an agency's region or kind).</summary>
    public static async Task EvictAsync(IOutputCacheStore store, CancellationToken cancellationToken) =>
        await store.EvictByTagAsync(Tag, cancellationToken).ConfigureAwait(false);
}
