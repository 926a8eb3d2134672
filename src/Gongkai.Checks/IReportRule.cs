using Gongkai.Model;

namespace Gongkai.Checks;

/// <summary>One reviewer's rule. Its findings state the numbers and point at the cells or text.</summary>
public interface IReportRule
{
    RuleDescriptor Descriptor { get; }

    IEnumerable<Finding> Check(AnnualReport report, CheckContext context);
}
