using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Gongkai.Storage;
using Gongkai.Storage.Accounts;
using Gongkai.Storage.Postgres;
using Gongkai.Storage.Sqlite;
using Gongkai.Testing;
using Microsoft.Playwright;

namespace Gongkai.Browser.Tests;

/// <summary>
/// The web app as users run it: its own process on a free loopback port, a fresh SQLite file with
/// no reports, one administrator; and Debian's Chromium driven by Playwright.
/// </summary>
public sealed class RunningApp : IAsyncLifetime
{
    public const string AdminName = "admin";
    public const string AdminPassword = "browser-test-password";

    private readonly string _folder = Directory.CreateTempSubdirectory("gongkai-browser-").FullName;
    private Process? _server;
    private IPlaywright? _playwright;

    public Uri Address { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public string Downloads => Path.Combine(_folder, "downloads");

    public async ValueTask InitializeAsync()
    {
        var connection = $"Data Source={Path.Combine(_folder, "gongkai.db")}";
        var database = new Database([new SqliteProvider(), new PostgresProvider()], connection);
        await database.MigrateAsync();
        var (_, errors) = await Administrators.CreateOrResetAsync(database, AdminName, AdminPassword);
        Assert.Empty(errors);

        Address = new Uri($"http://127.0.0.1:{FreePort()}/");
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "Gongkai.Web.dll")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            Environment =
            {
                ["ConnectionStrings__Gongkai"] = connection,
                ["ASPNETCORE_URLS"] = Address.ToString().TrimEnd('/'),
                ["ASPNETCORE_CONTENTROOT"] = Path.Combine(SharedData.RepositoryRoot, "src", "Gongkai.Web"),
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["Logging__LogLevel__Default"] = "Warning",
            },
        };
        _server = Process.Start(start)!;
        _server.OutputDataReceived += (_, _) => { };
        _server.ErrorDataReceived += (_, _) => { };
        _server.BeginOutputReadLine();
        _server.BeginErrorReadLine();
        await WaitUntilServingAsync();

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        Directory.CreateDirectory(Downloads);
    }

    private async Task WaitUntilServingAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        for (var attempt = 0; attempt < 120; attempt++)
        {
            if (_server!.HasExited)
            {
                throw new InvalidOperationException($"The web app exited with code {_server.ExitCode}.");
            }

            try
            {
                using var response = await http.GetAsync(Address);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"The web app did not answer on {Address} within 30 s.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_server is { HasExited: false })
        {
            _server.Kill(entireProcessTree: true);
            await _server.WaitForExitAsync();
        }

        _server?.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
