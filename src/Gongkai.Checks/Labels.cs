using Gongkai.Model.Templates;

namespace Gongkai.Checks;

/// <summary>How findings name tables, rows and columns: as the official template prints them.</summary>
internal static class Labels
{
    public static string Table(string id) => id switch
    {
        Ids.Tables.Active => "表二",
        Ids.Tables.Requests => "表三",
        Ids.Tables.Review => "表四",
        _ => id,
    };

    /// <summary>The printed row label in half-width form, as findings quote it: (七)总计.</summary>
    public static string Row(TableDefinition table, string rowId) => table.Row(rowId).PrintedLabel.Normalize(System.Text.NormalizationForm.FormKC);

    public static string Column(TableDefinition table, string columnId) =>
        table.Columns.FirstOrDefault(c => c.Id == columnId)?.Label ?? columnId;

    public static string Number(decimal value) => value.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture);
}
