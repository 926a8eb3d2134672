namespace Gongkai.Ingestion.Structure;

/// <summary>A line of the normalised text: [Start, End) excludes the line break.</summary>
internal readonly record struct TextLine(int Start, int End, bool IsChrome);
