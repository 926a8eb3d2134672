using System.Runtime.CompilerServices;

namespace Gongkai.Model.Templates;

/// <summary>A cell of a table drawn in the official layout: a label, or the slot of one value.</summary>
public sealed record LayoutCell(string Text, int RowSpan = 1, int ColSpan = 1, string? RowId = null, string? FieldId = null)
{
    public bool IsValue => FieldId is not null;
}

/// <summary>
/// Draws tables 二/三/四 as the official format prints them — merged headers, row groups with
/// their numbering, value slots in template order — from the template definition alone. The web
/// page, the test renderer and the spreadsheet export fill the slots with values.
/// </summary>
public static class OfficialLayout
{
    private static readonly ConditionalWeakTable<TableDefinition, IReadOnlyList<IReadOnlyList<LayoutCell>>> Drawn = [];

    /// <summary>The table's layout, drawn once per definition (definitions are immutable data).</summary>
    public static IReadOnlyList<IReadOnlyList<LayoutCell>> Draw(TableDefinition table) =>
        Drawn.GetValue(table, static t => [.. DrawNew(t).Select(row => (IReadOnlyList<LayoutCell>)[.. row])]);

    private static List<IReadOnlyList<LayoutCell>> DrawNew(TableDefinition table) => table.Id switch
    {
        Ids.Tables.Active => Active(table),
        Ids.Tables.Requests => Requests(table),
        _ => Review(table),
    };

    private static List<IReadOnlyList<LayoutCell>> Active(TableDefinition table)
    {
        var rows = new List<IReadOnlyList<LayoutCell>>();
        foreach (var group in table.Groups)
        {
            var members = table.Rows.Where(r => r.Group == group.Id).ToList();
            var fields = members[0].Fields;
            var span = fields.Count == 1 ? 3 : 1;
            rows.Add([new LayoutCell(group.Label, ColSpan: 4)]);
            rows.Add([new LayoutCell(table.RowHeaderLabel ?? "信息内容"), .. fields.Select(f => new LayoutCell(f.Label, ColSpan: span))]);
            foreach (var row in members)
            {
                rows.Add([new LayoutCell(row.Label), .. row.Fields.Select(f => new LayoutCell(string.Empty, ColSpan: span, RowId: row.Id, FieldId: f.Id))]);
            }
        }

        return rows;
    }

    private static List<IReadOnlyList<LayoutCell>> Requests(TableDefinition table)
    {
        var rows = new List<IReadOnlyList<LayoutCell>>
        {
            new List<LayoutCell> { new(table.Caption!, RowSpan: 3, ColSpan: 3), new(table.ColumnGroupLabel!, ColSpan: 7) },
            new List<LayoutCell> { new(table.Columns[0].Label, RowSpan: 2), new(table.Columns[1].Parent!, ColSpan: 5), new(table.Columns[^1].Label, RowSpan: 2) },
            table.Columns.Skip(1).Take(5).Select(c => new LayoutCell(c.Label)).ToList(),
        };
        var outcomes = table.Rows.Where(r => r.Group is not null).ToList();
        foreach (var row in table.Rows)
        {
            var cells = new List<LayoutCell>();
            if (row.Group is null)
            {
                cells.Add(new LayoutCell(row.PrintedLabel, ColSpan: 3));
            }
            else
            {
                if (row == outcomes[0])
                {
                    var outcome = table.Group("outcomes")!;
                    cells.Add(new LayoutCell(outcome.Numbering + outcome.Label, RowSpan: outcomes.Count));
                }

                var group = table.Group(row.Group)!;
                if (group.Parent is not null)
                {
                    var members = table.Rows.Where(r => r.Group == group.Id).ToList();
                    if (row == members[0])
                    {
                        cells.Add(new LayoutCell(group.Numbering + group.Label, RowSpan: members.Count));
                    }

                    cells.Add(new LayoutCell(row.PrintedLabel));
                }
                else
                {
                    cells.Add(new LayoutCell(row.PrintedLabel, ColSpan: 2));
                }
            }

            cells.AddRange(row.Fields.Select(f => new LayoutCell(string.Empty, RowId: row.Id, FieldId: f.Id)));
            rows.Add(cells);
        }

        return rows;
    }

    private static List<IReadOnlyList<LayoutCell>> Review(TableDefinition table)
    {
        var labels = table.Columns.Select(c => new LayoutCell(c.Label)).ToList();
        var litigation = table.Groups.Count > 0 ? table.Groups[0].Label : "行政诉讼";
        return
        [
            new List<LayoutCell> { new(table.Rows[0].Label, ColSpan: 5), new(litigation, ColSpan: 10) },
            [.. table.Columns.Select(c => new LayoutCell(c.Label, RowSpan: 2)), new(table.Rows[1].Label, ColSpan: 5), new(table.Rows[2].Label, ColSpan: 5)],
            [.. labels, .. labels],
            [.. table.Rows.SelectMany(r => r.Fields.Select(f => new LayoutCell(string.Empty, RowId: r.Id, FieldId: f.Id)))],
        ];
    }
}
