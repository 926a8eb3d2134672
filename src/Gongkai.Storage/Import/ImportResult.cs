namespace Gongkai.Storage.Import;

/// <summary>What happened to one input file.</summary>
public enum ImportOutcome
{
    /// <summary>A new report (first version of its agency and year).</summary>
    Added,

    /// <summary>A new version of a report already stored: it is now current.</summary>
    NewVersion,

    /// <summary>These exact bytes were imported before: nothing changed.</summary>
    Unchanged,

    /// <summary>The file could not be read as a report; see the reason.</summary>
    Unreadable,
}

public sealed record ImportedFile(string File, ImportOutcome Outcome, string? Reason = null, int? ReportId = null);

public sealed record ImportSummary(IReadOnlyList<ImportedFile> Files)
{
    public int Count(ImportOutcome outcome) => Files.Count(f => f.Outcome == outcome);
}
