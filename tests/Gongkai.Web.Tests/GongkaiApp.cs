using Gongkai.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Gongkai.Web.Tests;

/// <summary>The whole web app on a fresh SQLite file, with the reports of <see cref="SeedFolder"/> imported at start-up.</summary>
public abstract class SqliteApp : WebApplicationFactory<Program>
{
    private readonly string _database = Path.Combine(Path.GetTempPath(), $"gongkai-web-{Guid.NewGuid():N}.db");

    protected abstract string SeedFolder { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:Gongkai", $"Data Source={_database};Pooling=False");
        builder.UseSetting("Gongkai:SeedFolder", SeedFolder);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        File.Delete(_database);
    }
}

/// <summary>The web app with the five seed reports.</summary>
public sealed class GongkaiApp : SqliteApp
{
    protected override string SeedFolder => SharedData.Seeds;
}
