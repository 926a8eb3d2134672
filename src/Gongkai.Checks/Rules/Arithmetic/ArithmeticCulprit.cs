using Gongkai.Model;

namespace Gongkai.Checks.Rules.Arithmetic;

/// <summary>
/// When sums are broken, names the cell (or the pair of cells in one row or column) whose
/// correction alone makes every R1–R4 equation hold — the most likely culprit. It says nothing
/// when no such cell exists or when several would do.
/// </summary>
internal sealed class ArithmeticCulprit : IReportRule
{
    private const int MaxCandidates = 60;

    public RuleDescriptor Descriptor { get; } = new("RC", Severity.Info, "勾稽关系不成立时最可能出错的单元格", "R1–R4");

    public IEnumerable<Finding> Check(AnnualReport report, CheckContext context)
    {
        var equations = ReportEquations.Evaluate(report, context)
            .Where(e => e.Residual is not null)
            .Select(e => (e.Equation, Residual: e.Residual!.Value))
            .ToList();
        var broken = equations.Where(e => e.Residual != 0).ToList();
        if (broken.Count == 0)
        {
            yield break;
        }

        // A culprit must appear in every broken equation (a pair: between them). Which broken
        // equations each candidate appears in, as a bit set, decides that before any solving.
        var candidates = broken.SelectMany(e => e.Equation.Terms.Select(t => t.Cell)).Distinct().Take(MaxCandidates).ToList();
        var all = broken.Count >= 64 ? ulong.MaxValue : (1UL << broken.Count) - 1;
        var cover = candidates.Select(c => Cover(broken, c)).ToArray();
        var answers = new List<(CellRef[] Cells, decimal[] Deltas)>();
        for (var i = 0; i < candidates.Count && broken.Count < 64; i++)
        {
            if (cover[i] == all && Solve(equations, [candidates[i]]) is { } single)
            {
                answers.Add(([candidates[i]], single));
            }
        }

        for (var i = 0; i < candidates.Count && answers.Count == 0 && broken.Count < 64; i++)
        {
            for (var j = i + 1; j < candidates.Count; j++)
            {
                if ((cover[i] | cover[j]) == all && SameRowOrColumn(candidates[i], candidates[j]) && Solve(equations, [candidates[i], candidates[j]]) is { } pair)
                {
                    answers.Add(([candidates[i], candidates[j]], pair));
                }
            }
        }

        if (answers.Count != 1)
        {
            yield break;
        }

        var (cells, deltas) = answers[0];
        var table = report.Table(cells[0].Table)!;
        var current = cells.Select(c => table.Value(c.Row, c.Column)!.Value).ToArray();
        var corrected = current.Zip(deltas, (v, d) => Labels.Number(v + d));
        var where = cells.Length == 1
            ? $"“{Labels.Row(table.Definition, cells[0].Row)}”行“{Column(table, cells[0])}”列"
            : cells[0].Row == cells[1].Row
                ? $"“{Labels.Row(table.Definition, cells[0].Row)}”行的“{Column(table, cells[0])}”列和“{Column(table, cells[1])}”列"
                : $"“{Labels.Row(table.Definition, cells[0].Row)}”行“{Column(table, cells[0])}”列和“{Labels.Row(table.Definition, cells[1].Row)}”行“{Column(table, cells[1])}”列";
        yield return new Finding(
            Descriptor.Code, Descriptor.Severity,
            $"最可能出错的单元格：{Labels.Table(table.Id)}{where}（现为{string.Join("、", current.Select(Labels.Number))}；若为{string.Join("、", corrected)}，则全部{broken.Count}处不成立的合计关系均成立）",
            new FindingLocation(table.Id, cells[0].Row, cells[0].Column, table[cells[0].Row, cells[0].Column].Span));
    }

    private static ulong Cover(List<(Equation Equation, decimal Residual)> broken, CellRef cell)
    {
        var bits = 0UL;
        for (var i = 0; i < broken.Count && i < 64; i++)
        {
            if (broken[i].Equation.Contains(cell))
            {
                bits |= 1UL << i;
            }
        }

        return bits;
    }

    private static string Column(StatTable table, CellRef cell) =>
        table.Definition.Row(cell.Row).Field(cell.Column).Label;

    /// <summary>A pair in one table sharing a row or a column.</summary>
    private static bool SameRowOrColumn(CellRef a, CellRef b) =>
        a.Table == b.Table && (a.Row == b.Row || a.Column == b.Column);

    /// <summary>The non-zero corrections of <paramref name="cells"/> that make every equation hold, or null.</summary>
    private static decimal[]? Solve(List<(Equation Equation, decimal Residual)> equations, CellRef[] cells)
    {
        var deltas = new decimal?[cells.Length];

        // Equations holding exactly one unknown fix it; repeat once so a pair can use the other's value.
        for (var pass = 0; pass < 2; pass++)
        {
            foreach (var (equation, residual) in equations)
            {
                var unknown = -1;
                var known = residual;
                var count = 0;
                for (var i = 0; i < cells.Length; i++)
                {
                    var sign = equation.SignOf(cells[i]);
                    if (sign == 0)
                    {
                        continue;
                    }

                    if (deltas[i] is { } d)
                    {
                        known += sign * d;
                    }
                    else
                    {
                        unknown = i;
                        count++;
                    }
                }

                if (count == 1)
                {
                    var value = -known * equation.SignOf(cells[unknown]);
                    if (deltas[unknown] is { } existing && existing != value)
                    {
                        return null;
                    }

                    deltas[unknown] = value;
                }
            }
        }

        if (deltas.Any(d => d is null or 0))
        {
            return null;
        }

        foreach (var (equation, residual) in equations)
        {
            var after = residual;
            for (var i = 0; i < cells.Length; i++)
            {
                after += equation.SignOf(cells[i]) * deltas[i]!.Value;
            }

            if (after != 0)
            {
                return null;
            }
        }

        return [.. deltas.Select(d => d!.Value)];
    }
}
