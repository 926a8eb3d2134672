using Gongkai.Ingestion.Layouts;
using Gongkai.Model;
using Gongkai.Model.Templates;

namespace Gongkai.Ingestion.Mapping;

/// <summary>
/// Turns a <see cref="CellGrid"/> into a typed table of one template generation, without knowing
/// which layout produced the grid. Values are taken only where a row label or the table's fixed
/// order places them; anything else is left absent and reported.
/// </summary>
internal static class TemplateMapper
{
    /// <summary>How many template rows ahead a label may match (rows the source left out are skipped).</summary>
    private const int LookAhead = 8;

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<TableDefinition, RowLabels> NormalizedLabels = [];

    /// <summary>A table's row labels (with variants), normalised once: in order, and by exact text.</summary>
    private sealed class RowLabels
    {
        public RowLabels(TableDefinition definition)
        {
            Rows = [.. definition.Rows.Select(r => (r, r.Variants.Prepend(r.Label).Select(LabelMatcher.Normalize).ToArray()))];
            Exact = [];
            for (var i = 0; i < Rows.Length; i++)
            {
                foreach (var label in Rows[i].Labels)
                {
                    if (!Exact.TryGetValue(label, out var rows))
                    {
                        Exact[label] = rows = [];
                    }

                    rows.Add(i);
                }
            }
        }

        public (RowDefinition Row, string[] Labels)[] Rows { get; }

        public Dictionary<string, List<int>> Exact { get; }
    }

    public static StatTable? Map(TableDefinition definition, CellGrid grid, ReadContext context, SourceSpan? span)
    {
        var table = new StatTable(definition, span);
        switch (definition.Layout)
        {
            case TableLayout.LabelledRows:
                MapLabelledRows(table, grid, context);
                break;
            case TableLayout.ValueRowAfterHeaders:
                MapValueRow(table, grid, context);
                break;
        }

        return table.AnyStated ? table : null;
    }

    /// <summary>A label and the value cells that follow it.</summary>
    private sealed record Run(Cell? Label, List<Cell> Values);

    private static List<Run> Runs(CellGrid grid)
    {
        var runs = new List<Run>();
        Cell? previous = null;
        Run? current = null;
        foreach (var cell in grid.Cells)
        {
            var newRow = previous is not null && previous.Row != cell.Row;
            if (!cell.IsValue)
            {
                current = null;
            }
            else if (current is not null && !(newRow && grid.Kind == GridKind.Rows))
            {
                current.Values.Add(cell);
            }
            else
            {
                var label = previous is { IsValue: false } && !(newRow && grid.Kind == GridKind.Rows) ? previous : null;
                current = new Run(label, [cell]);
                runs.Add(current);
            }

            previous = cell;
        }

        return runs;
    }

    private static void MapLabelledRows(StatTable table, CellGrid grid, ReadContext context)
    {
        var definition = table.Definition;
        var labels = NormalizedLabels.GetValue(definition, d => new RowLabels(d));
        var cursor = 0;
        foreach (var run in Runs(grid))
        {
            if (run.Label is null)
            {
                continue;
            }

            var candidate = LabelMatcher.Normalize(run.Label.Text);
            var match = Find(labels, candidate, cursor);
            if (match < 0)
            {
                context.Problem(
                    "READ5", Severity.Warning,
                    $"{Title(definition)}中有无法识别的行“{run.Label.Text}”（其后有{run.Values.Count}个数值），未采用",
                    definition.Id, span: context.Span(run.Label.Start, run.Label.End));
                continue;
            }

            Assign(table, labels.Rows[match].Row, run, grid.Kind, context);
            cursor = match + 1;
        }
    }

    /// <summary>The template row (at or after <paramref name="cursor"/>, within the look-ahead) a label names, or -1.</summary>
    private static int Find(RowLabels labels, string candidate, int cursor)
    {
        var end = Math.Min(labels.Rows.Length, cursor + LookAhead);
        if (labels.Exact.TryGetValue(candidate, out var exact))
        {
            foreach (var row in exact)
            {
                if (row >= cursor && row < end)
                {
                    return row;
                }
            }
        }

        var match = -1;
        var bestScore = 0.0;
        for (var j = cursor; j < end; j++)
        {
            foreach (var label in labels.Rows[j].Labels)
            {
                var score = LabelMatcher.Similarity(candidate, label);
                if (score >= 0.8 && score > bestScore)
                {
                    match = j;
                    bestScore = score;
                }
            }
        }

        return match;
    }

    private static void Assign(StatTable table, RowDefinition row, Run run, GridKind kind, ReadContext context)
    {
        var fields = row.Fields;
        var values = run.Values;
        var definition = table.Definition;
        var rowLabel = $"{Title(definition)}“{row.PrintedLabel}”";
        if (values.Count < fields.Count && values.Count == 1 && fields.Count > 1 && TrySplit(table, row.Id, fields, values[0], rowLabel, context))
        {
            return;
        }

        var take = Math.Min(values.Count, fields.Count);
        if (values.Count < fields.Count && kind == GridKind.Stream)
        {
            context.Problem(
                "READ4", Severity.Warning,
                $"{rowLabel}应有{fields.Count}个数值，只找到{values.Count}个（{string.Join("、", values.Select(v => v.Text))}），无法确定各自所属列，均未采用",
                definition.Id, row.Id, span: context.Span(values[0].Start, values[^1].End));
            return;
        }

        for (var i = 0; i < take; i++)
        {
            var cell = values[i];
            var value = context.Cell(cell.Start, cell.End);
            table[row.Id, fields[i].Id] = value;
            if (value.State == CellState.Unreadable)
            {
                context.Problem("READ4", Severity.Warning, $"{rowLabel}的“{fields[i].Label}”无法读作数字：“{cell.Text}”", definition.Id, row.Id, fields[i].Id, value.Span);
            }
        }

        if (values.Count < fields.Count)
        {
            var missing = fields.Skip(values.Count).Select(f => f.Label);
            context.Problem(
                "READ4", Severity.Warning,
                $"{rowLabel}应有{fields.Count}个数值，只找到{values.Count}个；缺少：{string.Join("、", missing)}",
                definition.Id, row.Id, fields[values.Count].Id, context.Span(values[^1].Start, values[^1].End));
        }
        else if (values.Count > fields.Count)
        {
            var extra = values.Skip(fields.Count).ToList();
            context.Problem(
                "READ3", kind == GridKind.Rows ? Severity.Info : Severity.Warning,
                $"{rowLabel}应有{fields.Count}个数值，另有{extra.Count}个多余单元格（{string.Join("、", extra.Select(v => v.Text))}），按合并单元格残留忽略",
                definition.Id, row.Id, span: context.Span(extra[0].Start, extra[^1].End));
        }
    }

    private static void MapValueRow(StatTable table, CellGrid grid, ReadContext context)
    {
        var definition = table.Definition;
        var slots = definition.Rows.SelectMany(r => r.Fields.Select(f => (Row: r, Field: f))).ToArray();
        var runs = Runs(grid);
        if (runs.Count == 0)
        {
            return;
        }

        // The table's values are its longest stretch of value cells.
        var values = runs.Select(r => r.Values).MaxBy(v => v.Count)!;
        if (values.Count == 1 && slots.Length > 1)
        {
            var fields = slots.Select(s => s.Field).ToArray();
            if (TrySplitInto(values[0], fields, Title(definition), context, definition.Id, null, out var parts))
            {
                for (var i = 0; i < slots.Length; i++)
                {
                    table[slots[i].Row.Id, slots[i].Field.Id] = parts[i];
                }
            }

            return;
        }

        if (values.Count < slots.Length && grid.Kind == GridKind.Stream)
        {
            context.Problem(
                "READ4", Severity.Warning,
                $"{Title(definition)}应有{slots.Length}个数值，只找到{values.Count}个，无法确定各自所属列，均未采用",
                definition.Id, span: context.Span(values[0].Start, values[^1].End));
            return;
        }

        for (var i = 0; i < Math.Min(values.Count, slots.Length); i++)
        {
            table[slots[i].Row.Id, slots[i].Field.Id] = context.Cell(values[i].Start, values[i].End);
        }

        if (values.Count > slots.Length)
        {
            var extra = values.Skip(slots.Length).ToList();
            context.Problem("READ3", Severity.Warning, $"{Title(definition)}应有{slots.Length}个数值，另有{extra.Count}个多余数值，已忽略", definition.Id, span: context.Span(extra[0].Start, extra[^1].End));
        }
        else if (values.Count < slots.Length)
        {
            context.Problem("READ4", Severity.Warning, $"{Title(definition)}应有{slots.Length}个数值，只找到{values.Count}个", definition.Id, span: context.Span(values[^1].Start, values[^1].End));
        }
    }

    private static bool TrySplit(StatTable table, string rowId, IReadOnlyList<FieldDefinition> fields, Cell cell, string rowLabel, ReadContext context)
    {
        if (!cell.Text.All(char.IsAsciiDigit) || cell.Text.Length < fields.Count)
        {
            return false;
        }

        if (TrySplitInto(cell, fields, rowLabel, context, table.Id, rowId, out var parts))
        {
            for (var i = 0; i < fields.Count; i++)
            {
                table[rowId, fields[i].Id] = parts[i];
            }
        }

        // Either split or reported as ambiguous: the cell is handled.
        return true;
    }

    private static bool TrySplitInto(Cell cell, IReadOnlyList<FieldDefinition> fields, string label, ReadContext context, string tableId, string? rowId, out CellValue[] parts)
    {
        parts = [];
        var span = context.Span(cell.Start, cell.End);
        if (!cell.Text.All(char.IsAsciiDigit) || cell.Text.Length < fields.Count)
        {
            return false;
        }

        var splits = RunTogetherSplitter.Split(cell.Text, fields.Count, values => SumsConsistent(fields, values));
        if (splits.Count != 1)
        {
            var why = splits.Count == 0 ? "没有一种拆分能使合计成立" : $"可拆分为多种组合（如 {string.Join(" / ", splits.Select(s => string.Join(",", s)))}）";
            context.Problem("READ1", Severity.Warning, $"{label}的数字连写在一起“{cell.Text}”，{why}，数值未采用", tableId, rowId, span: span);
            return false;
        }

        var split = splits[0];
        parts = new CellValue[split.Length];
        var offset = 0;
        for (var i = 0; i < split.Length; i++)
        {
            var length = split[i].ToString(System.Globalization.CultureInfo.InvariantCulture).Length;
            var partSpan = context.Span(cell.Start + offset, cell.Start + offset + length);
            var raw = context.Source.Verbatim ? context.Source.Raw(partSpan) : cell.Text.Substring(offset, length);
            parts[i] = new CellValue(CellState.Number, split[i], raw, partSpan);
            offset += length;
        }

        context.Problem("READ2", Severity.Info, $"{label}的数字连写在一起“{cell.Text}”，按表内合计唯一拆分为 {string.Join("、", split)}", tableId, rowId, span: span);
        return true;
    }

    /// <summary>Every "total" field equals the sum of the fields before it (back to the previous total).</summary>
    internal static bool SumsConsistent(IReadOnlyList<FieldDefinition> fields, long[] values)
    {
        long sum = 0;
        var sawTotal = false;
        for (var i = 0; i < fields.Count; i++)
        {
            if (fields[i].Id == Ids.Requests.TotalColumn)
            {
                if (values[i] != sum)
                {
                    return false;
                }

                sawTotal = true;
                sum = 0;
            }
            else
            {
                sum += values[i];
            }
        }

        // Without a total there is nothing to decide by: only a split into single digits is certain.
        return sawTotal || values.All(v => v < 10);
    }

    private static string Title(TableDefinition definition) => definition.Id switch
    {
        Ids.Tables.Active => "表二",
        Ids.Tables.Requests => "表三",
        Ids.Tables.Review => "表四",
        _ => definition.Title,
    };
}
