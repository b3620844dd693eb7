using System.Text.Json.Nodes;

namespace Berichtenverkeer.Audit.Trail;

/// <summary>Where a fraud-suspicion signal stands: new → under_review → dismissed | confirmed (reopen: back to under_review).</summary>
public enum TriageState
{
    New,
    UnderReview,
    Dismissed,
    Confirmed,
}

/// <summary>What a person (or the system, for <see cref="Register"/>) does to a signal.</summary>
public enum TriageAction
{
    /// <summary>The signal arrives: (none) → new.</summary>
    Register,

    /// <summary>new → under_review.</summary>
    StartReview,

    /// <summary>under_review → dismissed; needs a reason.</summary>
    Dismiss,

    /// <summary>under_review → confirmed.</summary>
    Confirm,

    /// <summary>dismissed | confirmed → under_review; needs a reason. The only way out of a final state.</summary>
    Reopen,
}

/// <summary>The little the trail needs of a fraud-suspicion signal (the signal itself lives with its detector).</summary>
/// <param name="SignalId">The detector's id for the signal.</param>
/// <param name="Gemeente">The responsible municipality (gemeentecode).</param>
/// <param name="Agb">The provider the signal is about.</param>
/// <param name="RuleId">The detection rule, e.g. FR14.</param>
public sealed record TriageSignal(string SignalId, string Gemeente, string Agb, string RuleId);

/// <summary>A signal's current triage state and the trail entry of its last transition.</summary>
public sealed record TriageRecord(
    TriageSignal Signal, TriageState State, string? Reason, string UpdatedBy, DateTimeOffset UpdatedAt, long TrailSequence);

/// <summary>One validated state change, as stored and as recorded in the trail (kind <see cref="TrailKind.Triage"/>).</summary>
public sealed record TriageTransition(
    TriageSignal Signal, TriageAction Action, TriageState? From, TriageState To, string Who, DateTimeOffset At, string? Reason)
{
    /// <summary>
    /// The trail payload: <c>{"action","agb","at","from","gemeente","reason","ruleId","signalId","to","who"}</c>; states in
    /// their text form (new, under_review, dismissed, confirmed); <c>from</c> is null for a registration.
    /// </summary>
    public TrailDraft ToDraft() => TrailDraft.Create(
        TrailKind.Triage,
        At,
        new JsonObject
        {
            ["signalId"] = Signal.SignalId,
            ["gemeente"] = Signal.Gemeente,
            ["agb"] = Signal.Agb,
            ["ruleId"] = Signal.RuleId,
            ["action"] = TriageRules.ActionText(Action),
            ["from"] = From is { } from ? TriageRules.StateText(from) : null,
            ["to"] = TriageRules.StateText(To),
            ["who"] = Who,
            ["at"] = AuditTime.Format(At),
            ["reason"] = Reason,
        }.ToJsonString());
}

/// <summary>The triage state machine: which action leads from which state to which, and what it needs.</summary>
public static class TriageRules
{
    public const int MaxReasonLength = 2000;

    /// <summary>Checks the action against the current state and returns the transition to store, or throws.</summary>
    /// <exception cref="InvalidTriageTransitionException">Not allowed from <paramref name="current"/>, or a missing reason.</exception>
    public static TriageTransition Transition(
        TriageSignal signal, TriageState? current, TriageAction action, string who, DateTimeOffset at, string? reason)
    {
        ArgumentNullException.ThrowIfNull(signal);
        if (string.IsNullOrWhiteSpace(who))
        {
            throw new InvalidTriageTransitionException("Say who acts: a triage transition records its user.");
        }

        RequireNoBsn(who, "who");
        reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        if (reason is not null)
        {
            if (reason.Length > MaxReasonLength)
            {
                throw new InvalidTriageTransitionException($"A reason has at most {MaxReasonLength} characters.");
            }

            RequireNoBsn(reason, "the reason");
        }

        var to = (action, current) switch
        {
            (TriageAction.Register, null) => TriageState.New,
            (TriageAction.StartReview, TriageState.New) => TriageState.UnderReview,
            (TriageAction.Dismiss, TriageState.UnderReview) => TriageState.Dismissed,
            (TriageAction.Confirm, TriageState.UnderReview) => TriageState.Confirmed,
            (TriageAction.Reopen, TriageState.Dismissed or TriageState.Confirmed) => TriageState.UnderReview,
            _ => throw new InvalidTriageTransitionException(Refusal(action, current)),
        };

        if (action is TriageAction.Dismiss or TriageAction.Reopen && reason is null)
        {
            throw new InvalidTriageTransitionException($"{ActionText(action)} needs a reason.");
        }

        return new TriageTransition(signal, action, current, to, who.Trim(), AuditTime.Truncate(at), reason);
    }

    /// <summary>Why a store refused a transition whose <see cref="TriageTransition.From"/> is no longer the stored state.</summary>
    public static string ConflictMessage(TriageTransition transition, TriageState? stored)
    {
        ArgumentNullException.ThrowIfNull(transition);
        var id = transition.Signal.SignalId;
        return (transition.From, stored) switch
        {
            (null, not null) => $"Signal {id} is already registered.",
            (not null, null) => $"Signal {id} is not registered.",
            _ => $"Signal {id} is {StateText(stored!.Value)} now, not {StateText(transition.From!.Value)}: someone else acted first; reload and retry.",
        };
    }

    public static bool IsFinal(TriageState state) => state is TriageState.Dismissed or TriageState.Confirmed;

    public static string StateText(TriageState state) => state switch
    {
        TriageState.New => "new",
        TriageState.UnderReview => "under_review",
        TriageState.Dismissed => "dismissed",
        TriageState.Confirmed => "confirmed",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };

    public static TriageState ParseState(string text) => text switch
    {
        "new" => TriageState.New,
        "under_review" => TriageState.UnderReview,
        "dismissed" => TriageState.Dismissed,
        "confirmed" => TriageState.Confirmed,
        _ => throw new FormatException($"Unknown triage state '{text}'."),
    };

    public static string ActionText(TriageAction action) => action switch
    {
        TriageAction.Register => "register",
        TriageAction.StartReview => "start_review",
        TriageAction.Dismiss => "dismiss",
        TriageAction.Confirm => "confirm",
        TriageAction.Reopen => "reopen",
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
    };

    /// <summary>
    /// True when <paramref name="text"/> holds nine consecutive digits (not part of a longer number) that pass the BSN
    /// 11-test: free text in the trail must never carry a BSN.
    /// </summary>
    public static bool ContainsLikelyBsn(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var run = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                run++;
                continue;
            }

            if (run == 9 && PassesElevenTest(text.AsSpan(i - 9, 9)))
            {
                return true;
            }

            run = 0;
        }

        return false;
    }

    private static bool PassesElevenTest(ReadOnlySpan<char> digits)
    {
        var sum = 0;
        var allZero = true;
        for (var i = 0; i < 9; i++)
        {
            var digit = digits[i] - '0';
            allZero &= digit == 0;
            sum += i < 8 ? (9 - i) * digit : -digit;
        }

        return !allZero && sum % 11 == 0;
    }

    private static void RequireNoBsn(string text, string what)
    {
        if (ContainsLikelyBsn(text))
        {
            throw new InvalidTriageTransitionException(
                $"{char.ToUpperInvariant(what[0])}{what[1..]} holds a number that looks like a BSN; the trail never records one (use the client's pseudonym).");
        }
    }

    private static string Refusal(TriageAction action, TriageState? current) => (action, current) switch
    {
        (TriageAction.Register, not null) => "The signal is already registered.",
        (_, null) => "The signal is not registered.",
        (TriageAction.Reopen, _) => $"Only a dismissed or confirmed signal can be reopened; this one is {StateText(current.Value)}.",
        (_, { } state) when IsFinal(state) =>
            $"The signal is {StateText(state)} (final): only an explicit reopen (with a reason) brings it back under review.",
        _ => $"{ActionText(action)} is not allowed from {StateText(current.Value)}.",
    };
}

/// <summary>The action is not allowed in the signal's state, or lacks what it needs (a reason, a user).</summary>
public sealed class InvalidTriageTransitionException(string message) : InvalidOperationException(message);

/// <summary>The signal's state changed between reading and writing (another user acted first), or it is unknown.</summary>
public sealed class TriageConflictException(string message) : InvalidOperationException(message);
