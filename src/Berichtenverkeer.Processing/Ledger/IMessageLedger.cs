using Berichtenverkeer.Matching.State;

namespace Berichtenverkeer.Processing.Ledger;

/// <summary>
/// The gateway's own inbox and outbox, kept in the same database as the iJw state so that a message's state
/// changes, its deliveries and its audit events are written in one transaction: a crash either loses the whole
/// step (the broker redelivers it) or none of it, and nothing is ever done twice.
/// </summary>
public interface IMessageLedger
{
    /// <summary>
    /// Ingress keeps the raw bytes here before it asks for processing: the claim check the bus message names.
    /// Idempotent per message id.
    /// </summary>
    Task SaveInboundAsync(InboundMessage message, CancellationToken cancellationToken = default);

    Task<InboundMessage?> LoadInboundAsync(string messageId, CancellationToken cancellationToken = default);

    /// <summary>A message already processed under this id (a broker redelivery).</summary>
    Task<LedgerRecord?> FindAsync(string messageId, CancellationToken cancellationToken = default);

    /// <summary>A message already processed with the same sender, type, Identificatie and content (a duplicate submission, TR056).</summary>
    Task<LedgerRecord?> FindDuplicateAsync(string afzender, string type, string identificatie, string contentHash, CancellationToken cancellationToken = default);

    /// <summary>Writes the record, its outbox deliveries and audit events, and the state changes, atomically.</summary>
    Task RecordAsync(LedgerRecord record, StateChanges? changes, CancellationToken cancellationToken = default);

    /// <summary>Deliveries and audit events written but not yet handed to the broker, oldest first.</summary>
    Task<IReadOnlyList<OutboxItem>> PendingAsync(int max, CancellationToken cancellationToken = default);

    Task MarkDispatchedAsync(IReadOnlyCollection<long> outboxIds, CancellationToken cancellationToken = default);
}
