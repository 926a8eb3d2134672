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
    public static readonly IReadOnlySet<string> ReportExtensions =
        new HashSet<string>(StringComparer.OrdinalIgnoreCase) { ".txt", ".text", ".htm", ".html", ".shtml", ".xhtml", ".md", ".markdown" };

    public static (IReadOnlyList<string> Files, IReadOnlyList<string> Missing) Expand(IEnumerable<string> paths)
    {
        var files = new List<string>();
        var missing = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            var found = Resolve(path).ToList();
            if (found.Count == 0)
            {
                missing.Add(path);
            }

            files.AddRange(found.Where(seen.Add));
        }

        return (files, missing);
    }

    private static IEnumerable<string> Resolve(string path)
    {
        if (File.Exists(path))
        {
            return [path];
        }

        if (Directory.Exists(path))
        {
            return Directory.EnumerateFiles(path, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.Hidden | FileAttributes.System })
                .Where(f => ReportExtensions.Contains(Path.GetExtension(f)))
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
