using Berichtenverkeer.Audit.Trail;

namespace Berichtenverkeer.Signals.Exceptions;

/// <summary>
/// Where raised signals live (table <c>signal</c>) and how auditors get them: saved once by id, registered in triage as
/// <see cref="TriageState.New"/> in the same transaction (so the registration is in the audit trail's hash chain),
/// queried, and published through an outbox of their own.
/// </summary>
public interface ISignalStore
{
    /// <summary>
    /// Stores the signals whose id is not stored yet and registers each in triage as new (one trail entry each), atomically;
    /// returns those new ones. A signal seen before is neither stored, registered nor published again (ids are deterministic).
    /// </summary>
    Task<IReadOnlyList<Signal>> SaveSignalsAsync(IReadOnlyList<Signal> signals, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>The stored signals matching <paramref name="query"/>, by period, rule and id; at most <see cref="SignalQuery.Limit"/>.</summary>
    Task<IReadOnlyList<StoredSignal>> QuerySignalsAsync(SignalQuery query, CancellationToken cancellationToken = default);

    /// <summary>One stored signal with its triage state, or null.</summary>
    Task<StoredSignal?> FindStoredSignalAsync(string signalId, CancellationToken cancellationToken = default);

    /// <summary>The signal's triage entries of the audit trail (registration, reviews, decisions), oldest first.</summary>
    Task<IReadOnlyList<AuditTrailEntry>> SignalTrailAsync(string signalId, CancellationToken cancellationToken = default);

    /// <summary>Up to <paramref name="max"/> signals not yet published, oldest first.</summary>
    Task<IReadOnlyList<StoredSignal>> UnpublishedSignalsAsync(int max, CancellationToken cancellationToken = default);

    /// <summary>Marks signals published (after the broker confirmed them); returns how many were not marked before.</summary>
    Task<int> MarkSignalsPublishedAsync(IReadOnlyCollection<string> signalIds, DateTimeOffset at, CancellationToken cancellationToken = default);
}

/// <summary>A stored signal: the signal, when it was first raised, when it was published, and its triage state now.</summary>
public sealed record StoredSignal(Signal Signal, DateTimeOffset FirstSeen, DateTimeOffset? PublishedAt, TriageState State);
