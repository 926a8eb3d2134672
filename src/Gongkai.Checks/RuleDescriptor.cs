using Gongkai.Model;

namespace Gongkai.Checks;

/// <summary>What a rule is: stable code, default severity, Chinese title and where the rule comes from.</summary>
public sealed record RuleDescriptor(string Code, Severity Severity, string Title, string Source);
