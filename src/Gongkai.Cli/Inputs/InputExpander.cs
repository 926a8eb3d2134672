using Microsoft.Extensions.FileSystemGlobbing;

namespace Gongkai.Cli.Inputs;

/// <summary>
/// Turns the command line's PATH arguments into files: a file as given, a folder searched
/// recursively for report files, a glob (<c>reports/**/*.txt</c>) expanded. A path that matches
/// nothing is returned as missing so the run can say so.
/// </summary>
internal static class InputExpander
{
    /// <summary>Extensions a folder is searched for (an explicitly named file is always read).</summary>
    public static IReadOnlySet<string> ReportExtensions => Storage.Import.ZipSources.ReportExtensions;

    /// <summary>Report files, and zip archives of them, as import sources; the archives stay open until disposed.</summary>
    public static (List<Storage.Import.ImportSource> Sources, List<string> Missing, List<IDisposable> Open) ImportSources(IEnumerable<string> paths)
    {
        var (files, missing) = Expand(paths, includeArchives: true);
        var sources = new List<Storage.Import.ImportSource>();
        var open = new List<IDisposable>();
        foreach (var file in files)
        {
            if (!file.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
            {
                sources.Add(new Storage.Import.ImportSource(file, () => File.ReadAllBytes(file)));
                continue;
            }

            var archive = System.IO.Compression.ZipFile.OpenRead(file);
            open.Add(archive);
            sources.AddRange(Storage.Import.ZipSources.From(file, archive, Ingestion.ReadOptions.Default.MaxInputBytes));
        }

        return (sources, [.. missing], open);
    }

    public static (IReadOnlyList<string> Files, IReadOnlyList<string> Missing) Expand(IEnumerable<string> paths, bool includeArchives = false)
    {
        var files = new List<string>();
        var missing = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            var found = Resolve(path, includeArchives).ToList();
            if (found.Count == 0)
            {
                missing.Add(path);
            }

            files.AddRange(found.Where(seen.Add));
        }

        return (files, missing);
    }

    private static IEnumerable<string> Resolve(string path, bool includeArchives)
    {
        if (File.Exists(path))
        {
            return [path];
        }

        if (Directory.Exists(path))
        {
            return Directory.EnumerateFiles(path, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.Hidden | FileAttributes.System })
                .Where(f => ReportExtensions.Contains(Path.GetExtension(f)) || (includeArchives && f.EndsWith(".zip", StringComparison.OrdinalIgnoreCase)))
                .Order(StringComparer.Ordinal);
        }

        if (path.IndexOfAny(['*', '?']) < 0)
        {
            return [];
        }

        // Split at the first segment holding a wildcard: the part before it is the root.
        var full = Path.GetFullPath(path);
        var segments = full.Split(Path.DirectorySeparatorChar);
        var firstWild = Array.FindIndex(segments, s => s.IndexOfAny(['*', '?']) >= 0);
        var root = string.Join(Path.DirectorySeparatorChar, segments[..firstWild]);
        if (root.Length == 0)
        {
            root = Path.DirectorySeparatorChar.ToString();
        }

        if (!Directory.Exists(root))
        {
            return [];
        }

        var matcher = new Matcher(StringComparison.Ordinal);
        matcher.AddInclude(string.Join('/', segments[firstWild..]));
        return matcher.GetResultsInFullPath(root).Order(StringComparer.Ordinal);
    }
}
