using Berichtenverkeer.Audit.Events;
using Berichtenverkeer.Processing.Routing;

namespace Berichtenverkeer.Processing.Ledger;

/// <summary>How the gateway disposed of a message.</summary>
public enum Disposition
{
    /// <summary>Accepted and passed on to the recipient (and answered where iJw answers).</summary>
    Routed,

    /// <summary>Rejected at level 2, 3 or 4: answered with the retour or JW325 that says why, not passed on.</summary>
    Rejected,

    /// <summary>Not an iJw message the schema accepts (level 1): an error notice to the sender, no retour (IV032).</summary>
    Invalid,

    /// <summary>The header's sender is not the authenticated party: recorded, nothing routed.</summary>
    Refused,

    /// <summary>Seen before with the same content: answered again with the stored answer, nothing routed twice.</summary>
    Duplicate,
}

/// <summary>One received message as the ledger keeps it: the raw bytes (the claim check of later stages), the verdict and what it caused.</summary>
public sealed record LedgerRecord
{
    public required string MessageId { get; init; }

    public required DateTimeOffset ReceivedAt { get; init; }

    public required string Channel { get; init; }

    public string? AuthenticatedParty { get; init; }

    public required string ContentHash { get; init; }

    public required byte[] Content { get; init; }

    public string? MessageType { get; init; }

    public string? Afzender { get; init; }

    public string? Ontvanger { get; init; }

    public string? Identificatie { get; init; }

    public required Disposition Disposition { get; init; }

    public int? FailedLevel { get; init; }

    public IReadOnlyList<string> RuleCodes { get; init; } = [];

    public IReadOnlyList<Delivery> Deliveries { get; init; } = [];

    public IReadOnlyList<AuditEvent> AuditEvents { get; init; } = [];
}

/// <summary>An outbox row: a delivery to a party, or an audit event to publish.</summary>
public sealed record OutboxItem(long Id, string MessageId, Delivery? Delivery, AuditEvent? AuditEvent);
