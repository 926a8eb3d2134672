using System.Text;
using Gongkai.Testing;

namespace Gongkai.Ingestion.Tests.Hostile;

/// <summary>Malformed input gets a clear error, never a crash, a hang or an invented number.</summary>
public sealed class HostileInputTests
{
    [Fact]
    public void Empty_file_is_refused_with_a_reason()
    {
        var result = ReportReader.Read([], "empty.txt");
        Assert.False(result.Succeeded);
        Assert.Equal("empty.txt: 空文件", result.Error!.ToString());
    }

    [Fact]
    public void Binary_file_is_refused_as_binary()
    {
        var bytes = new byte[4096];
        new Random(7).NextBytes(bytes);
        bytes[100] = 0;
        var result = ReportReader.Read(bytes, "image.png");
        Assert.False(result.Succeeded);
        Assert.Contains("二进制", result.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_that_is_not_a_report_says_what_was_expected()
    {
        var result = ReportReader.Read(Encoding.UTF8.GetBytes("这是一份会议通知。\n请各单位准时参加。\n"), "notice.txt");
        Assert.False(result.Succeeded);
        Assert.Contains("不是政府信息公开工作年度报告", result.Error!.Message, StringComparison.Ordinal);
        Assert.Contains("一、总体情况", result.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fifty_megabytes_is_refused_by_the_size_limit()
    {
        var path = Path.Combine(Path.GetTempPath(), $"gongkai-large-{Guid.NewGuid():N}.txt");
        try
        {
            using (var stream = File.Create(path))
            {
                stream.SetLength(50L * 1024 * 1024);
            }

            var result = ReportReader.ReadFile(path);
            Assert.False(result.Succeeded);
            Assert.Contains("文件过大（50 MB", result.Error!.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Deeply_nested_html_is_refused_with_the_line_where_it_went_too_deep()
    {
        var report = LayoutRenderer.Render(ReportFaker.Create(3), new RenderOptions(Layout.Html));
        var nested = string.Concat(Enumerable.Repeat("<div>\n", 100_000)) + "深" + string.Concat(Enumerable.Repeat("</div>", 100_000));
        var html = report.Replace("<div class=\"article\">", "<div class=\"article\">" + nested, StringComparison.Ordinal);
        var result = ReportReader.Read(Encoding.UTF8.GetBytes(html), "nested.html");
        Assert.False(result.Succeeded);
        Assert.Contains("嵌套超过 1024 层", result.Error!.Message, StringComparison.Ordinal);
        Assert.True(result.Error.Line > 1000, result.Error.ToString());
    }

    [Fact]
    public void Tags_that_never_end_keep_the_nesting_scan_linear()
    {
        // A million "<a</a" with no '>' anywhere: depth never grows, and each opening tag's end must
        // not be searched for to the end of the file (that was quadratic: minutes, not milliseconds).
        var html = "<html><body><p>会议通知</p>" + string.Concat(Enumerable.Repeat("<a</a", 1_000_000));
        var result = ReportReader.Read(Encoding.UTF8.GetBytes(html), "unended.html");
        Assert.False(result.Succeeded);
        Assert.Contains("不是政府信息公开工作年度报告", result.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Nesting_within_the_limit_is_read_iteratively()
    {
        var report = LayoutRenderer.Render(ReportFaker.Create(3), new RenderOptions(Layout.Html));
        var nested = string.Concat(Enumerable.Repeat("<div><span>", 400)) + "深" + string.Concat(Enumerable.Repeat("</span></div>", 400));
        var html = report.Replace("<div class=\"article\">", "<div class=\"article\">" + nested, StringComparison.Ordinal);
        var result = ReportReader.Read(Encoding.UTF8.GetBytes(html), "nested.html");
        Assert.True(result.Succeeded, result.Error?.ToString());
        Assert.NotNull(result.Report!.Requests);
    }

    [Fact]
    public void Truncated_report_keeps_what_it_has_and_leaves_the_rest_absent()
    {
        var fake = ReportFaker.Create(11, Gongkai.Model.Templates.TemplateCatalog.V2021);
        var text = LayoutRenderer.Render(fake, new RenderOptions(Layout.PipeRows));
        var cut = text[..text.IndexOf("（四）无法提供", StringComparison.Ordinal)];
        var result = ReportReader.Read(Encoding.UTF8.GetBytes(cut), "truncated.txt");
        Assert.True(result.Succeeded, result.Error?.ToString());
        var requests = result.Report!.Requests!;
        Assert.Equal(fake.Value("requests", "newReceived", "total"), requests.Value("newReceived", "total"));
        Assert.Null(requests.Value("unable.notHeld", "naturalPerson"));
        Assert.Null(requests.Value("total", "total"));
        Assert.Null(result.Report.Review);
    }

    [Fact]
    public void Truncated_multibyte_sequence_is_still_decoded_as_far_as_it_goes()
    {
        var bytes = Encoding.UTF8.GetBytes(LayoutRenderer.Render(ReportFaker.Create(5), new RenderOptions(Layout.PipeRows)));
        var result = ReportReader.Read(bytes[..^1], "cut.txt");

        // The last byte cut a character in half: the text is not valid UTF-8, and must not be guessed as garbage.
        Assert.True(result.Succeeded || result.Error!.Message.Length > 0);
    }

    [Fact]
    public void A_row_with_too_few_cells_in_a_stream_is_absent_and_reported()
    {
        var fake = ReportFaker.Create(21, Gongkai.Model.Templates.TemplateCatalog.V2021);
        var text = LayoutRenderer.Render(fake, new RenderOptions(Layout.CellPerLine, Seed: 2));
        var lines = text.Split('\n').ToList();
        var at = lines.FindIndex(l => l.Contains("2.重复申请", StringComparison.Ordinal));
        lines.RemoveAt(at + 1);
        var result = ReportReader.Read(Encoding.UTF8.GetBytes(string.Join('\n', lines)), "short.txt");
        var requests = result.Report!.Requests!;
        Assert.All(requests.Definition.Columns, c => Assert.Null(requests.Value("notProcessed.repeated", c.Id)));
        Assert.Contains(result.Report.ReadProblems, p => p.Code == "READ4" && p.Location.Row == "notProcessed.repeated");
    }

    [Fact]
    public void Run_together_cells_are_split_by_the_row_sum()
    {
        var text = File.ReadAllText(Path.Combine(SharedData.Seeds, "002_b423b0293a9d3bd4.txt"));
        var row = "一、本年新收政府信息公开申请数量\n\n4\n\n0\n\n0\n\n0\n\n0\n\n0\n\n4\n";
        Assert.Contains(row, text, StringComparison.Ordinal);
        var result = ReportReader.Read(Encoding.UTF8.GetBytes(text.Replace(row, "一、本年新收政府信息公开申请数量\n\n801000081\n", StringComparison.Ordinal)), "runs.txt");
        var requests = result.Report!.Requests!;
        Assert.Equal([80m, 1, 0, 0, 0, 0, 81], requests.Definition.Columns.Select(c => requests.Value("newReceived", c.Id)!.Value));
        Assert.Contains(result.Report.ReadProblems, p => p.Code == "READ2");
    }

    [Fact]
    public void Ambiguous_run_together_cells_are_left_absent_and_reported()
    {
        var text = File.ReadAllText(Path.Combine(SharedData.Seeds, "002_b423b0293a9d3bd4.txt"));
        var row = "一、本年新收政府信息公开申请数量\n\n4\n\n0\n\n0\n\n0\n\n0\n\n0\n\n4\n";

        // "011000011" reads as 0,1,10,0,0,0,11 and as 0,11,0,0,0,0,11: both sums hold.
        var result = ReportReader.Read(Encoding.UTF8.GetBytes(text.Replace(row, "一、本年新收政府信息公开申请数量\n\n011000011\n", StringComparison.Ordinal)), "ambiguous.txt");
        var requests = result.Report!.Requests!;
        Assert.All(requests.Definition.Columns, c => Assert.Null(requests.Value("newReceived", c.Id)));
        var problem = Assert.Single(result.Report.ReadProblems, p => p.Code == "READ1");
        Assert.Contains("多种组合", problem.Message, StringComparison.Ordinal);
    }
}
