using Gongkai.Storage.Entities;

namespace Gongkai.Storage;

/// <summary>Selecting agencies by region path prefix (四川省/资阳市 selects its counties too).</summary>
public static class RegionFilter
{
    /// <summary>
    /// Agencies whose region starts with <paramref name="prefix"/>. SQLite cannot use the region
    /// index for LIKE (what StartsWith becomes) and scans every agency for each list or count; its
    /// BINARY collation orders text byte by byte in UTF-8, so the prefix is the index range
    /// [prefix, prefix + U+10FFFF). Other engines order text by their collation: StartsWith.
    /// </summary>
    public static IQueryable<AgencyEntity> InRegion(this IQueryable<AgencyEntity> agencies, GongkaiDbContext context, string prefix)
    {
        if (context.Database.ProviderName != "Microsoft.EntityFrameworkCore.Sqlite")
        {
            return agencies.Where(a => a.Region.StartsWith(prefix));
        }

        var end = prefix + char.ConvertFromUtf32(0x10FFFF);
        return agencies.Where(a => string.Compare(a.Region, prefix) >= 0 && string.Compare(a.Region, end) < 0);
    }
}
