using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Gongkai.Model.Templates;
using Gongkai.Testing;

namespace Gongkai.Cli.Tests;

/// <summary><c>gongkai import --urls</c> against a local HTTP server: reports, a GB18030 page, 404, a timeout, an oversized page.</summary>
public sealed class UrlImportTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("gongkai-urls-").FullName;
    private readonly HttpListener _server = new();
    private readonly ConcurrentQueue<(string Path, long Ticks)> _requests = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly string _prefix;

    public UrlImportTests()
    {
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            _prefix = $"http://127.0.0.1:{((IPEndPoint)probe.LocalEndpoint).Port}/";
        }

        _server.Prefixes.Add(_prefix);
        _server.Start();
        _ = Task.Run(ServeAsync);

        // One request first, so that the server's own start-up does not delay the timed ones.
        using var warmUp = new HttpClient();
        using var answer = warmUp.GetAsync(new Uri(_prefix + "warm-up")).GetAwaiter().GetResult();
        _requests.Clear();
    }

    // Rendered before the server starts, so that requests are timed as they arrive.
    private readonly byte[] _gbk = LayoutRenderer.RenderBytes(
        ReportFaker.Create(5, TemplateCatalog.V2021) with { Agency = "南充市民政局" },
        new RenderOptions(Layout.Html, Encoding: TextEncoding.Gb18030));

    private async Task ServeAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _server.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            var path = context.Request.Url!.AbsolutePath;
            _requests.Enqueue((path, Stopwatch.GetTimestamp()));
            _ = Task.Run(async () =>
            {
                var response = context.Response;
                try
                {
                    switch (path)
                    {
                        case "/report/002":
                            await Write(response, await File.ReadAllBytesAsync(Path.Combine(SharedData.Seeds, "002_b423b0293a9d3bd4.txt")), "text/html");
                            break;
                        case "/report/gbk":
                            await Write(response, _gbk, "text/html");
                            break;
                        case "/slow":
                            await Task.Delay(TimeSpan.FromSeconds(5), _stop.Token);
                            await Write(response, "太迟了"u8.ToArray(), "text/plain");
                            break;
                        case "/big":
                            response.ContentLength64 = 40L * 1024 * 1024;
                            await response.OutputStream.WriteAsync(new byte[1024]);
                            response.Abort();
                            break;
                        default:
                            response.StatusCode = 404;
                            response.Close();
                            break;
                    }
                }
                catch (Exception e) when (e is HttpListenerException or OperationCanceledException or ObjectDisposedException or IOException)
                {
                }
            });
        }
    }

    private static async Task Write(HttpListenerResponse response, byte[] body, string type)
    {
        response.ContentType = type;
        response.ContentLength64 = body.Length;
        await response.OutputStream.WriteAsync(body);
        response.Close();
    }

    public void Dispose()
    {
        _stop.Cancel();
        _server.Close();
        _stop.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public void Url_list_imports_what_answers_and_names_every_failure()
    {
        var list = Path.Combine(_folder, "urls.txt");
        File.WriteAllLines(list,
        [
            "# 资阳、南充的报告",
            _prefix + "report/002",
            _prefix + "report/gbk",
            _prefix + "missing",
            _prefix + "slow",
            _prefix + "big",
            "ftp://example.org/report.txt",
        ]);

        var run = Gongkai.Invoke("import", "--urls", list, "--timeout", "2", "--delay", "200", "--db", $"Data Source={Path.Combine(_folder, "u.db")}");
        Assert.Equal(2, run.ExitCode);
        // 新增 2: seed 002 and the GB18030 page, which reads as a report only when its bytes were decoded right.
        Assert.Contains("导入 5 个文件到 SQLite：新增 2，新版本 0，未变 0，无法读取 4", run.Stdout, StringComparison.Ordinal);
        Assert.Contains($"{_prefix}missing: 无法读取文件：服务器返回 HTTP 404", run.Stderr, StringComparison.Ordinal);
        Assert.Contains($"{_prefix}slow: 无法读取文件：超过 2 秒没有响应", run.Stderr, StringComparison.Ordinal);
        Assert.Contains($"{_prefix}big: 无法读取文件：页面有 40 MB，超过 32 MB 的上限", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("“ftp://example.org/report.txt”不是 http(s) 网址", run.Stderr, StringComparison.Ordinal);

        // Both pages went in: a second run finds the same bytes and changes nothing.
        var firstRequests = _requests.ToArray();
        var check = Gongkai.Invoke("import", "--urls", list, "--timeout", "2", "--delay", "0", "--db", $"Data Source={Path.Combine(_folder, "u.db")}");
        Assert.Contains("新增 0，新版本 0，未变 2", check.Stdout, StringComparison.Ordinal);

        // Politeness: the first run's requests to the one host were at least the delay apart (first
        // arrival of each address; HttpClient may resend a request whose pooled connection was closed).
        var firstRun = firstRequests.GroupBy(r => r.Path).Select(g => g.Min(r => r.Ticks)).Order().ToList();
        Assert.Equal(5, firstRun.Count);
        var gaps = firstRun.Zip(firstRun.Skip(1), (a, b) => Stopwatch.GetElapsedTime(a, b));
        var log = string.Join(", ", firstRequests.Select(r => $"{r.Path}@{Stopwatch.GetElapsedTime(firstRequests[0].Ticks, r.Ticks).TotalMilliseconds:0}"));
        Assert.All(gaps, gap => Assert.True(gap >= TimeSpan.FromMilliseconds(180), $"requests {gap.TotalMilliseconds:0} ms apart: {log}"));
    }
}
