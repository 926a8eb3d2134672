using Gongkai.Ingestion;
using Gongkai.Storage;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Microsoft.EntityFrameworkCore;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace Gongkai.Search;

/// <summary>A report that matched a search, best first, with its highlighted snippets.</summary>
public sealed record SearchHit(int ReportId, float Score, IReadOnlyList<Snippet> Snippets);

/// <summary>
/// The full-text index of every stored report version's text (Lucene.Net, CJK bigrams). It follows
/// the database: <see cref="SyncAsync"/> adds the reports imported since the last sync (report ids
/// only grow), and remembers the last id in the index's commit data. Thread-safe; one per process.
/// </summary>
public sealed class ReportIndex : IDisposable
{
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;
    private const string IdField = "id";
    private const string TextField = "text";
    private const string LastIdKey = "lastReportId";

    private readonly LuceneDirectory _directory;
    private readonly Analyzer _analyzer = new CJKAnalyzer(Version);
    private readonly IndexWriter _writer;
    private readonly SearcherManager _searchers;
    private readonly SemaphoreSlim _sync = new(1, 1);

    /// <summary>An index in a folder (created when missing), or in memory when <paramref name="folder"/> is null.</summary>
    public ReportIndex(string? folder)
    {
        _directory = folder is null ? new RAMDirectory() : FSDirectory.Open(System.IO.Directory.CreateDirectory(folder).FullName);
        _writer = new IndexWriter(_directory, new IndexWriterConfig(Version, _analyzer) { OpenMode = OpenMode.CREATE_OR_APPEND });
        _searchers = new SearcherManager(_writer, applyAllDeletes: true, searcherFactory: null);
    }

    /// <summary>The highest report id in the index; 0 when empty.</summary>
    public int LastReportId =>
        _writer.CommitData is { } data && data.TryGetValue(LastIdKey, out var value) && int.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : 0;

    /// <summary>Indexes the reports stored since the last sync, in batches; returns how many were added.</summary>
    public async Task<int> SyncAsync(Database database, CancellationToken cancellationToken = default)
    {
        await _sync.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var context = database.Open();
            var newest = await context.Reports.MaxAsync(r => (int?)r.Id, cancellationToken).ConfigureAwait(false) ?? 0;
            if (LastReportId > newest)
            {
                // An index newer than its database (the database was replaced): start over.
                _writer.DeleteAll();
                _writer.SetCommitData(new Dictionary<string, string> { [LastIdKey] = "0" });
                _writer.Commit();
                _searchers.MaybeRefreshBlocking();
            }

            // The common case on every search: nothing new, so this one query is all.
            var added = 0;
            while (LastReportId < newest)
            {
                var last = LastReportId;
                var batch = await context.ReportDocuments.AsNoTracking().Where(d => d.ReportId > last && d.ReportId <= newest).OrderBy(d => d.ReportId).Take(500)
                    .Select(d => new { Id = d.ReportId, d.Text }).ToListAsync(cancellationToken).ConfigureAwait(false);
                if (batch.Count == 0)
                {
                    break;
                }

                foreach (var report in batch)
                {
                    var id = report.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    _writer.UpdateDocument(new Term(IdField, id), [new StringField(IdField, id, Field.Store.YES), new TextField(TextField, report.Text, Field.Store.YES)]);
                }

                _writer.SetCommitData(new Dictionary<string, string> { [LastIdKey] = batch[^1].Id.ToString(System.Globalization.CultureInfo.InvariantCulture) });
                _writer.Commit();
                added += batch.Count;
                _searchers.MaybeRefreshBlocking();
            }

            return added;
        }
        finally
        {
            _sync.Release();
        }
    }

    /// <summary>
    /// The reports whose text matches <paramref name="query"/>, best first, at most <paramref name="limit"/>.
    /// Words separated by spaces must all occur; a run of Chinese characters matches as a phrase;
    /// "quotes", OR and - work as in Lucene's query syntax. Traditional characters are searched as simplified.
    /// </summary>
    public IReadOnlyList<SearchHit> Search(string query, int limit, int snippets = 2)
    {
        var parsed = Parse(SearchText.Normalize(query));
        if (parsed is null)
        {
            return [];
        }

        var searcher = _searchers.Acquire();
        try
        {
            var top = searcher.Search(parsed, limit);
            var terms = Terms(searcher, parsed);
            return [.. top.ScoreDocs.Select(d =>
            {
                var document = searcher.Doc(d.Doc);
                var id = int.Parse(document.Get(IdField), System.Globalization.CultureInfo.InvariantCulture);
                return new SearchHit(id, d.Score, SnippetMaker.Make(document.Get(TextField) ?? string.Empty, terms, snippets));
            })];
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    private Query? Parse(string text)
    {
        if (text.Length == 0)
        {
            return null;
        }

        var parser = new QueryParser(Version, TextField, _analyzer) { DefaultOperator = Operator.AND, AutoGeneratePhraseQueries = true };
        try
        {
            return parser.Parse(text);
        }
        catch (ParseException)
        {
            // Unbalanced quotes or brackets: search the words as typed.
            return parser.Parse(QueryParserBase.Escape(text));
        }
    }

    private static IReadOnlyList<string> Terms(IndexSearcher searcher, Query query)
    {
        var terms = new HashSet<Term>();
        searcher.Rewrite(query).ExtractTerms(terms);
        return [.. terms.Where(t => t.Field == TextField).Select(t => t.Text).Distinct()];
    }

    public void Dispose()
    {
        _searchers.Dispose();
        _writer.Dispose();
        _analyzer.Dispose();
        _directory.Dispose();
        _sync.Dispose();
    }
}
