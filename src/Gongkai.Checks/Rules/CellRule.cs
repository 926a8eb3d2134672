using Gongkai.Model;
using Gongkai.Model.Templates;

namespace Gongkai.Checks.Rules;

/// <summary>A rule judging each table cell on its own: one finding, located at the cell, per cell it flags.</summary>
internal abstract class CellRule : IReportRule
{
    public abstract RuleDescriptor Descriptor { get; }

    public IEnumerable<Finding> Check(AnnualReport report, CheckContext context)
    {
        foreach (var table in report.Tables())
        {
            foreach (var (row, field, cell) in table.Cells())
            {
                if (Flags(field, cell))
                {
                    var name = $"{Labels.Table(table.Id)}“{Labels.Row(table.Definition, row.Id)}”的“{field.Label}”";
                    yield return new Finding(Descriptor.Code, Descriptor.Severity, Message(name, cell), new FindingLocation(table.Id, row.Id, field.Id, cell.Span));
                }
            }
        }
    }

    protected abstract bool Flags(FieldDefinition field, CellValue cell);

    /// <summary>The message, given the cell's name as findings print it (表二“行政处罚”的“本年处理决定数量”).</summary>
    protected abstract string Message(string cellName, CellValue cell);
}
