namespace Berichtenverkeer.Audit.Trail;

/// <summary>
/// The trail and triage ports in memory, with the same semantics as the relational store (one lock serialises appends,
/// retention and triage changes). For tests and tools; nothing survives the process.
/// </summary>
public sealed class InMemoryAuditTrailStore : IAuditTrailStore, ISignalTriageStore
{
    private readonly Lock _lock = new();
    private readonly List<AuditTrailEntry> _entries = [];
    private readonly Dictionary<string, TriageRecord> _triage = new(StringComparer.Ordinal);

    /// <summary>A copy of the entries held, in sequence order.</summary>
    public IReadOnlyList<AuditTrailEntry> Entries
    {
        get
        {
            lock (_lock)
            {
                return _entries.ToList();
            }
        }
    }

    public Task<IReadOnlyList<AuditTrailEntry>> AppendTrailAsync(IReadOnlyList<TrailDraft> drafts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(drafts);
        lock (_lock)
        {
            return Task.FromResult(AppendLocked(drafts));
        }
    }

    public Task<IReadOnlyList<AuditTrailEntry>> ReadTrailAsync(long fromSequence, int max, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            IReadOnlyList<AuditTrailEntry> page = _entries.Where(e => e.Sequence >= fromSequence).Take(max).ToList();
            return Task.FromResult(page);
        }
    }

    public Task<AuditTrailHead?> TrailHeadAsync(CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult(HeadLocked());
        }
    }

    public Task<RetentionOutcome?> DeleteTrailBeforeAsync(DateTimeOffset cutoff, DateTimeOffset anchorAt, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            // The longest prefix whose entries are all older than the cut-off.
            var prefix = _entries.TakeWhile(e => e.At < cutoff).Count();
            if (prefix == 0)
            {
                return Task.FromResult<RetentionOutcome?>(null);
            }

            var first = _entries[0];
            var last = _entries[prefix - 1];
            var removed = new RetentionAnchor(first.Sequence, last.Sequence, prefix, last.EntryHash, AuditTime.Truncate(cutoff));
            var head = HeadLocked();
            _entries.RemoveRange(0, prefix);
            var anchor = AuditChain.Link(head, [removed.Draft(anchorAt)])[0];
            _entries.Add(anchor);
            return Task.FromResult<RetentionOutcome?>(new RetentionOutcome(anchor, removed));
        }
    }

    public Task<TriageRecord?> FindSignalAsync(string signalId, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult(_triage.GetValueOrDefault(signalId));
        }
    }

    public Task<IReadOnlyList<TriageRecord>> ListSignalsAsync(TriageState? state = null, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            IReadOnlyList<TriageRecord> list = _triage.Values
                .Where(r => state is null || r.State == state)
                .OrderBy(r => r.TrailSequence)
                .ToList();
            return Task.FromResult(list);
        }
    }

    public Task<TriageRecord> ApplyTriageAsync(TriageTransition transition, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(transition);
        lock (_lock)
        {
            var current = _triage.GetValueOrDefault(transition.Signal.SignalId);
            if (current?.State != transition.From)
            {
                throw new TriageConflictException(TriageRules.ConflictMessage(transition, current?.State));
            }

            var entry = AppendLocked([transition.ToDraft()])[0];
            var record = new TriageRecord(
                current?.Signal ?? transition.Signal, transition.To, transition.Reason, transition.Who, transition.At, entry.Sequence);
            _triage[transition.Signal.SignalId] = record;
            return Task.FromResult(record);
        }
    }

    private IReadOnlyList<AuditTrailEntry> AppendLocked(IReadOnlyList<TrailDraft> drafts)
    {
        var entries = AuditChain.Link(HeadLocked(), drafts);
        _entries.AddRange(entries);
        return entries;
    }

    private AuditTrailHead? HeadLocked() =>
        _entries.Count == 0 ? null : new AuditTrailHead(_entries[^1].Sequence, _entries[^1].EntryHash, _entries[^1].At, _entries.Count);
}
