using System.IO.Compression;
using Gongkai.Ingestion;
using Gongkai.Search;
using Gongkai.Storage;
using Gongkai.Storage.Import;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Admin;

/// <summary>
/// Upload of report files or zip archives by a signed-in administrator. Limits: the request
/// <see cref="MaxRequestBytes"/>, a report file (also inside an archive) 32 MB, an archive at most
/// <see cref="MaxArchiveEntries"/> report files. The import is the same batched, transactional one as
/// <c>gongkai import</c>; unreadable files are listed with their reason and the rest go in.
/// </summary>
[RequestSizeLimit(MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxRequestBytes)]
public sealed class UploadModel(Database database, ReportIndex index, TimeProvider time) : PageModel
{
    public const long MaxRequestBytes = 256L * 1024 * 1024;

    public const int MaxArchiveEntries = 20_000;

    [BindProperty]
    public List<IFormFile> Files { get; set; } = [];

    /// <summary>Region of the uploaded reports, e.g. 四川省/资阳市.</summary>
    [BindProperty]
    public string? Region { get; set; }

    public ImportSummary? Summary { get; private set; }

    public IReadOnlyList<string> Rejected { get; private set; } = [];

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var sources = new List<ImportSource>();
        var rejected = new List<string>();
        var open = new List<IDisposable>();
        try
        {
            foreach (var file in Files)
            {
                var name = Path.GetFileName(file.FileName);
                if (name.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
                {
                    var buffer = Path.GetTempFileName();
                    var stream = new FileStream(buffer, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose);
                    open.Add(stream);
                    await file.CopyToAsync(stream, cancellationToken);
                    stream.Position = 0;
                    ZipArchive archive;
                    try
                    {
                        archive = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
                    }
                    catch (InvalidDataException)
                    {
                        rejected.Add($"{name}：不是有效的 zip 压缩包");
                        continue;
                    }

                    open.Add(archive);
                    var entries = ZipSources.From(name, archive, ReadOptions.Default.MaxInputBytes);
                    if (entries.Count > MaxArchiveEntries)
                    {
                        rejected.Add($"{name}：包含 {entries.Count} 个报告文件，超过每个压缩包 {MaxArchiveEntries} 个的上限");
                        continue;
                    }

                    sources.AddRange(entries);
                }
                else if (file.Length > ReadOptions.Default.MaxInputBytes)
                {
                    rejected.Add($"{name}：{file.Length / 1024 / 1024} MB，超过单个文件 {ReadOptions.Default.MaxInputBytes / 1024 / 1024} MB 的上限");
                }
                else
                {
                    using var memory = new MemoryStream();
                    await file.CopyToAsync(memory, cancellationToken);
                    var bytes = memory.ToArray();
                    sources.Add(new ImportSource(name, () => bytes));
                }
            }

            Rejected = rejected;
            if (sources.Count == 0 && rejected.Count == 0)
            {
                Rejected = ["请选择要上传的报告文件或 zip 压缩包。"];
                return Page();
            }

            var region = string.IsNullOrWhiteSpace(Region) ? null : Region.Trim();
            Summary = await new ReportImporter(database, time) { Region = region }.ImportAsync(sources, cancellationToken: cancellationToken);
            await index.SyncAsync(database, cancellationToken);
            return Page();
        }
        finally
        {
            foreach (var item in Enumerable.Reverse(open))
            {
                item.Dispose();
            }
        }
    }
}
