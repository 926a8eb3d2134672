using System.Globalization;
using System.Net;
using System.Text;
using Gongkai.Ingestion.Decoding;
using Gongkai.Ingestion.Normalization;
using Gongkai.Model.Templates;

namespace Gongkai.Testing;

/// <summary>The table layouts a copied report arrives in.</summary>
public enum Layout
{
    /// <summary>Every cell on a line of its own (seeds 000, 002).</summary>
    CellPerLine,

    /// <summary><c>a | b | c</c> rows with merged-cell debris (seeds 003, 004).</summary>
    PipeRows,

    /// <summary>A Markdown table.</summary>
    Markdown,

    /// <summary>An HTML page with real tables (rowspan, colspan).</summary>
    Html,
}

public enum TextEncoding
{
    Utf8,
    Utf8Bom,
    Utf16,
    Gb18030,
}

/// <summary>How to write a report: layout, characters, encoding, page chrome, number styles.</summary>
public sealed record RenderOptions(Layout Layout, bool Traditional = false, TextEncoding Encoding = TextEncoding.Utf8, bool Chrome = false, int Seed = 0);

/// <summary>
/// Writes a <see cref="FakeReport"/> as a government web page would: the six sections, and tables
/// 二/三/四 drawn from the template definitions (the same data the parser reads), in any layout.
/// </summary>
public static class LayoutRenderer
{
    /// <summary>A cell of the drawn table, with its spans.</summary>
    private sealed record Cell(string Text, int RowSpan = 1, int ColSpan = 1, bool IsValue = false);

    public static byte[] RenderBytes(FakeReport report, RenderOptions options)
    {
        var text = Render(report, options);
        return options.Encoding switch
        {
            TextEncoding.Utf8Bom => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)],
            TextEncoding.Utf16 => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)],
            TextEncoding.Gb18030 => EncodingDetector.Gb18030.GetBytes(text),
            _ => new UTF8Encoding(false).GetBytes(text),
        };
    }

    public static string Render(FakeReport report, RenderOptions options)
    {
        var random = new Random(options.Seed);
        var blocks = new List<object>();
        var published = report.Published;
        if (options.Chrome)
        {
            blocks.Add("当前位置:首页 > 政府信息公开 > 政府信息公开年报");
            blocks.Add($"索引号: 11510100MB1{random.Next(100000, 999999)}X/{report.Year + 1}-{random.Next(10000, 99999)} | 发布时间:{published:yyyy-MM-dd}");
        }

        blocks.Add($"{report.Agency}{report.Year}年政府信息公开工作年度报告");
        blocks.Add($"本报告所列数据统计期限为{report.Year}年1月1日至{report.Year}年12月31日。");
        blocks.Add("一、总体情况");
        var received = report.Value(Ids.Tables.Requests, Ids.Requests.NewReceived, Ids.Requests.TotalColumn);
        blocks.Add($"{report.Year}年，本机关认真贯彻落实《中华人民共和国政府信息公开条例》，主动公开政府信息{report.ActiveItems}条。全年共收到政府信息公开申请{received}件，均在法定期限内答复。");
        blocks.AddRange(Prose(random, random.Next(3, 9)));
        foreach (var table in report.Template.Tables)
        {
            blocks.Add(TemplateCatalog.Sections.First(s => s.Number == table.Section).Heading);
            blocks.Add(Draw(report, table, options, random));
        }

        blocks.Add("五、存在的主要问题及改进情况");
        blocks.Add("政府信息公开工作仍存在一些不足，下一步将加强培训，提高公开质量。");
        blocks.AddRange(Prose(random, random.Next(2, 6)));
        blocks.Add("六、其他需要报告的事项");
        blocks.Add("本年度未收取信息处理费。");
        blocks.Add(report.Agency);
        blocks.Add($"{published.Year}年{published.Month}月{published.Day}日");
        if (options.Chrome)
        {
            blocks.Add("主办:资阳市人民政府 承办:资阳市人民政府办公室");
            blocks.Add("网站标识码:5120000001 蜀ICP备05007295号-1");
        }

        var text = options.Layout == Layout.Html ? Html(blocks) : Plain(blocks, options, random);
        return options.Traditional ? OpenCcConverter.ToTraditional(text) ?? throw new InvalidOperationException("OpenCC (s2t) is not available.") : text;
    }

    // Sentences in the style of real reports (seeds 000–004): numbers, 一是/二是, quotes, no table labels.
    private static readonly string[] Sentences =
    [
        "一是强化组织领导，成立了由主要负责同志任组长的政务公开工作领导小组，明确专人负责信息发布和审核。",
        "二是完善制度建设，修订了政府信息公开指南和主动公开目录，规范信息发布流程。",
        "三是加强平台建设，依托门户网站、政务新媒体等渠道及时发布工作动态、政策解读等信息。",
        "围绕“放管服”改革、优化营商环境等重点工作，及时公开政策文件和解读材料，回应社会关切。",
        "严格落实“三审三校”和保密审查制度，未经审核的信息一律不得上网发布，确保信息安全。",
        "将政务公开工作纳入年度目标绩效考核，定期开展网站和政务新媒体检查，及时通报整改发现的问题。",
        "组织开展政务公开业务培训2次，参训人员60余人次，进一步提升工作人员的业务能力。",
        "主动接受社会监督，畅通意见建议渠道，认真办理群众留言和咨询，做到件件有回音。",
        "下一步，将继续加大重点领域信息公开力度，提高政策解读质量，增强公开实效。",
        "部分科室对主动公开认识不够深刻，公开内容不够全面，解读形式较为单一，需要进一步改进。",
    ];

    private static IEnumerable<string> Prose(Random random, int paragraphs)
    {
        for (var p = 0; p < paragraphs; p++)
        {
            yield return string.Concat(Enumerable.Range(0, random.Next(2, 6)).Select(_ => Sentences[random.Next(Sentences.Length)]));
        }
    }

    /// <summary>The official layout (Model's OfficialLayout) with the report's values in the slots.</summary>
    private static List<List<Cell>> Draw(FakeReport report, TableDefinition table, RenderOptions options, Random random) =>
        [.. OfficialLayout.Draw(table).Select(row => row
            .Select(cell => cell.IsValue
                ? Value(report, table, table.Row(cell.RowId!), table.Row(cell.RowId!).Field(cell.FieldId!), options, random, cell.ColSpan)
                : new Cell(cell.Text, cell.RowSpan, cell.ColSpan))
            .ToList())];

    private static Cell Value(FakeReport report, TableDefinition table, RowDefinition row, FieldDefinition field, RenderOptions options, Random random, int colSpan)
    {
        var value = report.Value(table.Id, row.Id, field.Id);
        var text = value.ToString(CultureInfo.InvariantCulture);
        if (value >= 1000 && value == decimal.Truncate(value) && options.Layout is Layout.Html or Layout.PipeRows && random.Next(3) == 0)
        {
            text = value.ToString("#,0", CultureInfo.InvariantCulture);
        }

        if (report.Units.TryGetValue((table.Id, row.Id, field.Id), out var unit))
        {
            text += unit;
        }

        if (random.Next(6) == 0)
        {
            text = FullWidth(text);
        }

        return new Cell(text, ColSpan: colSpan, IsValue: true);
    }

    private static string FullWidth(string text) =>
        string.Concat(text.Select(c => char.IsAsciiDigit(c) ? (char)(c - '0' + '０') : c));

    private static string Plain(List<object> blocks, RenderOptions options, Random random)
    {
        var builder = new StringBuilder();
        foreach (var block in blocks)
        {
            if (block is string line)
            {
                builder.Append(line).Append('\n');
                continue;
            }

            var rows = (List<List<Cell>>)block;
            switch (options.Layout)
            {
                case Layout.CellPerLine:
                    var blankLines = random.Next(2) == 0;
                    foreach (var cell in rows.SelectMany(r => r))
                    {
                        builder.Append(Pad(cell, random)).Append('\n');
                        if (blankLines)
                        {
                            builder.Append('\n');
                        }
                    }

                    break;
                case Layout.PipeRows:
                    foreach (var row in rows)
                    {
                        builder.Append(string.Join(" | ", row.Select(c => c.Text)));
                        builder.Append(random.Next(3) == 0 ? " | |" : string.Empty).Append('\n');
                    }

                    break;
                case Layout.Markdown:
                    builder.Append('\n');
                    for (var i = 0; i < rows.Count; i++)
                    {
                        builder.Append("| ").Append(string.Join(" | ", rows[i].Select(c => c.Text))).Append(" |\n");
                        if (i == 0)
                        {
                            builder.Append('|').Append(string.Concat(rows[i].Select(_ => " --- |"))).Append('\n');
                        }
                    }

                    builder.Append('\n');
                    break;
            }
        }

        return builder.ToString();
    }

    /// <summary>Pads a value as pages do: spaces, en spaces, no-break spaces.</summary>
    private static string Pad(Cell cell, Random random)
    {
        if (!cell.IsValue)
        {
            return cell.Text;
        }

        return random.Next(4) switch
        {
            0 => " " + cell.Text,
            1 => cell.Text + "\u2002",
            2 => "\u00a0" + cell.Text + " ",
            _ => cell.Text,
        };
    }

    private static string Html(List<object> blocks)
    {
        var builder = new StringBuilder("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>政府信息公开</title><style>td{border:1px solid}</style></head><body>\n<div class=\"article\">\n");
        foreach (var block in blocks)
        {
            if (block is string line)
            {
                builder.Append("<p>").Append(WebUtility.HtmlEncode(line)).Append("</p>\n");
                continue;
            }

            builder.Append("<table border=\"1\" cellspacing=\"0\"><tbody>\n");
            foreach (var row in (List<List<Cell>>)block)
            {
                builder.Append("<tr>");
                foreach (var cell in row)
                {
                    builder.Append("<td");
                    if (cell.RowSpan > 1)
                    {
                        builder.Append(" rowspan=\"").Append(cell.RowSpan).Append('"');
                    }

                    if (cell.ColSpan > 1)
                    {
                        builder.Append(" colspan=\"").Append(cell.ColSpan).Append('"');
                    }

                    builder.Append("><p><span>").Append(WebUtility.HtmlEncode(cell.Text)).Append("</span></p></td>");
                }

                builder.Append("</tr>\n");
            }

            builder.Append("</tbody></table>\n");
        }

        return builder.Append("</div>\n<script>var x = '<td>1</td>';</script></body></html>\n").ToString();
    }
}
