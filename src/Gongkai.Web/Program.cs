using Gongkai.Storage;
using Gongkai.Storage.Accounts;
using Microsoft.AspNetCore.Identity;
using Scalar.AspNetCore;
using Gongkai.Web.Infrastructure;
using Gongkai.Web.Agencies;
using Gongkai.Web.Exports;
using Gongkai.Web.Reports;

var builder = WebApplication.CreateBuilder(args);

// Storage: SQLite in data/ by default, PostgreSQL when ConnectionStrings:Gongkai says Host=…
builder.AddGongkaiStorage();

// Pages (server-rendered, Simplified Chinese: written as characters, not entities) and the JSON API described by OpenAPI.
// Administrators (ASP.NET Core Identity, accounts from `gongkai admin create`): upload and registry edits. Public pages need no login.
builder.Services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
builder.Services.AddIdentityCore<IdentityUser>(Administrators.Configure)
    .AddEntityFrameworkStores<GongkaiDbContext>()
    .AddSignInManager();
builder.Services.ConfigureApplicationCookie(options =>
{
    options.LoginPath = "/account/login";
    options.Cookie.Name = "gongkai.auth";
    options.Cookie.HttpOnly = true;
    options.Cookie.SameSite = SameSiteMode.Strict;
});
builder.Services.AddAuthorization();
builder.Services.AddRazorPages(options => options.Conventions.AuthorizeFolder("/Admin"));
builder.Services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(options =>
    options.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
builder.Services.AddOpenApi();
builder.Services.AddAggregateCache();

var app = builder.Build();

// Schema migrations, then the reports in Gongkai:SeedFolder (idempotent: unchanged bytes stay).
await app.PrepareDatabaseAsync();

app.UseStaticFiles();
app.UseAuthentication();
app.UseAuthorization();
app.UseOutputCache();
app.MapRazorPages();
app.MapOpenApi();

// The interactive API reference (Scalar, served from the package, no CDN): /api-reference/v1
app.MapScalarApiReference("/api-reference", options => options.WithTitle("公开 Gongkai API"));
app.MapReportsApi();
app.MapAgenciesApi();
app.MapExportsApi();

app.Run();

/// <summary>The entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
