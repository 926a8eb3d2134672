using Gongkai.Model.Templates;

namespace Gongkai.Ingestion.Structure;

/// <summary>A recognised section: its heading [HeadingStart, BodyStart) and body [BodyStart, BodyEnd).</summary>
internal sealed record SectionRange(SectionDefinition Definition, int HeadingStart, int BodyStart, int BodyEnd, string Heading);
