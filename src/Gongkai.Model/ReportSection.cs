namespace Gongkai.Model;

/// <summary>One of the six sections: its number (1–6), heading as written, body text and span.</summary>
public sealed record ReportSection(int Number, string Id, string Heading, string Text, SourceSpan Span);
