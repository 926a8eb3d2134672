using Gongkai.Model;

namespace Gongkai.Ingestion;

/// <summary>Why a file could not be read: which file, where (when known) and what was expected.</summary>
public sealed record ReadError(string File, string Message, int? Line = null)
{
    public override string ToString() => Line is { } l ? $"{File}:{l}: {Message}" : $"{File}: {Message}";
}

/// <summary>The outcome of reading one file: a report, or an error that says why not.</summary>
public sealed record ReadResult(string File, AnnualReport? Report, ReadError? Error, string? SourceKind = null, string? Encoding = null)
{
    public bool Succeeded => Report is not null;
}
