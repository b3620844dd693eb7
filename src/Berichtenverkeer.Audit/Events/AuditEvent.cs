namespace Berichtenverkeer.Audit.Events;

/// <summary>The steps of a message's life the trail records (issue: received, refused, validated, rejected, routed, answered).</summary>
public static class AuditStep
{
    public const string Received = "received";
    public const string Refused = "refused";
    public const string Validated = "validated";
    public const string Rejected = "rejected";
    public const string Routed = "routed";
    public const string Answered = "answered";
    public const string Duplicate = "duplicate";
}

/// <summary>
/// One audited step. Carries who and what (parties, message type and id), when, a content hash of the bytes the step
/// concerns, the rule codes involved, and the clients only as keyed pseudonyms — never a BSN (NEN 7513, AT1).
/// </summary>
public sealed record AuditEvent
{
    public required string Step { get; init; }

    public required string MessageId { get; init; }

    public string? MessageType { get; init; }

    public string? Afzender { get; init; }

    public string? Ontvanger { get; init; }

    public string? Identificatie { get; init; }

    public required DateTimeOffset At { get; init; }

    /// <summary>SHA-256 (hex) of the message or answer bytes this step concerns.</summary>
    public required string ContentHash { get; init; }

    public IReadOnlyList<string> RuleCodes { get; init; } = [];

    public IReadOnlyList<string> ClientPseudonyms { get; init; } = [];

    /// <summary>A plain sentence for a person: why refused, where routed, which answer.</summary>
    public string? Detail { get; init; }
}
