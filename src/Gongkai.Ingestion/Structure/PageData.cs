using System.Reflection;
using System.Text.Json;

namespace Gongkai.Ingestion.Structure;

/// <summary>Page-chrome markers, metadata labels and agency-name suffixes, from <c>Structure/Data/page.json</c>.</summary>
internal sealed record PageData
{
    public required IReadOnlyList<string> ChromeMarkers { get; init; }

    public required IReadOnlyDictionary<string, IReadOnlyList<string>> MetadataLabels { get; init; }

    public required IReadOnlyList<string> AgencySuffixes { get; init; }

    public static PageData Instance { get; } = Load();

    public IEnumerable<string> AllMetadataLabels => MetadataLabels.Values.SelectMany(v => v);

    private static PageData Load()
    {
        const string resource = "Gongkai.Ingestion.page.json";
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(resource)
            ?? throw new InvalidDataException($"Embedded data '{resource}' is missing.");
        return JsonSerializer.Deserialize<PageData>(stream, JsonSerializerOptions.Web)
            ?? throw new InvalidDataException("page.json is empty.");
    }
}
