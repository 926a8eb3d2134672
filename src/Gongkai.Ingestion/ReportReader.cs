using Gongkai.Ingestion.Layouts;
using Gongkai.Ingestion.Mapping;
using Gongkai.Ingestion.Metadata;
using Gongkai.Ingestion.Narrative;
using Gongkai.Ingestion.Normalization;
using Gongkai.Ingestion.Sources;
using Gongkai.Ingestion.Structure;
using Gongkai.Model;
using Gongkai.Model.Templates;

namespace Gongkai.Ingestion;

/// <summary>
/// Reads annual reports into the model. The stages, in order:
/// source (text / HTML → mapped text) → normalisation (NFKC, pinyin debris, traditional → simplified)
/// → structure (chrome, sections) → metadata → generation → layout (grid) → template mapping → narrative.
/// </summary>
public static class ReportReader
{
    public static ReadResult ReadFile(string path, ReportPipeline? pipeline = null)
    {
        pipeline ??= ReportPipeline.Default;
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                return Fail(path, "文件不存在");
            }

            if (info.Length > pipeline.Options.MaxInputBytes)
            {
                return Fail(path, $"文件过大（{info.Length / 1024 / 1024} MB，上限 {pipeline.Options.MaxInputBytes / 1024 / 1024} MB），不像一份年度报告");
            }

            return Read(File.ReadAllBytes(path), path, pipeline);
        }
        catch (IOException e)
        {
            return Fail(path, "无法读取文件：" + e.Message);
        }
        catch (UnauthorizedAccessException e)
        {
            return Fail(path, "无权读取文件：" + e.Message);
        }
    }

    public static ReadResult Read(byte[] bytes, string file, ReportPipeline? pipeline = null)
    {
        pipeline ??= ReportPipeline.Default;
        if (bytes.Length == 0)
        {
            return Fail(file, "空文件");
        }

        if (bytes.Length > pipeline.Options.MaxInputBytes)
        {
            return Fail(file, $"文件过大（{bytes.Length / 1024 / 1024} MB，上限 {pipeline.Options.MaxInputBytes / 1024 / 1024} MB），不像一份年度报告");
        }

        var input = new SourceInput(bytes, file);
        SourceText? source = null;
        string? kind = null;
        try
        {
            foreach (var reader in pipeline.Sources)
            {
                source = reader.TryRead(input);
                if (source is not null)
                {
                    kind = reader.Name;
                    break;
                }
            }
        }
        catch (InputRejectedException e)
        {
            return new ReadResult(file, null, new ReadError(file, e.Message, e.Line));
        }

        if (source is null)
        {
            return Fail(file, input.DecodeError ?? "无法识别的文件格式：应为文本或 HTML 报告");
        }

        var problems = new List<Finding>();
        var normalized = TraditionalToSimplified.Convert(PinyinDebrisRemover.Remove(UnicodeCleaner.Clean(source)), problems);
        var document = new ReportDocument(normalized);
        if (Unrecognised(document) is { } why)
        {
            return Fail(file, why) with { SourceKind = kind, Encoding = input.Decoded?.EncodingName };
        }

        var report = Build(new ReadContext(document, problems));
        return new ReadResult(file, report, null, kind, input.Decoded?.EncodingName);
    }

    private static AnnualReport Build(ReadContext context)
    {
        var document = context.Document;
        var period = MetadataReader.Period(context);
        var published = MetadataReader.Published(context);
        var year = MetadataReader.Year(context, period, published);
        var agency = AgencyLocator.Locate(context);
        var (template, evidence) = GenerationDetector.Detect(document, year?.Value);

        var tables = new Dictionary<string, StatTable?>();
        var tableLines = new List<(int Start, int End)>();
        foreach (var definition in template.Tables)
        {
            var section = document.Section(definition.Section);
            if (section is null)
            {
                tables[definition.Id] = null;
                continue;
            }

            var grid = LayoutReader.Read(document, section.BodyStart, section.BodyEnd);
            tableLines.AddRange(grid.Rows.Where(r => r.Count > 1 || r[0].IsValue).Select(r => (r[0].Start, r[^1].End)));
            tables[definition.Id] = TemplateMapper.Map(definition, grid, context, context.Span(section.HeadingStart, section.BodyEnd));
        }

        var sections = document.Sections
            .Select(s => new ReportSection(s.Definition.Number, s.Definition.Id, s.Heading, document.ContentText(s.BodyStart, s.BodyEnd), context.Span(s.HeadingStart, s.BodyEnd)))
            .ToList();
        var tableRows = tableLines.OrderBy(l => l.Start).ToArray();
        var narrative = NarrativeReader.Read(context, offset => !Within(tableRows, offset));

        return new AnnualReport
        {
            Agency = agency,
            AgencyKind = AgencyLocator.Classify(agency?.Value),
            Year = year,
            Published = published,
            StatisticalPeriod = period,
            IndexNumber = MetadataReader.IndexNumber(context),
            Template = template,
            TemplateEvidence = evidence,
            Sections = sections,
            Active = tables.GetValueOrDefault(Ids.Tables.Active),
            Requests = tables.GetValueOrDefault(Ids.Tables.Requests),
            Review = tables.GetValueOrDefault(Ids.Tables.Review),
            Narrative = narrative,
            ReadProblems = context.Problems,
            Text = document.ContentText(0, document.Text.Length),
            Locator = new TextLocator(document),
        };
    }

    /// <summary>True when <paramref name="offset"/> falls inside one of the sorted, disjoint ranges.</summary>
    private static bool Within((int Start, int End)[] ranges, int offset)
    {
        int low = 0, high = ranges.Length - 1;
        while (low <= high)
        {
            var mid = (low + high) / 2;
            if (offset < ranges[mid].Start)
            {
                high = mid - 1;
            }
            else if (offset >= ranges[mid].End)
            {
                low = mid + 1;
            }
            else
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Why the text is not an annual report, or null when it is one.</summary>
    private static string? Unrecognised(ReportDocument document)
    {
        var text = document.Text;
        if (text.AsSpan().Trim().IsEmpty)
        {
            return "文件没有文字内容";
        }

        var mentions = text.Contains("政府信息公开", StringComparison.Ordinal) || text.Contains("政务公开", StringComparison.Ordinal);
        var tableMarkers = TemplateCatalog.All.SelectMany(t => t.Markers).Any(m => text.Contains(m, StringComparison.Ordinal));
        if (!mentions || (document.Sections.Count < 2 && !tableMarkers))
        {
            return $"不是政府信息公开工作年度报告：未找到“政府信息公开”字样和至少两个章节标题（一、总体情况 … 六、其他需要报告的事项），只找到 {document.Sections.Count} 个";
        }

        return null;
    }

    private static ReadResult Fail(string file, string message) => new(file, null, new ReadError(file, message));

    private sealed class TextLocator(ReportDocument document) : ITextLocator
    {
        public string Text => document.Text;

        public SourceSpan Span(int start, int end) => document.Source.Span(start, end);
    }
}
