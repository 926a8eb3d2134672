using Gongkai.Model;

namespace Gongkai.Checks.CrossYear;

/// <summary>
/// A rule over one agency's reports of two consecutive years. Its findings belong to the later
/// report and point at its cells.
/// </summary>
public interface ICrossYearRule
{
    RuleDescriptor Descriptor { get; }

    IEnumerable<Finding> Check(StatedValues previous, StatedValues current);
}
