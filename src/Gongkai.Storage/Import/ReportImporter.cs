using System.Security.Cryptography;
using System.Threading.Channels;
using Gongkai.Checks;
using Gongkai.Ingestion;
using Gongkai.Model;
using Gongkai.Model.Serialization;
using Gongkai.Storage.Agencies;
using Gongkai.Storage.Entities;
using Gongkai.Storage.Totals;
using Gongkai.Storage.Values;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Storage.Import;

/// <summary>An input to import: a name (file path, zip entry, URL) and its bytes, loaded when needed.</summary>
public sealed record ImportSource(string Name, Func<byte[]> Load);

/// <summary>
/// Imports reports: parses and checks them in parallel, then writes them in batches, each batch in
/// one transaction, so a failure leaves no half-written report. The same bytes imported again
/// change nothing; a new version of an agency's report for a year becomes current and the older
/// one stays, no longer current. Unreadable files are listed with their reason and skipped.
/// </summary>
public sealed class ReportImporter(Database database, TimeProvider time)
{
    /// <summary>The tables an import writes, as the EF model maps them (read once).</summary>
    private readonly Lazy<ImportTables> _tables = new(() =>
    {
        using var context = database.Open();
        return new ImportTables(context);
    });

    /// <summary>
    /// Reports per transaction. Larger batches rewrite fewer rollup rows per report, because a
    /// batch's reports share the upper region nodes: a province corpus rewrote 23.7 rollup rows per
    /// report in batches of 1,000 and 13.8 in batches of 4,000, and a 100,000-report PostgreSQL
    /// import took 125–145 s instead of 157–175 s. The batch waits in memory until it is written;
    /// that benchmark's peak memory was the same with either size.
    /// </summary>
    public int BatchSize { get; init; } = 4000;

    /// <summary>
    /// The value cells catalogue as this import knows it: read once, grown by the batches that add
    /// cells, and dropped when a batch fails (its cells went with its transaction).
    /// </summary>
    private ValueCatalogue? _catalogue;

    public int Parallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>Region path given for the whole import (四川省/资阳市), merged with what names say.</summary>
    public string? Region { get; init; }

    public ReportPipeline Pipeline { get; init; } = ReportPipeline.Default;

    public async Task<ImportSummary> ImportAsync(IEnumerable<ImportSource> sources, Action<ImportedFile>? progress = null, CancellationToken cancellationToken = default)
    {
        // Parsing (in parallel, results in input order) runs ahead of the single writer through a
        // bounded channel, so reading and writing overlap and memory stays bounded.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var channel = Channel.CreateBounded<Parsed>(new BoundedChannelOptions(Math.Min(2 * BatchSize, 1000)) { SingleReader = true, SingleWriter = true });
        var producer = Task.Run(() => ProduceAsync(sources, channel.Writer, stop.Token), stop.Token);
        var results = new List<ImportedFile>();
        try
        {
            var batch = new List<Parsed>(BatchSize);
            await foreach (var item in channel.Reader.ReadAllAsync(stop.Token).ConfigureAwait(false))
            {
                batch.Add(item);
                if (batch.Count == BatchSize)
                {
                    await StoreAsync(batch, results, progress, stop.Token).ConfigureAwait(false);
                }
            }

            await StoreAsync(batch, results, progress, stop.Token).ConfigureAwait(false);
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await producer.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        // A parsing failure (not an unreadable file: those are results) surfaces here.
        await producer.ConfigureAwait(false);
        return new ImportSummary(results);
    }

    private async Task ProduceAsync(IEnumerable<ImportSource> sources, ChannelWriter<Parsed> writer, CancellationToken cancellationToken)
    {
        try
        {
            var parsed = sources
                .AsParallel()
                .AsOrdered()
                .WithDegreeOfParallelism(Math.Max(1, Parallelism))
                .WithCancellation(cancellationToken)
                .Select(Parse);
            foreach (var item in parsed)
            {
                await writer.WriteAsync(item, cancellationToken).ConfigureAwait(false);
            }

            writer.Complete();
        }
        catch (Exception e)
        {
            writer.Complete(e);
            throw;
        }
    }

    private async Task StoreAsync(List<Parsed> batch, List<ImportedFile> results, Action<ImportedFile>? progress, CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
        {
            return;
        }

        List<ImportedFile> stored;
        try
        {
            stored = await StoreAsync([.. batch], cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            _catalogue = null;
            throw;
        }

        foreach (var file in stored)
        {
            results.Add(file);
            progress?.Invoke(file);
        }

        batch.Clear();
    }

    /// <summary>
    /// A source read and reviewed, and — when it is a report — its rows built, all on a parsing
    /// thread, so the single writer only decides versions and writes. Only the rows, the agency and,
    /// for an unreadable file, the reason travel on: the parsed model is garbage as soon as its rows
    /// exist, so the queue to the writer stays small.
    /// </summary>
    private sealed record Parsed(string Name, string Hash, string? Error, Rows? Rows, AgencyIdentity? Agency);

    private Parsed Parse(ImportSource source)
    {
        byte[] bytes;
        try
        {
            bytes = source.Load();
        }
        catch (IOException e)
        {
            return new Parsed(source.Name, string.Empty, "无法读取文件：" + e.Message, null, null);
        }

        var result = ReportReader.Read(bytes, source.Name, Pipeline);
        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes));
        if (result.Report is not { } report)
        {
            return new Parsed(source.Name, hash, result.Error?.Message, null, null);
        }

        var findings = ReportChecker.Check(report);
        var agency = report.Agency is { } name ? AgencyNames.Identify(name.Value, Region) : null;
        return new Parsed(source.Name, hash, null, Entity(source.Name, bytes, hash, result, findings), agency);
    }

    private async Task<List<ImportedFile>> StoreAsync(Parsed[] batch, CancellationToken cancellationToken)
    {
        var files = new List<ImportedFile>(batch.Length);
        await using var context = database.Open();

        // A batch tracks a few agencies at most; detecting changes before every query is not needed.
        context.ChangeTracker.AutoDetectChangesEnabled = false;
        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);

        var hashes = batch.Where(p => p.Rows is not null).Select(p => p.Hash).Distinct().ToList();
        var stored = await context.Reports.Where(r => hashes.Contains(r.ContentHash)).Select(r => new { r.ContentHash, r.Id })
            .ToDictionaryAsync(r => r.ContentHash, r => r.Id, cancellationToken).ConfigureAwait(false);
        var fresh = new HashSet<string>(StringComparer.Ordinal);
        var added = batch.Where(p => p.Rows is not null && !stored.ContainsKey(p.Hash) && fresh.Add(p.Hash)).ToHashSet();

        var (agencies, moves) = await AgenciesAsync(context, added.Select(p => p.Agency).OfType<AgencyIdentity>(), cancellationToken).ConfigureAwait(false);
        var latest = await CurrentVersionsAsync(context, added, agencies, cancellationToken).ConfigureAwait(false);
        var superseded = new List<int>();
        var rows = new List<Rows>(added.Count);
        var indexes = new List<int>(added.Count);
        var owners = new List<AgencyEntity?>(added.Count);

        foreach (var item in batch)
        {
            if (item.Rows is not { } row)
            {
                files.Add(new ImportedFile(item.Name, ImportOutcome.Unreadable, item.Error));
                continue;
            }

            if (!added.Contains(item))
            {
                files.Add(new ImportedFile(item.Name, ImportOutcome.Unchanged, null, stored.GetValueOrDefault(item.Hash)));
                continue;
            }

            var entity = row.Report;
            var agency = item.Agency is { } identity ? agencies[identity.Key] : null;
            entity.AgencyId = agency?.Id;
            var outcome = ImportOutcome.Added;
            if (agency is not null && entity.Year is { } year)
            {
                // The latest version so far: one added earlier in this batch, or the stored current one.
                if (latest.TryGetValue((agency.Id, year), out var previous))
                {
                    if (previous.Pending is { } pending)
                    {
                        pending.IsCurrent = false;
                    }
                    else
                    {
                        superseded.Add(previous.StoredId);
                    }

                    entity.Version = previous.Version + 1;
                    outcome = ImportOutcome.NewVersion;
                }

                latest[(agency.Id, year)] = new Latest(entity.Version, 0, entity);
            }

            indexes.Add(files.Count);
            rows.Add(row);
            owners.Add(agency);
            files.Add(new ImportedFile(item.Name, outcome));
        }

        // The rollup follows: agencies whose region grew move their remaining current reports,
        // superseded versions leave where their agency counted until now, new current ones join.
        var totals = new TotalsChange();
        if (superseded.Count > 0)
        {
            await context.Reports.Where(r => superseded.Contains(r.Id))
                .ExecuteUpdateAsync(u => u.SetProperty(r => r.IsCurrent, false), cancellationToken).ConfigureAwait(false);
            var movedFrom = moves.ToDictionary(m => m.Agency, m => (m.FromRegion, m.FromCategory));
            var placeBefore = agencies.Values.ToDictionary(a => a.Id, a => movedFrom.TryGetValue(a.Id, out var from) ? from : (a.Region, a.Category));
            await totals.RemoveAsync(context, superseded, placeBefore, cancellationToken).ConfigureAwait(false);
        }

        if (moves.Count > 0)
        {
            await totals.MoveAsync(context, moves, cancellationToken).ConfigureAwait(false);
        }

        await WriteAsync(context, rows, cancellationToken).ConfigureAwait(false);
        for (var i = 0; i < rows.Count; i++)
        {
            if (rows[i].Report.IsCurrent)
            {
                totals.Add(owners[i]?.Region ?? string.Empty, owners[i]?.Category ?? AgencyCategory.Other, rows[i].Report.Year, rows[i].Values);
            }
        }

        await totals.ApplyAsync(context, database.Provider, cancellationToken).ConfigureAwait(false);
        for (var i = 0; i < rows.Count; i++)
        {
            files[indexes[i]] = files[indexes[i]] with { ReportId = rows[i].Report.Id };
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return files;
    }

    /// <summary>
    /// The batch's agencies, by key: stored ones (one query), the others created; ids are assigned
    /// on return. Also the stored agencies whose region this batch completed.
    /// </summary>
    private static async Task<(Dictionary<string, AgencyEntity> Agencies, List<AgencyMove> Moves)> AgenciesAsync(
        GongkaiDbContext context, IEnumerable<AgencyIdentity> identities, CancellationToken cancellationToken)
    {
        var all = identities.ToList();
        var keys = all.Select(a => a.Key).Distinct().ToList();
        var agencies = await context.Agencies.Where(a => keys.Contains(a.Key))
            .ToDictionaryAsync(a => a.Key, StringComparer.Ordinal, cancellationToken).ConfigureAwait(false);
        var storedRegions = agencies.Values.ToDictionary(a => a, a => a.Region);
        foreach (var identity in all)
        {
            if (!agencies.TryGetValue(identity.Key, out var agency))
            {
                agency = new AgencyEntity { Key = identity.Key, Name = identity.Name, Region = identity.Region, Category = identity.Category };
                context.Agencies.Add(agency);
                agencies[identity.Key] = agency;
            }

            if (!agency.Edited)
            {
                // Keep the most complete name and region any report gave.
                if (identity.Name.Length > agency.Name.Length)
                {
                    agency.Name = identity.Name;
                }

                if (identity.Region.Length > agency.Region.Length)
                {
                    agency.Region = identity.Region;
                }
            }
        }

        context.ChangeTracker.DetectChanges();
        await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        var moves = storedRegions
            .Where(s => s.Key.Region != s.Value)
            .Select(s => new AgencyMove(s.Key.Id, s.Value, s.Key.Category, s.Key.Region, s.Key.Category))
            .ToList();
        return (agencies, moves);
    }

    /// <summary>The newest version of an agency's year: stored (its row id) or, later, added in this batch.</summary>
    private sealed record Latest(int Version, int StoredId, ReportEntity? Pending);

    /// <summary>The stored current version of every agency and year the batch adds to, in one query.</summary>
    private static async Task<Dictionary<(int Agency, int Year), Latest>> CurrentVersionsAsync(
        GongkaiDbContext context, IEnumerable<Parsed> added, Dictionary<string, AgencyEntity> agencies, CancellationToken cancellationToken)
    {
        var pairs = added
            .Where(p => p.Agency is not null && p.Rows!.Report.Year is not null)
            .Select(p => (Agency: agencies[p.Agency!.Key].Id, Year: p.Rows!.Report.Year!.Value))
            .ToHashSet();
        var agencyIds = pairs.Select(p => p.Agency).Distinct().ToList();
        var years = pairs.Select(p => p.Year).Distinct().ToList();
        var current = await context.Reports
            .Where(r => r.IsCurrent && r.AgencyId != null && agencyIds.Contains(r.AgencyId.Value) && r.Year != null && years.Contains(r.Year.Value))
            .Select(r => new { r.Id, Agency = r.AgencyId!.Value, Year = r.Year!.Value, r.Version })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return current
            .Where(r => pairs.Contains((r.Agency, r.Year)))
            .GroupBy(r => (r.Agency, r.Year))
            .Select(g => g.MaxBy(r => r.Version)!)
            .ToDictionary(r => (r.Agency, r.Year), r => new Latest(r.Version, r.Id, null));
    }

    /// <summary>
    /// Reports, their documents, source bytes, value sets and findings, in bulk through the provider: the report
    /// ids are reserved first so every row can carry its report's id.
    /// </summary>
    private async Task WriteAsync(GongkaiDbContext context, List<Rows> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return;
        }

        var provider = database.Provider;
        var tables = _tables.Value;
        _catalogue ??= await ValueCatalogue.LoadAsync(context, cancellationToken).ConfigureAwait(false);
        await _catalogue.AddMissingAsync(context, rows.SelectMany(r => r.Values).Select(v => v.Cell), cancellationToken).ConfigureAwait(false);
        var ids = await provider.ReserveIdsAsync(context, tables.Reports, rows.Count, cancellationToken).ConfigureAwait(false);
        for (var i = 0; i < rows.Count; i++)
        {
            var id = ids[i];
            rows[i].Report.Id = id;
            rows[i].Document[tables.DocumentReportId] = id;
            rows[i].Source[tables.SourceReportId] = id;
            rows[i].Findings.ForEach(f => f.ReportId = id);
        }

        try
        {
            await provider.InsertEntitiesAsync(context, tables.Reports, rows.Select(r => r.Report), cancellationToken).ConfigureAwait(false);
            await provider.InsertAsync(context, tables.Documents, rows.Select(r => r.Document), cancellationToken).ConfigureAwait(false);
            await provider.InsertAsync(context, tables.Sources, rows.Select(r => r.Source), cancellationToken).ConfigureAwait(false);
            var sets = rows.Where(r => r.Values.Count > 0).Select(r => _catalogue.Pack(r.Report.Id, r.Values));
            await provider.InsertEntitiesAsync(context, tables.ValueSets, sets, cancellationToken).ConfigureAwait(false);
            await provider.InsertEntitiesAsync(context, tables.Findings, rows.SelectMany(r => r.Findings), cancellationToken).ConfigureAwait(false);
        }
        catch (System.Data.Common.DbException e)
        {
            throw new DbUpdateException($"写入报告失败（本批 {rows.Count} 份，均未写入）：{e.Message}", e);
        }
    }

    /// <summary>
    /// A report row and the rows that go in bulk once it has an id. The document and source rows
    /// are already in stored form (compressed, on the parsing thread); their report id is filled in
    /// by the writer.
    /// </summary>
    private sealed record Rows(ReportEntity Report, object?[] Document, object?[] Source, List<StatedValue> Values, List<FindingEntity> Findings);

    private sealed class ImportTables
    {
        private readonly int _modelJson;

        public ImportTables(GongkaiDbContext context)
        {
            Reports = TableLayout.Of<ReportEntity>(context, withGeneratedKey: true);
            Documents = TableLayout.Of<ReportDocumentEntity>(context, withGeneratedKey: true);
            Sources = TableLayout.Of<SourceFileEntity>(context, withGeneratedKey: true);
            ValueSets = TableLayout.Of<ValueSetEntity>(context, withGeneratedKey: true);
            Findings = TableLayout.Of<FindingEntity>(context, withGeneratedKey: false);
            DocumentReportId = Documents.IndexOf(nameof(ReportDocumentEntity.ReportId));
            _modelJson = Documents.IndexOf(nameof(ReportDocumentEntity.ModelJson));
            SourceReportId = Sources.IndexOf(nameof(SourceFileEntity.ReportId));
        }

        public TableLayout Reports { get; }

        public TableLayout Documents { get; }

        public TableLayout Sources { get; }

        public TableLayout ValueSets { get; }

        public TableLayout Findings { get; }

        public int DocumentReportId { get; }

        /// <summary>
        /// A document row in stored form, its model JSON compressed from the UTF-8 bytes the
        /// serializer wrote (what the column's converter stores for the same text, without making
        /// the text first).
        /// </summary>
        public object?[] DocumentRow(byte[] modelJson, string text)
        {
            var row = Documents.StoreRow(new ReportDocumentEntity { ModelJson = string.Empty, Text = text });
            row[_modelJson] = Compressed.Pack(modelJson);
            return row;
        }

        public int SourceReportId { get; }
    }

    private Rows Entity(string name, byte[] bytes, string hash, ReadResult result, IReadOnlyList<Finding> findings)
    {
        var report = result.Report!;
        var late = report.Published is null || report.Year is null ? (bool?)null : findings.Any(f => f.Code == "TIME1");
        var entity = new ReportEntity
        {
            Year = report.Year?.Value,
            ContentHash = hash,
            FileName = name,
            Template = report.Template.Id,
            Published = report.Published?.Value,
            Late = late,
            SourceKind = result.SourceKind,
            Encoding = result.Encoding,
            ImportedAt = time.GetUtcNow().ToUniversalTime(),
            Errors = findings.Count(f => f.Severity == Severity.Error),
            Warnings = findings.Count(f => f.Severity == Severity.Warning),
            Infos = findings.Count(f => f.Severity == Severity.Info),
        };
        var tables = _tables.Value;
        var document = tables.DocumentRow(ReportJson.ToUtf8(name, report, findings), report.Text);
        var findingRows = findings.Select(f => new FindingEntity
        {
            Code = f.Code,
            Severity = f.Severity.ToString().ToLowerInvariant(),
            Message = f.Message,
            TableId = f.Location.Table,
            RowId = f.Location.Row,
            ColumnId = f.Location.Column,
            Line = f.Location.Span?.Line,
            Column = f.Location.Span?.Column,
        }).ToList();
        var values = new List<StatedValue>();
        foreach (var table in report.Tables())
        {
            foreach (var (row, field, cell) in table.Cells())
            {
                if (cell.Value is { } value)
                {
                    values.Add(new StatedValue(new CellKey(table.Id, row.Id, field.Id), value));
                }
            }
        }

        return new Rows(entity, document, tables.Sources.StoreRow(new SourceFileEntity { Bytes = bytes }), values, findingRows);
    }
}
