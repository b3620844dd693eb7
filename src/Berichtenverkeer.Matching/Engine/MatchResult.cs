using Berichtenverkeer.Ijw.Verdicts;
using Berichtenverkeer.Matching.State;

namespace Berichtenverkeer.Matching.Engine;

/// <summary>One rule that failed, where, and with which retourcode.</summary>
public sealed record RuleFinding(string Rule, string Retourcode, int Level, string Path);

/// <summary>The result of levels 3 and 4 on one message: the verdict to answer with, and what to remember.</summary>
public sealed record MatchResult(Verdict Verdict, StateChanges Changes, IReadOnlyList<RuleFinding> Findings);

/// <summary>Identity of a received message as the pipeline knows it.</summary>
public sealed record ReceivedMessage(string MessageId, string ContentHash, DateTimeOffset ReceivedAt);

public static class Outcomes
{
    public const string Accepted = "accepted";
    public const string Rejected = "rejected";

    /// <summary>A declaration of which some prestaties were rejected.</summary>
    public const string Partial = "partial";
}
