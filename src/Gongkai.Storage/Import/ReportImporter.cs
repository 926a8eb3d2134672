using System.Security.Cryptography;
using Gongkai.Checks;
using Gongkai.Ingestion;
using Gongkai.Model;
using Gongkai.Model.Serialization;
using Gongkai.Storage.Agencies;
using Gongkai.Storage.Entities;
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
    public int BatchSize { get; init; } = 200;

    public int Parallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>Region path given for the whole import (四川省/资阳市), merged with what names say.</summary>
    public string? Region { get; init; }

    public ReportPipeline Pipeline { get; init; } = ReportPipeline.Default;

    public async Task<ImportSummary> ImportAsync(IEnumerable<ImportSource> sources, Action<ImportedFile>? progress = null, CancellationToken cancellationToken = default)
    {
        var results = new List<ImportedFile>();
        var parsed = sources
            .AsParallel()
            .AsOrdered()
            .WithDegreeOfParallelism(Math.Max(1, Parallelism))
            .WithMergeOptions(ParallelMergeOptions.NotBuffered)
            .Select(Parse);
        foreach (var batch in parsed.Chunk(BatchSize))
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var file in await StoreAsync(batch, cancellationToken).ConfigureAwait(false))
            {
                results.Add(file);
                progress?.Invoke(file);
            }
        }

        return new ImportSummary(results);
    }

    /// <summary>A source read and reviewed, ready to store.</summary>
    private sealed record Parsed(string Name, byte[] Bytes, string Hash, ReadResult Result, IReadOnlyList<Finding> Findings);

    private Parsed Parse(ImportSource source)
    {
        byte[] bytes;
        try
        {
            bytes = source.Load();
        }
        catch (IOException e)
        {
            return new Parsed(source.Name, [], string.Empty, new ReadResult(source.Name, null, new ReadError(source.Name, "无法读取文件：" + e.Message)), []);
        }

        var result = ReportReader.Read(bytes, source.Name, Pipeline);
        var findings = result.Report is { } report ? ReportChecker.Check(report) : [];
        return new Parsed(source.Name, bytes, Convert.ToHexStringLower(SHA256.HashData(bytes)), result, findings);
    }

    private async Task<List<ImportedFile>> StoreAsync(Parsed[] batch, CancellationToken cancellationToken)
    {
        var files = new List<ImportedFile>(batch.Length);
        await using var context = database.Open();

        // A batch tracks thousands of rows; detecting changes before every query would be quadratic.
        context.ChangeTracker.AutoDetectChangesEnabled = false;
        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);

        var hashes = batch.Where(p => p.Result.Succeeded).Select(p => p.Hash).Distinct().ToList();
        var stored = await context.Reports.Where(r => hashes.Contains(r.ContentHash))
            .ToDictionaryAsync(r => r.ContentHash, r => r.Id, cancellationToken).ConfigureAwait(false);
        var agencies = new Dictionary<string, AgencyEntity>(StringComparer.Ordinal);
        var current = new Dictionary<(string Agency, int Year), ReportEntity>();
        var added = new List<(int Index, Rows Rows)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);

        for (var i = 0; i < batch.Length; i++)
        {
            var item = batch[i];
            if (item.Result.Report is not { } report)
            {
                files.Add(new ImportedFile(item.Name, ImportOutcome.Unreadable, item.Result.Error?.Message));
                continue;
            }

            if (stored.ContainsKey(item.Hash) || !seen.Add(item.Hash))
            {
                files.Add(new ImportedFile(item.Name, ImportOutcome.Unchanged, null, stored.GetValueOrDefault(item.Hash)));
                continue;
            }

            var agency = report.Agency is { } name ? await AgencyAsync(context, agencies, name.Value, cancellationToken).ConfigureAwait(false) : null;
            var rows = Entity(item, report, agency);
            var entity = rows.Report;
            var outcome = ImportOutcome.Added;
            if (agency is not null && report.Year is { } year)
            {
                // The latest version so far: one added earlier in this batch, or one stored (only its number is read).
                int? previous = current.TryGetValue((agency.Key, year.Value), out var pending) ? pending.Version : null;
                if (previous is null && agency.Id != 0)
                {
                    previous = await context.Reports.Where(r => r.AgencyId == agency.Id && r.Year == year.Value)
                        .MaxAsync(r => (int?)r.Version, cancellationToken).ConfigureAwait(false);
                    if (previous is not null)
                    {
                        await context.Reports.Where(r => r.AgencyId == agency.Id && r.Year == year.Value && r.IsCurrent)
                            .ExecuteUpdateAsync(u => u.SetProperty(r => r.IsCurrent, false), cancellationToken).ConfigureAwait(false);
                    }
                }

                if (pending is not null)
                {
                    pending.IsCurrent = false;
                }

                if (previous is { } version)
                {
                    entity.Version = version + 1;
                    outcome = ImportOutcome.NewVersion;
                }

                current[(agency.Key, year.Value)] = entity;
            }

            context.Reports.Add(entity);
            added.Add((files.Count, rows));
            files.Add(new ImportedFile(item.Name, outcome));
        }

        // Reports (and their source bytes) through EF Core for their ids; their many value and
        // finding rows in bulk, in the same transaction.
        context.ChangeTracker.DetectChanges();
        await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        foreach (var (index, rows) in added)
        {
            rows.Values.ForEach(v => v.ReportId = rows.Report.Id);
            rows.Findings.ForEach(f => f.ReportId = rows.Report.Id);
            files[index] = files[index] with { ReportId = rows.Report.Id };
        }

        await database.Provider.BulkInsertAsync(context, [.. added.SelectMany(a => a.Rows.Values)], [.. added.SelectMany(a => a.Rows.Findings)], cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);

        return files;
    }

    private async Task<AgencyEntity> AgencyAsync(GongkaiDbContext context, Dictionary<string, AgencyEntity> cache, string name, CancellationToken cancellationToken)
    {
        var identity = AgencyNames.Identify(name, Region);
        if (!cache.TryGetValue(identity.Key, out var agency))
        {
            agency = await context.Agencies.FirstOrDefaultAsync(a => a.Key == identity.Key, cancellationToken).ConfigureAwait(false);
            if (agency is null)
            {
                agency = new AgencyEntity { Key = identity.Key, Name = identity.Name, Region = identity.Region, Category = identity.Category };
                context.Agencies.Add(agency);
            }

            cache[identity.Key] = agency;
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

        return agency;
    }

    /// <summary>A report row and the value and finding rows that go in bulk once it has an id.</summary>
    private sealed record Rows(ReportEntity Report, List<ValueEntity> Values, List<FindingEntity> Findings);

    private Rows Entity(Parsed item, AnnualReport report, AgencyEntity? agency)
    {
        var late = report.Published is null || report.Year is null ? (bool?)null : item.Findings.Any(f => f.Code == "TIME1");
        var entity = new ReportEntity
        {
            Agency = agency,
            Year = report.Year?.Value,
            ContentHash = item.Hash,
            FileName = item.Name,
            Template = report.Template.Id,
            Published = report.Published?.Value,
            Late = late,
            SourceKind = item.Result.SourceKind,
            Encoding = item.Result.Encoding,
            ImportedAt = time.GetUtcNow().ToUniversalTime(),
            Errors = item.Findings.Count(f => f.Severity == Severity.Error),
            Warnings = item.Findings.Count(f => f.Severity == Severity.Warning),
            Infos = item.Findings.Count(f => f.Severity == Severity.Info),
            ModelJson = ReportJson.ToJson(item.Name, report, item.Findings).ToJsonString(),
            Text = report.Text,
            Source = new SourceFileEntity { Bytes = item.Bytes },
        };
        var findings = item.Findings.Select(f => new FindingEntity
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
        var values = new List<ValueEntity>();
        foreach (var table in report.Tables())
        {
            foreach (var (row, field, cell) in table.Cells())
            {
                if (cell.Value is { } value)
                {
                    values.Add(new ValueEntity { TableId = table.Id, RowId = row.Id, ColumnId = field.Id, Value = value });
                }
            }
        }

        return new Rows(entity, values, findings);
    }
}
