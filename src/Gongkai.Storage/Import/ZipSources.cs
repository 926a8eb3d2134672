using System.IO.Compression;

namespace Gongkai.Storage.Import;

/// <summary>
/// The report files inside a zip archive as import sources, bounded: an entry larger than the
/// limit (also when the archive lies about its size) or a corrupt entry becomes an unreadable file
/// with its reason, never an exhausted memory. The archive must stay open until the import ends.
/// </summary>
public static class ZipSources
{
    /// <summary>Extensions of report files, in folders and archives (an explicitly named file is always read).</summary>
    public static readonly IReadOnlySet<string> ReportExtensions =
        new HashSet<string>(StringComparer.OrdinalIgnoreCase) { ".txt", ".text", ".htm", ".html", ".shtml", ".xhtml", ".md", ".markdown" };

    public static IReadOnlyList<ImportSource> From(string archiveName, ZipArchive archive, long maxEntryBytes)
    {
        var sources = new List<ImportSource>();
        foreach (var entry in archive.Entries.Where(e => ReportExtensions.Contains(Path.GetExtension(e.FullName))).OrderBy(e => e.FullName, StringComparer.Ordinal))
        {
            // Entries are read one at a time: a zip archive is not safe for parallel reads.
            sources.Add(new ImportSource($"{archiveName}!{entry.FullName}", () =>
            {
                lock (archive)
                {
                    return Read(entry, maxEntryBytes);
                }
            }));
        }

        return sources;
    }

    private static byte[] Read(ZipArchiveEntry entry, long maxBytes)
    {
        if (entry.Length > maxBytes)
        {
            throw new IOException($"解压后 {entry.Length / 1024 / 1024} MB，超过单个文件 {maxBytes / 1024 / 1024} MB 的上限");
        }

        try
        {
            using var stream = entry.Open();
            return BoundedRead.ReadAll(stream, maxBytes, $"解压后超过单个文件 {maxBytes / 1024 / 1024} MB 的上限");
        }
        catch (InvalidDataException e)
        {
            throw new IOException("压缩包中的这个文件已损坏：" + e.Message, e);
        }
    }
}
