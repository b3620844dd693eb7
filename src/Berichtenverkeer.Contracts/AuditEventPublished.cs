namespace Berichtenverkeer.Contracts;

/// <summary>
/// Event: one step in a message's life (received, refused, validated, rejected, routed, answered, duplicate).
/// Clients appear only as keyed pseudonyms; a BSN is never on the bus.
/// </summary>
public sealed record AuditEventPublished(
    string Step,
    string MessageId,
    string? MessageType,
    string? Afzender,
    string? Ontvanger,
    string? Identificatie,
    DateTimeOffset At,
    string ContentHash,
    IReadOnlyList<string> RuleCodes,
    IReadOnlyList<string> ClientPseudonyms,
    string? Detail);
