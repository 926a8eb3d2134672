using Gongkai.Cli.Commands;
using Gongkai.Model;
using Spectre.Console;

namespace Gongkai.Cli.Output;

/// <summary>The readable review: per report a heading and a table of its findings; a summary at the end.</summary>
internal sealed class FindingsView(IAnsiConsole console, bool includeInfo)
{
    private int _files;
    private int _reports;
    private int _unreadable;
    private readonly Dictionary<Severity, int> _bySeverity = new() { [Severity.Error] = 0, [Severity.Warning] = 0, [Severity.Info] = 0 };

    public bool AnyError => _bySeverity[Severity.Error] > 0;

    public bool AnyUnreadable => _unreadable > 0;

    public void Write(FileOutcome outcome)
    {
        _files++;
        if (outcome.Report is not { } report)
        {
            _unreadable++;
            console.MarkupLine($"[red]✗[/] {Markup.Escape(outcome.File)}：{Markup.Escape(outcome.Error ?? string.Empty)}");
            return;
        }

        _reports++;
        foreach (var finding in outcome.Findings)
        {
            _bySeverity[finding.Severity]++;
        }

        var shown = outcome.Findings.Where(f => includeInfo || f.Severity != Severity.Info).ToList();
        var title = $"{report.Agency?.Value ?? "（机关不明）"} {report.Year?.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "？"}年度 · {report.Template.Id}版格式";
        var mark = shown.Any(f => f.Severity == Severity.Error) ? "[red]✗[/]" : shown.Count > 0 ? "[yellow]![/]" : "[green]✓[/]";
        console.MarkupLine($"{mark} [bold]{Markup.Escape(outcome.File)}[/] — {Markup.Escape(title)}");
        if (shown.Count == 0)
        {
            console.WriteLine();
            return;
        }

        var table = new Table().Border(TableBorder.Rounded).Expand();
        table.AddColumn("级别");
        table.AddColumn("代码");
        table.AddColumn("位置");
        table.AddColumn(new TableColumn("说明"));
        foreach (var finding in shown.OrderByDescending(f => f.Severity))
        {
            table.AddRow(
                new Markup(SeverityLabel(finding.Severity)),
                new Text(finding.Code),
                new Text(Location(finding.Location)),
                new Text(finding.Message));
        }

        console.Write(table);
        console.WriteLine();
    }

    public void WriteSummary(IReadOnlyList<string> missing)
    {
        foreach (var path in missing)
        {
            console.MarkupLine($"[red]✗[/] {Markup.Escape(path)}：没有找到这个文件、文件夹或匹配的文件");
        }

        console.MarkupLine(
            $"文件 {_files} 个，报告 {_reports} 份；发现：错误 {_bySeverity[Model.Severity.Error]}，警告 {_bySeverity[Model.Severity.Warning]}，提示 {_bySeverity[Model.Severity.Info]}；无法读取 {_unreadable + missing.Count} 个");
    }

    private static string SeverityLabel(Severity severity) => severity switch
    {
        Model.Severity.Error => "[red]错误[/]",
        Model.Severity.Warning => "[yellow]警告[/]",
        _ => "[grey]提示[/]",
    };

    private static string Location(FindingLocation location)
    {
        var parts = new List<string>();
        if (location.Table is not null)
        {
            parts.Add(string.Join('.', new[] { location.Table, location.Row, location.Column }.Where(p => p is not null)));
        }

        if (location.Span is { } span)
        {
            parts.Add($"第{span.Line}行第{span.Column}列");
        }

        return parts.Count == 0 ? "—" : string.Join(" ", parts);
    }
}
