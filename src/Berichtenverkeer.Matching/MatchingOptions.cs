namespace Berichtenverkeer.Matching;

/// <summary>Which date decides whether an assignment is "current" (rules.md §0, [UNSURE]).</summary>
public enum CurrentAssignmentReference
{
    /// <summary>The message's Dagtekening: the sender's view when it wrote the message, independent of processing delay. Default.</summary>
    Dagtekening,

    /// <summary>The receiver's system date.</summary>
    SystemDate,
}

/// <summary>How TR369 compares declared care with an assigned Budget ([UNSURE] in rules.md §4.6).</summary>
public enum BudgetComparison
{
    /// <summary>Σ IngediendBedrag ≤ Budget: an amount against an amount, what the rule most plausibly means. Default.</summary>
    Amount,

    /// <summary>Σ GeleverdVolume ≤ Budget: the literal text.</summary>
    Volume,
}

public sealed class MatchingOptions
{
    public CurrentAssignmentReference CurrentAssignmentReference { get; set; } = CurrentAssignmentReference.Dagtekening;

    public BudgetComparison BudgetComparison { get; set; } = BudgetComparison.Amount;
}
