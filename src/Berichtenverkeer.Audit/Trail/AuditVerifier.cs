using System.Globalization;

namespace Berichtenverkeer.Audit.Trail;

/// <summary>Why a link of the chain is broken.</summary>
public enum TrailBreakKind
{
    /// <summary>The entry's content (payload, time, kind or sequence) or its entry_hash was changed: the recomputed hash differs.</summary>
    PayloadChanged,

    /// <summary>The entry's prev_hash is not the previous entry's entry_hash (the previous entry was changed and re-hashed, or an entry was inserted).</summary>
    PrevHashMismatch,

    /// <summary>Sequences are missing and do not appear elsewhere in the file: entries were deleted.</summary>
    SequenceGap,

    /// <summary>A sequence appears out of place (the missing one comes later, or one repeats): entries were re-ordered.</summary>
    OutOfOrder,

    /// <summary>The oldest remaining entry does not continue from the newest retention anchor's recorded range and hash.</summary>
    AnchorMismatch,

    /// <summary>A checkpoint records a later head than the trail has: the end of the trail was cut off.</summary>
    Truncated,

    /// <summary>The entry at a checkpoint's sequence has another hash than the checkpoint recorded: the trail was replaced or rewritten.</summary>
    Replaced,

    /// <summary>
    /// A retention anchor deleted entries it may not have: its cut-off lies within the legal minimum before its own time
    /// (AT6), or a checkpoint proves a deleted entry was appended after the cut-off (a forged retention run).
    /// </summary>
    RetentionViolation,

    /// <summary>A line is not a trail entry.</summary>
    Malformed,
}

/// <summary>The first broken link: at which sequence (null when unknown, e.g. a malformed first line), what and why.</summary>
public sealed record TrailBreak(long? Sequence, TrailBreakKind Kind, string Reason, int? Line = null)
{
    public override string ToString() =>
        (Sequence is { } s ? $"sequence {s.ToString(CultureInfo.InvariantCulture)}" : "start")
        + (Line is { } l ? $" (line {l.ToString(CultureInfo.InvariantCulture)})" : string.Empty)
        + $": {Kind}: {Reason}";
}

/// <summary>The outcome of <see cref="AuditVerifier.Verify(IEnumerable{TrailLine}, IEnumerable{AuditCheckpoint}?)"/>.</summary>
/// <param name="FirstBreak">The first broken link, or null when the trail is intact.</param>
/// <param name="Entries">Lines read (entries and malformed lines).</param>
/// <param name="FirstSequence">The oldest entry's sequence.</param>
/// <param name="LastSequence">The newest entry's sequence (the head).</param>
/// <param name="HeadHash">The newest entry's entry_hash: what a new checkpoint would record.</param>
/// <param name="AnchorSequence">The retention anchor the oldest entry was checked against (null when the trail starts at 1).</param>
/// <param name="CheckpointsMatched">Checkpoints whose sequence and hash were found in the trail (or in the anchor).</param>
/// <param name="CheckpointsSkipped">Checkpoints of entries retention has deleted since (not checkable).</param>
public sealed record TrailVerification(
    TrailBreak? FirstBreak,
    long Entries,
    long? FirstSequence,
    long? LastSequence,
    string? HeadHash,
    long? AnchorSequence,
    int CheckpointsMatched,
    int CheckpointsSkipped)
{
    public bool Intact => FirstBreak is null;
}

/// <summary>
/// Verifies an exported trail offline, in one streaming pass: every entry's hash is recomputed (<see cref="AuditChain"/>),
/// every link checked, and the FIRST broken link named — by sequence, ties going to the chain walk, then the start,
/// then the checkpoints. The oldest entry must be sequence 1 with prev_hash 64 zeros, or continue from the newest
/// intact retention anchor (its lastSequence + 1, prev_hash = its lastHash). With checkpoints (kept outside the gateway)
/// it also detects truncation and wholesale replacement, which a bare chain cannot.
/// </summary>
public static class AuditVerifier
{
    public static TrailVerification Verify(IEnumerable<AuditTrailEntry> entries, IEnumerable<AuditCheckpoint>? checkpoints = null)
    {
        ArgumentNullException.ThrowIfNull(entries);
        return Verify(entries.Select((e, i) => new TrailLine(i + 1, e, null)), checkpoints);
    }

    /// <summary>Verifies a JSON Lines export (<see cref="TrailJsonLines"/>) read from <paramref name="trail"/>.</summary>
    public static TrailVerification Verify(TextReader trail, IEnumerable<AuditCheckpoint>? checkpoints = null) =>
        Verify(TrailJsonLines.Read(trail), checkpoints);

    public static TrailVerification Verify(IEnumerable<TrailLine> lines, IEnumerable<AuditCheckpoint>? checkpoints = null)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var checkpointList = (checkpoints ?? []).OrderBy(c => c.Sequence).ThenBy(c => c.At).ToList();
        var checkpointSequences = checkpointList.Select(c => c.Sequence).ToHashSet();
        var observed = new Dictionary<long, string>();

        long count = 0;
        long maxSequence = 0;
        AuditTrailEntry? first = null;
        AuditTrailEntry? previous = null;
        TrailBreak? walkBreak = null;
        (AuditTrailEntry Entry, AuditTrailEntry Previous, long Missing)? gap = null;
        var missingSeenLater = false;
        (long Sequence, RetentionAnchor Anchor)? anchor = null;
        var anchors = new List<(long Sequence, DateTimeOffset At, RetentionAnchor Anchor)>();
        long? brokenAnchor = null;

        foreach (var line in lines)
        {
            count++;
            if (line.Entry is not { } e)
            {
                walkBreak ??= new TrailBreak(previous is null ? null : previous.Sequence + 1, TrailBreakKind.Malformed, line.Error ?? "not a trail entry", line.LineNumber);
                continue;
            }

            maxSequence = Math.Max(maxSequence, e.Sequence);
            var intact = AuditChain.Recompute(e) == e.EntryHash;
            if (e.Kind == TrailKind.RetentionAnchor)
            {
                if (intact && RetentionAnchor.TryParse(e.Payload, out var parsed))
                {
                    anchors.Add((e.Sequence, e.At, parsed!));
                    if (anchor is null || e.Sequence > anchor.Value.Sequence)
                    {
                        anchor = (e.Sequence, parsed!);
                    }
                }
                else if (!intact)
                {
                    brokenAnchor ??= e.Sequence;
                }
            }

            if (checkpointSequences.Contains(e.Sequence))
            {
                observed.TryAdd(e.Sequence, e.EntryHash);
            }

            if (walkBreak is not null)
            {
                missingSeenLater |= gap is { } g && g.Missing == e.Sequence;
                continue;
            }

            if (previous is null)
            {
                first = previous = e;
                if (!intact)
                {
                    walkBreak = Changed(e, line.LineNumber);
                }

                continue;
            }

            var expected = previous.Sequence + 1;
            if (e.Sequence < expected)
            {
                walkBreak = new TrailBreak(e.Sequence, TrailBreakKind.OutOfOrder,
                    $"sequence {N(e.Sequence)} comes after {N(previous.Sequence)}: entries were re-ordered or repeated.", line.LineNumber);
            }
            else if (e.Sequence > expected)
            {
                gap = (e, previous, expected);
                walkBreak = new TrailBreak(e.Sequence, TrailBreakKind.SequenceGap, "pending", line.LineNumber);
            }
            else if (e.PrevHash != previous.EntryHash)
            {
                walkBreak = new TrailBreak(e.Sequence, TrailBreakKind.PrevHashMismatch,
                    $"prev_hash {e.PrevHash} is not the entry_hash {previous.EntryHash} of sequence {N(previous.Sequence)}: "
                    + $"sequence {N(previous.Sequence)} was changed and re-hashed, or this entry does not belong here.", line.LineNumber);
            }
            else if (!intact)
            {
                walkBreak = Changed(e, line.LineNumber);
            }
            else
            {
                previous = e;
            }
        }

        if (gap is { } pending)
        {
            var (entry, before, missing) = pending;
            walkBreak = missingSeenLater
                ? new TrailBreak(entry.Sequence, TrailBreakKind.OutOfOrder,
                    $"sequence {N(entry.Sequence)} follows {N(before.Sequence)}, and {N(missing)} comes later in the file: entries were re-ordered.", walkBreak!.Line)
                : new TrailBreak(entry.Sequence, TrailBreakKind.SequenceGap,
                    $"sequence {N(before.Sequence)} is followed by {N(entry.Sequence)}: {Range(missing, entry.Sequence - 1)} missing (deleted).", walkBreak!.Line);
        }

        var breaks = new List<TrailBreak>();
        if (walkBreak is not null)
        {
            breaks.Add(walkBreak);
        }

        if (first is not null && StartBreak(first, anchor, brokenAnchor) is { } startBreak)
        {
            breaks.Add(startBreak);
        }

        var matched = 0;
        var skipped = 0;
        foreach (var checkpoint in checkpointList)
        {
            var when = AuditTime.Format(checkpoint.At);
            if (checkpoint.Sequence > maxSequence)
            {
                breaks.Add(new TrailBreak(maxSequence + 1, TrailBreakKind.Truncated,
                    $"the trail ends at sequence {N(maxSequence)}, but the checkpoint of {when} recorded head {N(checkpoint.Sequence)} "
                    + $"(hash {checkpoint.HeadHash}): {Range(maxSequence + 1, checkpoint.Sequence)} missing (truncated)."));
            }
            else if (observed.TryGetValue(checkpoint.Sequence, out var hash))
            {
                if (hash == checkpoint.HeadHash)
                {
                    matched++;
                }
                else
                {
                    breaks.Add(Replaced(checkpoint, hash, when));
                }
            }
            else if (anchors.FirstOrDefault(a => a.Anchor.LastSequence == checkpoint.Sequence) is { Anchor: not null } at)
            {
                if (at.Anchor.LastHash == checkpoint.HeadHash)
                {
                    matched++;
                }
                else
                {
                    breaks.Add(Replaced(checkpoint, at.Anchor.LastHash, when));
                }
            }
            else if (anchors.FirstOrDefault(a => a.Anchor.FirstSequence <= checkpoint.Sequence + 1 && checkpoint.Sequence + 1 <= a.Anchor.LastSequence)
                is { Anchor: not null } covering && checkpoint.At >= covering.Anchor.Cutoff)
            {
                // The head was this checkpoint's sequence at its time, so the next entry was appended later — after the cut-off.
                breaks.Add(new TrailBreak(checkpoint.Sequence + 1, TrailBreakKind.RetentionViolation,
                    $"the retention anchor at sequence {N(covering.Sequence)} deleted entry {N(checkpoint.Sequence + 1)} as older than "
                    + $"{AuditTime.Format(covering.Anchor.Cutoff)}, but the checkpoint of {when} (head {N(checkpoint.Sequence)}) shows it was appended later: "
                    + "entries younger than the cut-off were deleted."));
            }
            else
            {
                // Deleted by retention (before the oldest entry), or inside a gap the walk reports.
                skipped++;
            }
        }

        foreach (var (sequence, at, removed) in anchors)
        {
            var latest = at.AddYears(-AuditTrailOptions.MinimumRetentionYears);
            if (removed.Cutoff > latest)
            {
                breaks.Add(new TrailBreak(sequence, TrailBreakKind.RetentionViolation,
                    $"the retention anchor of {AuditTime.Format(at)} used cut-off {AuditTime.Format(removed.Cutoff)}: entries younger than "
                    + $"{AuditTrailOptions.MinimumRetentionYears.ToString(CultureInfo.InvariantCulture)} years were deleted (AT6)."));
            }
        }

        // The first broken link by sequence; on a tie the walk comes first, then the start, then the checkpoints (stable sort).
        var firstBreak = breaks.OrderBy(b => b.Sequence ?? long.MinValue).FirstOrDefault();
        var head = previous is not null && walkBreak is null ? previous : null;
        return new TrailVerification(
            firstBreak,
            count,
            first?.Sequence,
            head?.Sequence ?? (maxSequence > 0 ? maxSequence : null),
            head?.EntryHash,
            first is { Sequence: > 1 } ? anchor?.Sequence : null,
            matched,
            skipped);
    }

    private static TrailBreak? StartBreak(AuditTrailEntry first, (long Sequence, RetentionAnchor Anchor)? anchor, long? brokenAnchor)
    {
        if (first.Sequence == 1)
        {
            return first.PrevHash == AuditChain.GenesisHash
                ? null
                : new TrailBreak(1, TrailBreakKind.PrevHashMismatch, $"the first entry's prev_hash must be 64 zeros, not {first.PrevHash}.");
        }

        if (anchor is not { } a)
        {
            var why = brokenAnchor is { } b ? $" (the retention anchor at sequence {N(b)} does not match its hash: it was changed)" : string.Empty;
            return new TrailBreak(first.Sequence, TrailBreakKind.SequenceGap,
                $"the trail starts at sequence {N(first.Sequence)}: {Range(1, first.Sequence - 1)} missing and no intact retention anchor records their deletion{why}.");
        }

        if (a.Anchor.LastSequence + 1 != first.Sequence || a.Anchor.LastHash != first.PrevHash)
        {
            return new TrailBreak(first.Sequence, TrailBreakKind.AnchorMismatch,
                $"the oldest entry {N(first.Sequence)} (prev_hash {first.PrevHash}) does not continue from the retention anchor at sequence "
                + $"{N(a.Sequence)}, which records deletion up to {N(a.Anchor.LastSequence)} with last hash {a.Anchor.LastHash}.");
        }

        return null;
    }

    private static TrailBreak Changed(AuditTrailEntry e, int line) =>
        new(e.Sequence, TrailBreakKind.PayloadChanged,
            $"the recomputed hash {AuditChain.Recompute(e)} is not the recorded entry_hash {e.EntryHash}: "
            + (e.Kind == TrailKind.RetentionAnchor ? "this retention anchor" : "the entry's payload, time or kind")
            + " (or its hash) was changed.",
            line);

    private static TrailBreak Replaced(AuditCheckpoint checkpoint, string found, string when) =>
        new(checkpoint.Sequence, TrailBreakKind.Replaced,
            $"entry {N(checkpoint.Sequence)} has hash {found}, but the checkpoint of {when} recorded {checkpoint.HeadHash}: "
            + "the trail was replaced or rewritten up to here.");

    private static string Range(long from, long to) =>
        from == to ? $"sequence {N(from)} is" : $"sequences {N(from)}–{N(to)} are";

    private static string N(long value) => value.ToString(CultureInfo.InvariantCulture);
}
