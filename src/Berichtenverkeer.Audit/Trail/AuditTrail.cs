using Berichtenverkeer.Audit.Events;

namespace Berichtenverkeer.Audit.Trail;

/// <summary>Retention of the trail (AT6). Bindable from configuration (section <see cref="SectionName"/>).</summary>
public sealed class AuditTrailOptions
{
    public const string SectionName = "AuditTrail";

    /// <summary>The legal floor for access and processing logs (NEN 7513; Staatscourant 2019-38007: "ten minste 5 jaar").</summary>
    public const int MinimumRetentionYears = 5;

    /// <summary>How long entries are kept; default 7 years (the fiscal term), never less than <see cref="MinimumRetentionYears"/>.</summary>
    public int RetentionYears { get; set; } = 7;
}

/// <summary>
/// The tamper-evident audit trail (AT3): audit events and triage decisions appended to one hash chain, retention that
/// keeps the rest verifiable (AT6), checkpoints and export for the auditor.
/// </summary>
public sealed class AuditTrail
{
    private readonly IAuditTrailStore _store;
    private readonly ISignalTriageStore? _triage;
    private readonly AuditTrailOptions _options;
    private readonly TimeProvider _time;

    public AuditTrail(IAuditTrailStore store, ISignalTriageStore? triage = null, AuditTrailOptions? options = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
        _triage = triage;
        _options = options ?? new AuditTrailOptions();
        _time = time ?? TimeProvider.System;
        if (_options.RetentionYears < AuditTrailOptions.MinimumRetentionYears)
        {
            throw new ArgumentException(
                $"Audit trail retention must be at least {AuditTrailOptions.MinimumRetentionYears} years (AT6); configured: {_options.RetentionYears}.",
                nameof(options));
        }
    }

    /// <summary>Appends the events, in order, as one atomic batch of <see cref="TrailKind.AuditEvent"/> entries.</summary>
    public Task<IReadOnlyList<AuditTrailEntry>> AppendAsync(IEnumerable<AuditEvent> events, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        var at = _time.GetUtcNow();
        var drafts = events.Select(e => Draft(e, at)).ToList();
        return drafts.Count == 0
            ? Task.FromResult<IReadOnlyList<AuditTrailEntry>>([])
            : _store.AppendTrailAsync(drafts, cancellationToken);
    }

    /// <summary>The draft of an audit event: its <see cref="AuditJson"/> form, canonicalised.</summary>
    public static TrailDraft Draft(AuditEvent auditEvent, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(auditEvent);
        return TrailDraft.Create(TrailKind.AuditEvent, at, AuditJson.Serialize(auditEvent));
    }

    /// <summary>Registers a new signal (state new), recorded in the trail. Registering a known signal returns it unchanged.</summary>
    public async Task<TriageRecord> RegisterSignalAsync(TriageSignal signal, string who, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(signal);
        var triage = Triage();
        if (await triage.FindSignalAsync(signal.SignalId, cancellationToken).ConfigureAwait(false) is { } known)
        {
            return known;
        }

        var transition = TriageRules.Transition(signal, null, TriageAction.Register, who, _time.GetUtcNow(), null);
        try
        {
            return await triage.ApplyTriageAsync(transition, cancellationToken).ConfigureAwait(false);
        }
        catch (TriageConflictException)
        {
            // Registered by someone else in between: the registration stands.
            var raced = await triage.FindSignalAsync(signal.SignalId, cancellationToken).ConfigureAwait(false);
            if (raced is null)
            {
                throw;
            }

            return raced;
        }
    }

    /// <summary>
    /// Validates <paramref name="action"/> against the signal's current state (<see cref="TriageRules"/>), stores the new
    /// state and records the transition in the trail (who, when, from, to, reason) in one transaction.
    /// </summary>
    /// <exception cref="InvalidTriageTransitionException">Not allowed from the current state, or a needed reason is missing.</exception>
    /// <exception cref="TriageConflictException">Unknown signal, or another user changed it meanwhile.</exception>
    public async Task<TriageRecord> RecordTriageAsync(string signalId, TriageAction action, string who, string? reason = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(signalId);
        if (action == TriageAction.Register)
        {
            throw new ArgumentException("Use RegisterSignalAsync to register a signal.", nameof(action));
        }

        var triage = Triage();
        var current = await triage.FindSignalAsync(signalId, cancellationToken).ConfigureAwait(false)
            ?? throw new TriageConflictException($"Signal {signalId} is not registered.");
        var transition = TriageRules.Transition(current.Signal, current.State, action, who, _time.GetUtcNow(), reason);
        return await triage.ApplyTriageAsync(transition, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Moves a signal towards <paramref name="target"/> (<see cref="TriageTarget"/>): picks the action from its current
    /// state, validates it (<see cref="TriageRules.Transition"/>) and stores it with its trail entry in one transaction.
    /// </summary>
    /// <exception cref="UnknownSignalException">No such signal is registered.</exception>
    /// <exception cref="InvalidTriageTransitionException">Not allowed from the current state, a missing reason, a BSN in the text.</exception>
    /// <exception cref="TriageConflictException">Another user changed the signal between reading and writing.</exception>
    public async Task<TriageRecord> MoveTriageAsync(string signalId, TriageState target, string who, string? reason = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(signalId);
        var triage = Triage();
        var current = await triage.FindSignalAsync(signalId, cancellationToken).ConfigureAwait(false)
            ?? throw new UnknownSignalException(signalId);
        var action = TriageTarget.ActionFor(current.State, target);
        var transition = TriageRules.Transition(current.Signal, current.State, action, who, _time.GetUtcNow(), reason);
        return await triage.ApplyTriageAsync(transition, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Deletes the entries older than <paramref name="olderThan"/> (default: now minus <see cref="AuditTrailOptions.RetentionYears"/>)
    /// and leaves a retention anchor; null when nothing was due. A cut-off later than now minus
    /// <see cref="AuditTrailOptions.MinimumRetentionYears"/> years is refused.
    /// </summary>
    public Task<RetentionOutcome?> ApplyRetentionAsync(DateTimeOffset? olderThan = null, CancellationToken cancellationToken = default)
    {
        var now = _time.GetUtcNow();
        var cutoff = olderThan ?? now.AddYears(-_options.RetentionYears);
        var latest = now.AddYears(-AuditTrailOptions.MinimumRetentionYears);
        if (cutoff > latest)
        {
            throw new ArgumentOutOfRangeException(
                nameof(olderThan), cutoff, $"The trail is kept at least {AuditTrailOptions.MinimumRetentionYears} years (AT6): the cut-off may not be after {AuditTime.Format(latest)}.");
        }

        return _store.DeleteTrailBeforeAsync(AuditTime.Truncate(cutoff), now, cancellationToken);
    }

    /// <summary>A checkpoint of the current head (null for an empty trail); store it outside the gateway.</summary>
    public async Task<AuditCheckpoint?> CheckpointAsync(CancellationToken cancellationToken = default)
    {
        var head = await _store.TrailHeadAsync(cancellationToken).ConfigureAwait(false);
        return head is null ? null : AuditCheckpoint.Of(head, _time.GetUtcNow());
    }

    /// <summary>Writes the whole trail as JSON Lines (<see cref="TrailJsonLines"/>), page by page; returns the number of entries.</summary>
    public Task<long> ExportAsync(TextWriter writer, CancellationToken cancellationToken = default) => Export(_store, writer, cancellationToken: cancellationToken);

    /// <summary>Writes every entry of <paramref name="store"/> as JSON Lines, in sequence order, reading <paramref name="pageSize"/> at a time.</summary>
    public static async Task<long> Export(IAuditTrailStore store, TextWriter writer, int pageSize = 1000, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(writer);
        long written = 0;
        var from = 1L;
        while (true)
        {
            var page = await store.ReadTrailAsync(from, pageSize, cancellationToken).ConfigureAwait(false);
            if (page.Count == 0)
            {
                return written;
            }

            await TrailJsonLines.WriteAsync(writer, page, cancellationToken).ConfigureAwait(false);
            written += page.Count;
            from = page[^1].Sequence + 1;
        }
    }

    private ISignalTriageStore Triage() =>
        _triage ?? throw new InvalidOperationException("This AuditTrail has no triage store: pass an ISignalTriageStore.");
}
