using Gongkai.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Gongkai.Web.Tests;

/// <summary>The whole web app on a real SQLite file, with the seed reports imported at start-up.</summary>
public sealed class GongkaiApp : WebApplicationFactory<Program>
{
    private readonly string _database = Path.Combine(Path.GetTempPath(), $"gongkai-web-{Guid.NewGuid():N}.db");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:Gongkai", $"Data Source={_database};Pooling=False");
        builder.UseSetting("Gongkai:SeedFolder", SharedData.Seeds);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        File.Delete(_database);
    }
}
