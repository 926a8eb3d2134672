using System.IO.Compression;
using Gongkai.Testing;

namespace Gongkai.Cli.Tests;

public sealed class ImportCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("gongkai-import-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Import_stores_reports_and_a_second_import_changes_nothing()
    {
        var db = $"Data Source={Path.Combine(_folder, "data", "g.db")}";
        var first = Gongkai.Invoke("import", "seeds", "--db", db, "--region", "四川省");
        Assert.Equal(0, first.ExitCode);
        Assert.Contains("导入 5 个文件到 SQLite：新增 5，新版本 0，未变 0，无法读取 0", first.Stdout, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_folder, "data", "g.db")));

        var second = Gongkai.Invoke("import", "seeds", "--db", db);
        Assert.Contains("新增 0，新版本 0，未变 5，无法读取 0", second.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_reads_zip_archives_and_names_unreadable_files()
    {
        var zip = Path.Combine(_folder, "reports.zip");
        using (var archive = ZipFile.Open(zip, ZipArchiveMode.Create))
        {
            archive.CreateEntryFromFile(Path.Combine(SharedData.Seeds, "003_ab7d1287facdaff7.txt"), "2021/抚顺.txt");
            archive.CreateEntryFromFile(Path.Combine(SharedData.Seeds, "004_db6cd9a826adafdd.txt"), "2023/昌吉.txt");
            archive.CreateEntry("readme.pdf");
        }

        File.WriteAllBytes(Path.Combine(_folder, "empty.txt"), []);
        var run = Gongkai.Invoke("import", zip, Path.Combine(_folder, "empty.txt"), "--db", $"Data Source={Path.Combine(_folder, "z.db")}");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("导入 3 个文件到 SQLite：新增 2，新版本 0，未变 0，无法读取 1", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("empty.txt: 空文件", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_connection_string_no_provider_accepts_is_a_clear_error()
    {
        var run = Gongkai.Invoke("import", "seeds", "--db", "mysql://somewhere");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("没有数据库驱动能识别连接字符串", run.Stderr, StringComparison.Ordinal);
    }
}
