namespace Berichtenverkeer.Audit.Trail;

/// <summary>
/// Where the hash chain lives. Append-only: there is no update, and deletion only of the oldest entries by retention,
/// which leaves a <see cref="TrailKind.RetentionAnchor"/> behind in the same transaction.
/// Implemented by the relational store (table <c>audit_trail</c>) and by <see cref="InMemoryAuditTrailStore"/>.
/// </summary>
public interface IAuditTrailStore
{
    /// <summary>
    /// Appends the drafts, in order, atomically after the current head (<see cref="AuditChain.Link"/>), serialised against
    /// every other append so concurrent writers always form one unbroken chain. Returns the stored entries.
    /// </summary>
    Task<IReadOnlyList<AuditTrailEntry>> AppendTrailAsync(IReadOnlyList<TrailDraft> drafts, CancellationToken cancellationToken = default);

    /// <summary>Up to <paramref name="max"/> entries with sequence ≥ <paramref name="fromSequence"/>, in sequence order.</summary>
    Task<IReadOnlyList<AuditTrailEntry>> ReadTrailAsync(long fromSequence, int max, CancellationToken cancellationToken = default);

    /// <summary>The newest entry and the number of entries held; null for an empty trail.</summary>
    Task<AuditTrailHead?> TrailHeadAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Retention, in one transaction under the append lock: deletes the longest prefix of the chain whose entries are all
    /// older than <paramref name="cutoff"/> and appends a retention anchor (<see cref="RetentionAnchor.Draft"/>, time
    /// <paramref name="anchorAt"/>) recording the deleted range and the last deleted hash. Null when nothing was old enough.
    /// </summary>
    Task<RetentionOutcome?> DeleteTrailBeforeAsync(DateTimeOffset cutoff, DateTimeOffset anchorAt, CancellationToken cancellationToken = default);
}

/// <summary>
/// Triage state per fraud-suspicion signal (table <c>signal_triage</c>). Every change is written together with its
/// <see cref="TrailKind.Triage"/> trail entry, in one transaction under the trail's append lock.
/// </summary>
public interface ISignalTriageStore
{
    Task<TriageRecord?> FindSignalAsync(string signalId, CancellationToken cancellationToken = default);

    /// <summary>Signals in <paramref name="state"/> (all when null), oldest change first.</summary>
    Task<IReadOnlyList<TriageRecord>> ListSignalsAsync(TriageState? state = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores a transition made by <see cref="TriageRules.Transition"/> and appends its trail entry, atomically. Throws
    /// <see cref="TriageConflictException"/> when the stored state is no longer <see cref="TriageTransition.From"/>
    /// (or, for a registration, the signal exists already).
    /// </summary>
    Task<TriageRecord> ApplyTriageAsync(TriageTransition transition, CancellationToken cancellationToken = default);
}

/// <summary>
/// The gateway's outbox as the trail's feed: audit events the pipeline wrote with each verdict are appended to the trail
/// exactly once, in outbox order, in the same transaction that marks them trailed — so the trail misses no event and
/// holds none twice, whatever happens to bus dispatch. The host calls it in a loop (e.g. after each outbox signal).
/// </summary>
public interface IAuditOutboxFeed
{
    /// <summary>Appends up to <paramref name="max"/> not yet trailed audit events (entry time <paramref name="at"/>); returns how many.</summary>
    Task<int> TrailOutboxAsync(int max, DateTimeOffset at, CancellationToken cancellationToken = default);
}

/// <summary>What retention removed, and the anchor it left.</summary>
public sealed record RetentionOutcome(AuditTrailEntry Anchor, RetentionAnchor Removed);
