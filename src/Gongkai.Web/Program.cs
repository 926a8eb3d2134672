using Gongkai.Web.Infrastructure;
using Gongkai.Web.Exports;
using Gongkai.Web.Reports;

var builder = WebApplication.CreateBuilder(args);

// Storage: SQLite in data/ by default, PostgreSQL when ConnectionStrings:Gongkai says Host=…
builder.AddGongkaiStorage();

// Pages (server-rendered, Simplified Chinese: written as characters, not entities) and the JSON API described by OpenAPI.
builder.Services.AddRazorPages();
builder.Services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(options =>
    options.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
builder.Services.AddOpenApi();

var app = builder.Build();

// Schema migrations, then the reports in Gongkai:SeedFolder (idempotent: unchanged bytes stay).
await app.PrepareDatabaseAsync();

app.UseStaticFiles();
app.MapRazorPages();
app.MapOpenApi();
app.MapReportsApi();
app.MapExportsApi();

app.Run();

/// <summary>The entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
