using System.Reflection;
using System.Text.Json;

namespace Gongkai.Model.Templates;

/// <summary>
/// The template generations and the section list, loaded once from the embedded data files in
/// <c>Templates/Data</c>. A data file that does not fit the model fails at load with its name.
/// </summary>
public static class TemplateCatalog
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        PropertyNameCaseInsensitive = false,
        ReadCommentHandling = JsonCommentHandling.Skip,
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Skip,
    };

    private static readonly Lazy<IReadOnlyList<TemplateDefinition>> Generations = new(LoadGenerations);
    private static readonly Lazy<IReadOnlyList<SectionDefinition>> SectionList = new(LoadSections);

    /// <summary>Newest first: 2021, 2019, 2008.</summary>
    public static IReadOnlyList<TemplateDefinition> All => Generations.Value;

    public static TemplateDefinition V2021 => Get(Ids.Templates.V2021);

    public static TemplateDefinition V2019 => Get(Ids.Templates.V2019);

    public static TemplateDefinition V2008 => Get(Ids.Templates.V2008);

    public static IReadOnlyList<SectionDefinition> Sections => SectionList.Value;

    public static TemplateDefinition Get(string id) =>
        Find(id) ?? throw new KeyNotFoundException($"No template generation '{id}'.");

    /// <summary>The generation with this id, or null when there is none.</summary>
    public static TemplateDefinition? Find(string id) => All.FirstOrDefault(t => t.Id == id);

    /// <summary>The generation the statutory format calls for in a given report year.</summary>
    public static TemplateDefinition ForReportYear(int year) =>
        All.First(t => (t.FirstReportYear ?? int.MinValue) <= year && year <= (t.LastReportYear ?? int.MaxValue));

    private static IReadOnlyList<TemplateDefinition> LoadGenerations()
    {
        string[] ids = [Ids.Templates.V2021, Ids.Templates.V2019, Ids.Templates.V2008];
        return [.. ids.Select(id => Link(Load<TemplateDefinition>(id)))];
    }

    private static IReadOnlyList<SectionDefinition> LoadSections() =>
        Load<SectionFile>("sections").Sections;

    private static TemplateDefinition Link(TemplateDefinition template)
    {
        foreach (var table in template.Tables)
        {
            foreach (var row in table.Rows)
            {
                row.Fields = row.OwnFields ?? table.Columns;
                if (row.Fields.Count == 0)
                {
                    throw new InvalidDataException($"Template {template.Id}: row '{table.Id}.{row.Id}' has no fields and the table has no columns.");
                }

                if (row.Group is not null && table.Group(row.Group) is null)
                {
                    throw new InvalidDataException($"Template {template.Id}: row '{table.Id}.{row.Id}' names unknown group '{row.Group}'.");
                }
            }

            table.BuildIndex();
        }

        return template;
    }

    private static T Load<T>(string name)
    {
        var resource = $"Gongkai.Templates.{name}.json";
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(resource)
            ?? throw new InvalidDataException($"Embedded template data '{resource}' is missing.");
        try
        {
            return JsonSerializer.Deserialize<T>(stream, JsonOptions)
                ?? throw new InvalidDataException($"Template data '{name}.json' is empty.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"Template data '{name}.json' at {e.Path}: {e.Message}", e);
        }
    }

    private sealed record SectionFile(IReadOnlyList<SectionDefinition> Sections);
}
