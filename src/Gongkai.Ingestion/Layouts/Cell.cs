namespace Gongkai.Ingestion.Layouts;

/// <summary>A cell of a grid: its trimmed text and [Start, End) in the normalised text.</summary>
internal sealed record Cell(string Text, int Start, int End, int Row, bool IsValue);
