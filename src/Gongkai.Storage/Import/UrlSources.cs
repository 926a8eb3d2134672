namespace Gongkai.Storage.Import;

/// <summary>
/// Reports fetched from web addresses as import sources: HTTP GET with a timeout, a size limit,
/// and a polite rate (at most one request per <see cref="Delay"/> to each host). The bytes go to the
/// reader as they came, so the charset is detected as for a file (BOM, UTF-8, the page's declared
/// charset, GB18030). A failure (status, timeout, too large) becomes an unreadable file with its reason.
/// </summary>
public sealed class UrlSources(HttpClient http, TimeProvider time)
{
    private readonly Dictionary<string, (Lock Gate, DateTimeOffset Next)> _hosts = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock _registry = new();

    /// <summary>Pause between the end of one request to a host and the start of the next (one at a time per host).</summary>
    public TimeSpan Delay { get; init; } = TimeSpan.FromSeconds(1);

    public long MaxBytes { get; init; } = Ingestion.ReadOptions.Default.MaxInputBytes;

    /// <summary>The addresses listed in a text: one per line; blank lines and lines starting with # are skipped.</summary>
    public static (List<Uri> Urls, List<string> Invalid) Parse(IEnumerable<string> lines)
    {
        var urls = new List<Uri>();
        var invalid = new List<string>();
        foreach (var line in lines.Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')))
        {
            if (Uri.TryCreate(line, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps))
            {
                urls.Add(url);
            }
            else
            {
                invalid.Add(line);
            }
        }

        return (urls, invalid);
    }

    public IEnumerable<ImportSource> For(IEnumerable<Uri> urls) => urls.Select(url => new ImportSource(url.ToString(), () => Fetch(url)));

    private byte[] Fetch(Uri url)
    {
        Lock gate;
        lock (_registry)
        {
            gate = _hosts.TryGetValue(url.Host, out var host) ? host.Gate : new Lock();
            _hosts.TryAdd(url.Host, (gate, time.GetUtcNow()));
        }

        // One request at a time to each host, with a pause between them; other hosts do not wait.
        lock (gate)
        {
            DateTimeOffset next;
            lock (_registry)
            {
                next = _hosts[url.Host].Next;
            }

            var wait = next - time.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                Thread.Sleep(wait);
            }

            try
            {
                return Get(url);
            }
            finally
            {
                lock (_registry)
                {
                    _hosts[url.Host] = (gate, time.GetUtcNow() + Delay);
                }
            }
        }
    }

    private byte[] Get(Uri url)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            using var response = http.Send(request, HttpCompletionOption.ResponseHeadersRead);
            if (!response.IsSuccessStatusCode)
            {
                throw new IOException($"服务器返回 HTTP {(int)response.StatusCode} {response.ReasonPhrase}");
            }

            if (response.Content.Headers.ContentLength > MaxBytes)
            {
                throw new IOException($"页面有 {response.Content.Headers.ContentLength / 1024 / 1024} MB，超过 {MaxBytes / 1024 / 1024} MB 的上限");
            }

            using var stream = response.Content.ReadAsStream();
            return BoundedRead.ReadAll(stream, MaxBytes, $"页面超过 {MaxBytes / 1024 / 1024} MB 的上限");
        }
        catch (TaskCanceledException)
        {
            throw new IOException($"超过 {http.Timeout.TotalSeconds:0} 秒没有响应");
        }
        catch (HttpRequestException e)
        {
            throw new IOException("无法连接：" + (e.HttpRequestError == HttpRequestError.NameResolutionError ? "域名无法解析" : e.Message), e);
        }
    }
}
