namespace Gongkai.Testing;

/// <summary>Finds <c>../shared</c> (seeds, truth, spec) from wherever the tests run.</summary>
public static class SharedData
{
    private static readonly Lazy<string> Root = new(Locate);

    public static string Folder => Root.Value;

    public static string Seeds => Path.Combine(Folder, "seeds");

    public static string Truth => Path.Combine(Folder, "truth");

    public static string Spec => Path.Combine(Folder, "spec");

    public static IReadOnlyList<string> SeedFiles => [.. Directory.GetFiles(Seeds).Order(StringComparer.Ordinal)];

    /// <summary>The repository checkout (the folder holding Gongkai.slnx).</summary>
    public static string RepositoryRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Gongkai.slnx")))
                {
                    return dir.FullName;
                }
            }

            throw new DirectoryNotFoundException("Gongkai.slnx not found above the test folder.");
        }
    }

    public static string TruthFor(string seedFile) => Path.Combine(Truth, Path.GetFileNameWithoutExtension(seedFile) + ".json");

    private static string Locate()
    {
        if (Environment.GetEnvironmentVariable("GONGKAI_SHARED") is { Length: > 0 } configured && Directory.Exists(configured))
        {
            return configured;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared");
            if (Directory.Exists(Path.Combine(candidate, "seeds")) && Directory.Exists(Path.Combine(candidate, "truth")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("shared/ (seeds, truth) not found beside the repository; set GONGKAI_SHARED.");
    }
}
