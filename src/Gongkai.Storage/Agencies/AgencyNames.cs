using System.Text;
using System.Text.RegularExpressions;
using Gongkai.Storage.Entities;

namespace Gongkai.Storage.Agencies;

/// <summary>An agency as the registry files it: matching key, region path, category.</summary>
public sealed record AgencyIdentity(string Key, string Name, string Region, AgencyCategory Category);

/// <summary>
/// Normalises agency names so one agency's reports link up over the years: NFKC, no white space,
/// no parenthesised second name (区财政局(区国资办) → 区财政局), and a name that starts at an
/// administrative level (市财政局) qualified with the region (资阳市财政局). The region comes from
/// the name's own place prefix (资阳市雁江区…) merged with the import's <c>--region</c>.
/// </summary>
public static partial class AgencyNames
{
    public static AgencyIdentity Identify(string name, string? regionHint = null)
    {
        var clean = Clean(name);
        var core = Parenthesised().Replace(clean, string.Empty);
        var hint = SplitRegion(regionHint);
        var own = RegionPrefix(core);
        var region = Merge(hint, own);

        var key = core;
        if (core.Length > 0 && "市州区县旗".Contains(core[0], StringComparison.Ordinal)
            && region.LastOrDefault(r => r.EndsWith(core[0])) is { } place)
        {
            // 市财政局 in 资阳市 → 资阳市财政局: the place takes the bare level's place.
            key = place + core[1..];
        }

        return new AgencyIdentity(key, name.Trim(), string.Join('/', region), Categorize(core));
    }

    public static AgencyCategory Categorize(string name)
    {
        if (Township().IsMatch(name))
        {
            return AgencyCategory.Township;
        }

        if (name.EndsWith("人民政府", StringComparison.Ordinal))
        {
            return AgencyCategory.Government;
        }

        return DepartmentSuffix().IsMatch(name) ? AgencyCategory.Department : AgencyCategory.Other;
    }

    private static string Clean(string name)
    {
        var normalized = name.Normalize(NormalizationForm.FormKC);
        var builder = new StringBuilder(normalized.Length);
        foreach (var c in normalized)
        {
            if (!char.IsWhiteSpace(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static List<string> SplitRegion(string? region) =>
        string.IsNullOrWhiteSpace(region) ? [] : [.. region.Split('/', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Clean)];

    /// <summary>The place names a name starts with: 四川省资阳市雁江区人民政府 → 四川省, 资阳市, 雁江区.</summary>
    private static List<string> RegionPrefix(string name)
    {
        var m = PlacePrefix().Match(name);
        return [.. new[] { m.Groups["p"], m.Groups["c"], m.Groups["d"] }.Where(g => g.Success).Select(g => g.Value)];
    }

    /// <summary>The hint, extended by the name's own places that the hint does not already hold.</summary>
    private static List<string> Merge(List<string> hint, List<string> own)
    {
        var merged = new List<string>(hint);
        foreach (var place in own.Where(p => !merged.Contains(p)))
        {
            merged.Add(place);
        }

        return merged;
    }

    [GeneratedRegex(@"\([^()]*\)$")]
    private static partial Regex Parenthesised();

    [GeneratedRegex(@"^(?<p>[\u4e00-\u9fff]{2,7}?(?:省|自治区))?(?<c>[\u4e00-\u9fff]{2,7}?(?:市|州|盟|地区))?(?<d>[\u4e00-\u9fff]{2,7}?(?:区|县|旗))?(?=[\u4e00-\u9fff])")]
    private static partial Regex PlacePrefix();

    [GeneratedRegex(@"(?:镇|乡|街道办事处|街道)(?:人民政府)?$")]
    private static partial Regex Township();

    [GeneratedRegex(@"(?:局|委员会|委|办公室|办公厅|办|厅|署|院|中心|处|所|站|会)$")]
    private static partial Regex DepartmentSuffix();
}
