namespace Gongkai.Model;

/// <summary>
/// Where a piece of the model stood in the source: character offset and length in the decoded
/// source text, and the 1-based line and column of its first character.
/// </summary>
public readonly record struct SourceSpan(int Start, int Length, int Line, int Column)
{
    public int End => Start + Length;

    public override string ToString() => $"{Line}:{Column}";
}
