using System.Text.Json.Nodes;
using Gongkai.Model;
using Gongkai.Model.Serialization;
using Gongkai.Testing;

namespace Gongkai.Ingestion.Tests.Seeds;

/// <summary>Every seed parses to exactly its truth file: every cell, null where truth is null.</summary>
public sealed class SeedTests
{
    public static TheoryData<string> Seeds => [.. SharedData.SeedFiles.Select(f => Path.GetFileName(f))];

    private static (AnnualReport Report, JsonObject Json, JsonObject Truth) Read(string name)
    {
        var file = Path.Combine(SharedData.Seeds, name);
        var result = ReportReader.ReadFile(file);
        Assert.True(result.Succeeded, result.Error?.ToString());
        var json = ReportJson.ToJson(file, result.Report!, []);
        var truth = JsonNode.Parse(File.ReadAllText(SharedData.TruthFor(file)))!.AsObject();
        return (result.Report!, json, truth);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Metadata_matches_truth(string seed)
    {
        var (_, json, truth) = Read(seed);
        foreach (var key in new[] { "agency", "year", "published", "template", "indexNumber" })
        {
            if (truth.ContainsKey(key))
            {
                Assert.True(JsonNode.DeepEquals(truth[key], json[key]), $"{seed} {key}: expected {truth[key]?.ToJsonString() ?? "null"}, got {json[key]?.ToJsonString() ?? "null"}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Every_table_value_matches_truth(string seed)
    {
        var (_, json, truth) = Read(seed);
        foreach (var table in new[] { "active", "requests", "review" })
        {
            if (truth[table] is null)
            {
                Assert.Null(json[table]);
                continue;
            }

            var expected = truth[table]!.AsObject();
            var actual = json[table]?.AsObject();
            Assert.NotNull(actual);
            Assert.Equal(expected.Select(p => p.Key).Order(), actual!.Select(p => p.Key).Order());
            foreach (var (key, value) in expected)
            {
                Assert.True(JsonNode.DeepEquals(value, actual[key]), $"{seed} {table}.{key}: expected {value?.ToJsonString()}, got {actual[key]?.ToJsonString()}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Every_stated_value_keeps_its_source_text_and_position(string seed)
    {
        var (report, _, _) = Read(seed);
        var source = File.ReadAllText(Path.Combine(SharedData.Seeds, seed));
        var lines = source.Split('\n');
        foreach (var table in report.Tables())
        {
            foreach (var (row, field, cell) in table.Cells().Where(c => c.Cell.State == CellState.Number))
            {
                var span = cell.Span!.Value;
                Assert.Equal(cell.Raw, source.Substring(span.Start, span.Length));
                Assert.Equal(cell.Raw, lines[span.Line - 1].Substring(span.Column - 1, span.Length));
                Assert.True(
                    NumberReaderAgrees(cell),
                    $"{seed} {table.Id}.{row.Id}.{field.Id}: raw '{cell.Raw}' does not read as {cell.Value}");
            }
        }
    }

    private static bool NumberReaderAgrees(CellValue cell) =>
        Values.NumberReader.Read(cell.Raw.Normalize(System.Text.NormalizationForm.FormKC), cell.Span).Value == cell.Value;

    [Fact]
    public void Seed_001_lost_tables_are_absent_not_zero()
    {
        var (report, _, _) = Read("001_fdba5679b7b391e3.txt");
        Assert.Null(report.Active);
        Assert.Null(report.Requests);
        Assert.Null(report.Review);
        Assert.Equal([1, 2, 3, 4, 5, 6], report.Sections.Select(s => s.Number));
        Assert.Equal("无。", report.Section(6)!.Text);
        Assert.Equal(242, report.Narrative.Single(f => f.Id == "activeItems").Value);
    }

    [Fact]
    public void Seed_002_period_is_read_despite_lost_glyphs()
    {
        var (report, _, _) = Read("002_b423b0293a9d3bd4.txt");
        Assert.Equal(new DatePeriod(new DateOnly(2021, 1, 1), new DateOnly(2021, 12, 31)), report.StatisticalPeriod!.Value);
        Assert.Equal(4, report.Narrative.Single(f => f.Id == "applicationsReceived").Value);
    }

    [Fact]
    public void Seed_004_agency_and_date_come_from_the_signature()
    {
        var (report, _, _) = Read("004_db6cd9a826adafdd.txt");
        Assert.Equal("signature", report.Agency!.Source);
        Assert.Equal("signature", report.Published!.Source);
        Assert.Equal(AgencyKind.Department, report.AgencyKind);
        Assert.Contains(report.ReadProblems, p => p.Code == "READ3" && p.Location.Row == "licensing");
    }

    [Fact]
    public void Seed_000_narrative_sums_letter_and_online_applications()
    {
        var (report, _, _) = Read("000_22a2669e7a81eeda.txt");
        Assert.Equal(3, report.Narrative.Single(f => f.Id == "applicationsReceived").Value);
        Assert.Equal(422, report.Narrative.Single(f => f.Id == "activeItems").Value);
        Assert.Equal("元", report.Active!["procurement", "amount"].Unit);
    }

    /// <summary>
    /// The JSON the importer stores (UTF-8 bytes, Chinese unescaped) and the JSON the command line
    /// writes are the same document; characters that matter in HTML stay escaped in the stored one.
    /// </summary>
    [Theory]
    [MemberData(nameof(Seeds))]
    public void Stored_json_is_the_command_lines_json(string seed)
    {
        var file = Path.Combine(SharedData.Seeds, seed);
        var report = ReportReader.ReadFile(file).Report!;
        var findings = new List<Finding> { new("R1", Severity.Error, "表三“总计”<b>为0</b>", new FindingLocation("requests", "total", "naturalPerson", null)) };
        var stored = ReportJson.ToUtf8(file, report, findings);
        var written = new MemoryStream();
        using (var writer = new System.Text.Json.Utf8JsonWriter(written, new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            ReportJson.Write(writer, file, report, findings);
        }

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(stored), JsonNode.Parse(written.ToArray())));
        var text = System.Text.Encoding.UTF8.GetString(stored);
        Assert.Contains("表三“总计”", text, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", text, StringComparison.Ordinal);
        Assert.Equal(report.Agency?.Value, JsonNode.Parse(stored)!["agency"]?.GetValue<string>());
    }
}
