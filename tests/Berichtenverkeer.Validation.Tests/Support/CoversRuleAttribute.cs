namespace Berichtenverkeer.Validation.Tests.Support;

public enum RuleOutcome
{
    /// <summary>The test shows a message (or model) that satisfies the rule, typically right at its boundary.</summary>
    Passes,

    /// <summary>The test shows a message (or model) that breaks the rule and is reported under its code.</summary>
    Fails,
}

/// <summary>
/// Marks a test as a passing or failing case of one level-2 rule. <c>RuleCoverageTests</c> reads these marks and
/// fails when a rule of <c>RuleCatalog.Default</c> lacks either case.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class CoversRuleAttribute(string code, RuleOutcome outcome) : Attribute
{
    public string Code { get; } = code;

    public RuleOutcome Outcome { get; } = outcome;
}
