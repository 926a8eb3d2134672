using Gongkai.Ingestion.Sources;

namespace Gongkai.Ingestion;

/// <summary>
/// An immutable, thread-safe reading pipeline: the source readers in the order they are tried.
/// Build one with <see cref="ReportPipelineBuilder"/> and share it across threads.
/// </summary>
public sealed class ReportPipeline
{
    internal ReportPipeline(IReadOnlyList<IReportSource> sources, ReadOptions options)
    {
        Sources = sources;
        Options = options;
    }

    public static ReportPipeline Default { get; } = new ReportPipelineBuilder().Build();

    public ReadOptions Options { get; }

    internal IReadOnlyList<IReportSource> Sources { get; }

    public IEnumerable<string> SourceNames => Sources.Select(s => s.Name);
}

/// <summary>
/// Lists the default source readers in order (HTML before plain text, since an HTML page is also
/// text). DOCX and PDF readers slot in here as further sources.
/// </summary>
public sealed class ReportPipelineBuilder
{
    private readonly List<Func<ReadOptions, IReportSource>> _sources = [o => new HtmlSource(o), _ => new PlainTextSource()];

    public ReadOptions Options { get; set; } = ReadOptions.Default;

    public ReportPipelineBuilder WithOptions(ReadOptions options)
    {
        Options = options;
        return this;
    }

    /// <summary>Adds a source reader (made with the pipeline's options) just before the plain-text fallback.</summary>
    internal ReportPipelineBuilder Use(Func<ReadOptions, IReportSource> source)
    {
        _sources.Insert(_sources.Count - 1, source);
        return this;
    }

    public ReportPipeline Build() => new([.. _sources.Select(create => create(Options))], Options);
}
