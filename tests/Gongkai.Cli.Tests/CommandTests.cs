using System.Text.Json.Nodes;
using Gongkai.Testing;

namespace Gongkai.Cli.Tests;

public sealed class CommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("gongkai-cli-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Parse_writes_one_json_object_per_file_in_the_truth_shape()
    {
        var run = Gongkai.Invoke("parse", "seeds");
        Assert.Equal(0, run.ExitCode);
        var array = JsonNode.Parse(run.Stdout)!.AsArray();
        Assert.Equal(5, array.Count);
        foreach (var report in array.Select(r => r!.AsObject()))
        {
            foreach (var key in new[] { "file", "agency", "year", "published", "template", "active", "requests", "review", "findings", "sections", "provenance", "error" })
            {
                Assert.True(report.ContainsKey(key), $"missing {key}");
            }

            var truth = JsonNode.Parse(File.ReadAllText(SharedData.TruthFor(report["file"]!.GetValue<string>())))!;
            foreach (var key in new[] { "agency", "year", "published", "template", "active", "requests", "review" })
            {
                Assert.True(JsonNode.DeepEquals(truth[key], report[key]), $"{report["file"]} {key}");
            }
        }

        var finding = array[2]!["findings"]!.AsArray().First(f => f!["code"]!.GetValue<string>() == "R2")!;
        Assert.Equal("error", finding["severity"]!.GetValue<string>());
        Assert.Equal("requests", finding["table"]!.GetValue<string>());
        Assert.True(finding["span"]!["line"]!.GetValue<int>() > 0);
        Assert.Equal("4", array[2]!["provenance"]!["requests.newReceived.naturalPerson"]!["raw"]!.GetValue<string>());
    }

    [Fact]
    public void Parse_jsonl_writes_one_line_per_file()
    {
        var run = Gongkai.Invoke("parse", "--format", "jsonl", "seeds/000_22a2669e7a81eeda.txt", "seeds/004_db6cd9a826adafdd.txt");
        Assert.Equal(0, run.ExitCode);
        var lines = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Equal("昌吉州财政局", JsonNode.Parse(lines[1])!["agency"]!.GetValue<string>());
    }

    [Fact]
    public void Parse_csv_writes_one_row_per_cell_in_long_format()
    {
        var run = Gongkai.Invoke("parse", "--format", "csv", "seeds/004_db6cd9a826adafdd.txt");
        Assert.Equal(0, run.ExitCode);
        var rows = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("file,table,row_id,row_label,column_id,column_label,value,state,unit,raw,line,column,error", rows[0]);

        // 2021 format: 表二 10 cells, 表三 25 × 7, 表四 15.
        Assert.Equal(10 + 175 + 15, rows.Length - 1);
        Assert.Contains("seeds/004_db6cd9a826adafdd.txt,active,fees,行政事业性收费,amount,本年收费金额（单位：万元）,76.885,number,,76.885,", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_exits_1_when_a_report_has_errors_and_prints_a_summary()
    {
        var run = Gongkai.Invoke("check", "seeds");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("资阳市雁江区人民政府办公室", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("文件 5 个，报告 5 份；发现：错误 4，", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("无法读取 0 个", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_exits_0_when_no_error_was_found()
    {
        var run = Gongkai.Invoke("check", "seeds/000_22a2669e7a81eeda.txt", "seeds/004_db6cd9a826adafdd.txt");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("错误 0", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_exits_2_and_names_each_unreadable_file_but_reads_the_rest()
    {
        File.WriteAllBytes(Path.Combine(_folder, "empty.txt"), []);
        File.WriteAllBytes(Path.Combine(_folder, "binary.html"), [0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 0x0D, 1, 2, 3]);
        File.WriteAllText(Path.Combine(_folder, "notice.txt"), "关于召开会议的通知\n请准时参加。\n");
        File.Copy(Path.Combine(SharedData.Seeds, "000_22a2669e7a81eeda.txt"), Path.Combine(_folder, "report.txt"));
        var run = Gongkai.Invoke("check", _folder);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"{Path.Combine(_folder, "empty.txt")}：空文件", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("binary.html：二进制文件", run.Stdout.Replace("\n", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("notice.txt：不是政府信息公开工作年度报告", run.Stdout.Replace("\n", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("文件 4 个，报告 1 份", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("无法读取 3 个", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_reports_unreadable_files_on_stderr_and_as_error_objects()
    {
        File.WriteAllBytes(Path.Combine(_folder, "empty.txt"), []);
        var run = Gongkai.Invoke("parse", Path.Combine(_folder, "empty.txt"), "seeds/003_ab7d1287facdaff7.txt");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("empty.txt: 空文件", run.Stderr, StringComparison.Ordinal);
        var array = JsonNode.Parse(run.Stdout)!.AsArray();
        Assert.Equal("空文件", array[0]!["error"]!.GetValue<string>());
        Assert.Null(array[0]!["agency"]);
        Assert.Equal("抚顺市金融发展局", array[1]!["agency"]!.GetValue<string>());
    }

    [Fact]
    public void Globs_expand_and_a_path_that_matches_nothing_is_named()
    {
        var run = Gongkai.Invoke("parse", "--format", "jsonl", "seeds/003_*.txt", "**/004_*.txt", "seeds/nothing-*.txt");
        Assert.Equal(2, run.ExitCode);
        Assert.Equal(2, run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains("seeds/nothing-*.txt: 没有找到", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Many_files_are_read_in_parallel_in_input_order()
    {
        for (var i = 0; i < 40; i++)
        {
            var fake = ReportFaker.Create(i);
            File.WriteAllBytes(Path.Combine(_folder, $"r{i:D3}.html"), LayoutRenderer.RenderBytes(fake, new RenderOptions((Layout)(i % 4), Seed: i)));
        }

        var run = Gongkai.Invoke("parse", "--format", "jsonl", "--jobs", "4", _folder);
        Assert.Equal(0, run.ExitCode);
        var files = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => Path.GetFileName(JsonNode.Parse(l)!["file"]!.GetValue<string>())).ToList();
        Assert.Equal(Enumerable.Range(0, 40).Select(i => $"r{i:D3}.html"), files);
    }
}
