using Gongkai.Model.Templates;
using Gongkai.Storage;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Reports;

/// <summary>A report in a comparison.</summary>
public sealed record ComparedReport(int Id, string? Agency, int? Year, string Template, DateOnly? Published, bool? Late, int Errors, int Warnings);

/// <summary>One cell across the compared reports; <see cref="Differs"/> when the stated values are not all equal.</summary>
public sealed record ComparedCell(string Table, string Row, string Column, string RowLabel, string ColumnLabel, IReadOnlyList<decimal?> Values)
{
    public bool Differs => Values.Distinct().Skip(1).Any();
}

/// <summary>
/// Two or more reports side by side, cell by cell in template order (the 2021 rows first, then any
/// row only an older generation has). A value a report does not state is absent, not 0, and counts
/// as a difference against one that is stated.
/// </summary>
public sealed record Comparison(IReadOnlyList<ComparedReport> Reports, IReadOnlyList<ComparedCell> Cells)
{
    public const int MaxReports = 8;

    public static async Task<Comparison> LoadAsync(GongkaiDbContext context, IReadOnlyList<int> ids, CancellationToken cancellationToken)
    {
        var wanted = ids.Distinct().Take(MaxReports).ToList();
        var found = await context.Reports.AsNoTracking().Where(r => wanted.Contains(r.Id))
            .Select(r => new ComparedReport(r.Id, r.Agency != null ? r.Agency.Name : null, r.Year, r.Template, r.Published, r.Late, r.Errors, r.Warnings))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var reports = wanted.Select(id => found.FirstOrDefault(r => r.Id == id)).OfType<ComparedReport>().ToList();
        var stored = await StoredValues.LoadAsync(context, wanted, cancellationToken).ConfigureAwait(false);

        var cells = new List<ComparedCell>();
        var seen = new HashSet<(string, string, string)>();
        var templates = reports.Select(r => r.Template).Distinct().Select(TemplateCatalog.Get)
            .OrderByDescending(t => t.Id == Ids.Templates.V2021).ToList();
        foreach (var tableId in new[] { Ids.Tables.Active, Ids.Tables.Requests, Ids.Tables.Review })
        {
            foreach (var template in templates)
            {
                if (template.Table(tableId) is not { } table)
                {
                    continue;
                }

                foreach (var row in table.Rows)
                {
                    foreach (var field in row.Fields)
                    {
                        if (seen.Add((tableId, row.Id, field.Id)))
                        {
                            var cellValues = reports.Select(r => stored.TryGetValue(r.Id, out var cells) && cells.TryGetValue((tableId, row.Id, field.Id), out var v) ? v : (decimal?)null).ToList();
                            if (cellValues.Any(v => v is not null))
                            {
                                cells.Add(new ComparedCell(tableId, row.Id, field.Id, row.PrintedLabel, field.Label, cellValues));
                            }
                        }
                    }
                }
            }
        }

        return new Comparison(reports, cells);
    }
}
