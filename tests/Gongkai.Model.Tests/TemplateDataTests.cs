using System.Text.RegularExpressions;
using Gongkai.Model.Templates;
using Gongkai.Testing;

namespace Gongkai.Model.Tests;

/// <summary>The template data files and the data contract (shared/spec/annual-report-format.md) name the same ids, both ways.</summary>
public sealed partial class TemplateDataTests
{
    private static readonly string Contract = File.ReadAllText(Path.Combine(SharedData.Spec, "annual-report-format.md"));

    private static string ContractSection(string heading)
    {
        var start = Contract.IndexOf(heading, StringComparison.Ordinal);
        Assert.True(start >= 0, $"The data contract has no section '{heading}'.");
        var end = Contract.IndexOf("\n## ", start + heading.Length, StringComparison.Ordinal);
        return Contract[start..(end < 0 ? Contract.Length : end)];
    }

    /// <summary>Row ids of 表三 as the contract's table lists them (first backticked cell of each row).</summary>
    private static List<string> ContractRequestRows() =>
        [.. RowIdCell().Matches(ContractSection("## Table 三")).Select(m => m.Groups[1].Value)];

    [Fact]
    public void Table_three_rows_of_2021_are_the_contracts_rows_in_order()
    {
        var rows = TemplateCatalog.V2021.Table(Ids.Tables.Requests)!.Rows.Select(r => r.Id).ToList();
        Assert.Equal(ContractRequestRows(), rows);
    }

    [Fact]
    public void Table_three_rows_of_2019_replace_the_three_other_handling_rows_by_one()
    {
        var expected = ContractRequestRows().Where(r => !r.StartsWith("otherHandling.", StringComparison.Ordinal)).ToList();
        expected.Insert(expected.IndexOf("total"), "otherHandling");
        Assert.Equal(expected, TemplateCatalog.V2019.Table(Ids.Tables.Requests)!.Rows.Select(r => r.Id).ToList());
    }

    [Fact]
    public void Table_three_columns_are_the_contracts_columns_in_order()
    {
        var section = ContractSection("## Table 三");
        var columns = ColumnIds().Matches(section[..section.IndexOf("Rows, in order", StringComparison.Ordinal)]).Select(m => m.Groups[1].Value).ToList();
        foreach (var template in new[] { TemplateCatalog.V2021, TemplateCatalog.V2019 })
        {
            Assert.Equal(columns, template.Table(Ids.Tables.Requests)!.Columns.Select(c => c.Id).ToList());
            Assert.Equal([.. Ids.Requests.ApplicantColumns, Ids.Requests.TotalColumn], columns);
        }
    }

    [Theory]
    [InlineData("2021", "2021 template (`active.<item>.<field>`)", "2019 template")]
    [InlineData("2019", "2019 template", "## Table 三")]
    public void Table_two_items_and_fields_match_the_contract(string templateId, string from, string to)
    {
        var start = Contract.IndexOf(from, StringComparison.Ordinal);
        var text = Contract[start..Contract.IndexOf(to, start + from.Length, StringComparison.Ordinal)];
        var expected = new List<string>();
        var fields = new List<string>();
        foreach (Match row in ActiveRow().Matches(text))
        {
            var items = BacktickIds().Matches(row.Groups["items"].Value).Select(m => m.Groups[1].Value);
            var stated = BacktickIds().Matches(row.Groups["fields"].Value).Select(m => m.Groups[1].Value).ToList();

            // "same three" repeats the previous row's fields.
            fields = stated.Count > 0 ? stated : fields;
            expected.AddRange(items.SelectMany(i => fields.Select(f => $"{i}.{f}")));
        }

        var actual = TemplateCatalog.Get(templateId).Table(Ids.Tables.Active)!.Rows.SelectMany(r => r.Fields.Select(f => $"{r.Id}.{f.Id}")).ToList();
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Table_four_has_three_groups_of_five_in_contract_order()
    {
        var review = TemplateCatalog.V2021.Table(Ids.Tables.Review)!;
        Assert.Equal(["reconsideration", "litigationDirect", "litigationAfterReconsideration"], review.Rows.Select(r => r.Id));
        Assert.Equal(["upheld", "corrected", "other", "pending", "total"], review.Columns.Select(c => c.Id));
        Assert.Equal(15, review.CellCount);
    }

    [Fact]
    public void Every_template_in_the_catalog_covers_its_report_years()
    {
        Assert.Equal("2008", TemplateCatalog.ForReportYear(2018).Id);
        Assert.Equal("2019", TemplateCatalog.ForReportYear(2019).Id);
        Assert.Equal("2019", TemplateCatalog.ForReportYear(2020).Id);
        Assert.Equal("2021", TemplateCatalog.ForReportYear(2021).Id);
        Assert.Equal("2021", TemplateCatalog.ForReportYear(2030).Id);
    }

    [Fact]
    public void Ids_constants_name_rows_and_columns_that_exist()
    {
        foreach (var template in new[] { TemplateCatalog.V2021, TemplateCatalog.V2019 })
        {
            var requests = template.Table(Ids.Tables.Requests)!;
            foreach (var row in new[] { Ids.Requests.NewReceived, Ids.Requests.CarriedOver, Ids.Requests.Total, Ids.Requests.CarriedForward })
            {
                Assert.True(requests.HasRow(row), row);
            }

            Assert.Single(requests.Rows, r => r.Role == RowRole.OutcomeTotal);
            Assert.NotNull(template.Table(Ids.Tables.Active));
            Assert.NotNull(template.Table(Ids.Tables.Review));
        }
    }

    [Fact]
    public void Six_sections_with_official_headings()
    {
        Assert.Equal(
            ["一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项"],
            TemplateCatalog.Sections.Select(s => s.Heading));
    }

    [GeneratedRegex(@"^\| `([A-Za-z.]+)` \|", RegexOptions.Multiline)]
    private static partial Regex RowIdCell();

    [GeneratedRegex(@"`(naturalPerson|business|research|nonprofit|legal|other|total)`")]
    private static partial Regex ColumnIds();

    [GeneratedRegex(@"^\| (?<items>`[^|]+) \| [^|]+ \| (?<fields>[^|]+) \|$", RegexOptions.Multiline)]
    private static partial Regex ActiveRow();

    [GeneratedRegex(@"`([A-Za-z]+)`")]
    private static partial Regex BacktickIds();
}
