namespace Berichtenverkeer.Contracts;

/// <summary>
/// Event: the gateway raised a fraud-suspicion signal (fraud-signals.md FR14–FR36) for material control or fraud
/// investigation. Published once per signal id to the auditors' exception queue; a redelivery carries the same message
/// id. Never a retourcode and never a change to an answer. The client appears only as a keyed pseudonym, never a BSN.
/// </summary>
public sealed record FraudSignalRaised(
    string SignalId,
    string RuleId,
    int RuleVersion,
    string Severity,
    string Stage,
    string Gemeente,
    string? Agb,
    IReadOnlyList<string> RelatedAgbs,
    string? ClientPseudonym,
    DateOnly PeriodFrom,
    DateOnly PeriodTo,
    string Description,
    IReadOnlyDictionary<string, double> Values,
    IReadOnlyList<string> MessageIds,
    IReadOnlyList<string> ContentHashes,
    DateTimeOffset RaisedAt);
