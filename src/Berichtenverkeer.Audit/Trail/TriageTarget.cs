namespace Berichtenverkeer.Audit.Trail;

/// <summary>
/// What a person asks for when they triage: the state a signal should move to (review, dismiss, confirm). The action
/// follows from where the signal stands — "review" is <see cref="TriageAction.StartReview"/> for a new signal and
/// <see cref="TriageAction.Reopen"/> for a dismissed or confirmed one — so the CLI and the HTTP endpoint speak alike.
/// </summary>
public static class TriageTarget
{
    /// <summary>The words accepted for a target: the verbs and the state names.</summary>
    public const string Accepted = "review, dismiss or confirm";

    /// <summary>review | under_review, dismiss | dismissed, confirm | confirmed (case-insensitive); null for anything else.</summary>
    public static TriageState? Parse(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "review" or "under_review" => TriageState.UnderReview,
        "dismiss" or "dismissed" => TriageState.Dismissed,
        "confirm" or "confirmed" => TriageState.Confirmed,
        _ => null,
    };

    /// <summary>
    /// The action that leads from <paramref name="current"/> to <paramref name="target"/>. Returns the action even when
    /// <see cref="TriageRules.Transition"/> will refuse it (e.g. dismissing a new signal), so the refusal names the rule.
    /// </summary>
    public static TriageAction ActionFor(TriageState current, TriageState target) => target switch
    {
        TriageState.UnderReview => TriageRules.IsFinal(current) ? TriageAction.Reopen : TriageAction.StartReview,
        TriageState.Dismissed => TriageAction.Dismiss,
        TriageState.Confirmed => TriageAction.Confirm,
        _ => throw new InvalidTriageTransitionException("A signal cannot be moved back to new; it is registered once."),
    };
}

/// <summary>No signal with this id is registered for triage.</summary>
public sealed class UnknownSignalException(string signalId)
    : InvalidOperationException($"Signal {signalId} is not registered for triage.")
{
    public string SignalId { get; } = signalId;
}
