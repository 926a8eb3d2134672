using System.Globalization;
using Gongkai.Storage.Entities;

namespace Gongkai.Web.Infrastructure;

/// <summary>How the pages print categories and values.</summary>
public static class Names
{
    public static string Category(AgencyCategory category) => category switch
    {
        AgencyCategory.Government => "人民政府",
        AgencyCategory.Department => "政府部门",
        AgencyCategory.Township => "乡镇街道",
        _ => "其他",
    };

    /// <summary>A stated value as written; an unstated one as an em dash, never 0.</summary>
    public static string Value(decimal? value) => value is { } v ? Number(v) : "—";

    /// <summary>A number without trailing zeros (a sum read back from the database as 4.0 prints 4).</summary>
    public static string Number(decimal value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
