using Berichtenverkeer.Audit.Tests.Support;
using Berichtenverkeer.Audit.Trail;
using static Berichtenverkeer.Audit.Tests.Support.Fixtures;
using static Berichtenverkeer.Audit.Tests.Trail.VerifierTests;

namespace Berichtenverkeer.Audit.Tests.Trail;

/// <summary>AT6: deleting old entries leaves an anchor from which the rest stays verifiable.</summary>
public sealed class RetentionTests
{
    /// <summary>Entries 1–10 in 2026, 11–20 a year later; retention (7 years) applied in 2033-06.</summary>
    private static async Task<(InMemoryAuditTrailStore Store, AuditTrail Trail, ManualTime Time)> TwoYearsAsync()
    {
        var (store, trail, time) = await TrailAsync(10);
        time.Now = Start.AddYears(1);
        await trail.AppendAsync(AuditEvents(10, 11));
        time.Now = Start.AddYears(7).AddMonths(3);
        return (store, trail, time);
    }

    [Fact]
    public async Task retention_deletes_the_old_prefix_and_the_rest_verifies_from_the_anchor()
    {
        var (store, trail, _) = await TwoYearsAsync();
        var deletedHead = store.Entries[9];

        var outcome = await trail.ApplyRetentionAsync();

        Assert.NotNull(outcome);
        Assert.Equal(new RetentionAnchor(1, 10, 10, deletedHead.EntryHash, Start.AddMonths(3)), outcome.Removed);
        Assert.Equal((21L, TrailKind.RetentionAnchor), (outcome.Anchor.Sequence, outcome.Anchor.Kind));
        Assert.Equal(Enumerable.Range(11, 11).Select(i => (long)i), store.Entries.Select(e => e.Sequence));

        var result = AuditVerifier.Verify(store.Entries);
        Assert.True(result.Intact, result.FirstBreak?.ToString());
        Assert.Equal(21L, result.AnchorSequence);
    }

    [Fact]
    public async Task nothing_due_leaves_the_trail_alone()
    {
        var (store, trail, time) = await TrailAsync(5);
        time.Now = Start.AddYears(6);

        Assert.Null(await trail.ApplyRetentionAsync());
        Assert.Equal(5, store.Entries.Count);
    }

    [Fact]
    public async Task a_cutoff_inside_the_legal_minimum_is_refused()
    {
        var (_, trail, time) = await TrailAsync(5);
        time.Now = Start.AddYears(6);

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => trail.ApplyRetentionAsync(Start.AddYears(2)));
        Assert.Throws<ArgumentException>(() => new AuditTrail(new InMemoryAuditTrailStore(), options: new AuditTrailOptions { RetentionYears = 4 }));
    }

    [Fact]
    public async Task checkpoints_keep_checking_after_retention()
    {
        var (store, trail, time) = await TwoYearsAsync();
        var checkpointAt20 = await trail.CheckpointAsync();
        var checkpointAt10 = new AuditCheckpoint(10, store.Entries[9].EntryHash, 10, Start);
        var checkpointAt5 = new AuditCheckpoint(5, store.Entries[4].EntryHash, 5, Start);
        await trail.ApplyRetentionAsync();
        time.Advance(TimeSpan.FromDays(1));
        await trail.AppendAsync(AuditEvents(2, 30));

        var result = AuditVerifier.Verify(store.Entries, [checkpointAt5, checkpointAt10, checkpointAt20!]);

        Assert.True(result.Intact, result.FirstBreak?.ToString());
        Assert.Equal((2, 1), (result.CheckpointsMatched, result.CheckpointsSkipped));
    }

    [Fact]
    public async Task a_second_retention_run_continues_from_the_newest_anchor()
    {
        var (store, trail, time) = await TwoYearsAsync();
        await trail.ApplyRetentionAsync();
        time.Now = Start.AddYears(8).AddMonths(6);

        var outcome = await trail.ApplyRetentionAsync();

        Assert.Equal((11L, 20L), (outcome!.Removed.FirstSequence, outcome.Removed.LastSequence));
        Assert.Equal([21L, 22L], store.Entries.Select(e => e.Sequence));
        Assert.True(AuditVerifier.Verify(store.Entries).Intact);
    }

    [Fact]
    public async Task a_tampered_anchor_is_caught()
    {
        var (store, trail, _) = await TwoYearsAsync();
        await trail.ApplyRetentionAsync();
        var lines = Lines(store.Entries);

        // Claim fewer deletions than happened (hide that 10 entries went).
        lines[^1] = lines[^1].Replace("\"count\":10", "\"count\":3", StringComparison.Ordinal);
        var result = Verify(lines);

        Assert.Equal((11L, TrailBreakKind.SequenceGap), Where(result));
        Assert.Contains("retention anchor at sequence 21 does not match its hash", result.FirstBreak!.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_rehashed_anchor_that_lies_about_the_range_is_caught_at_the_oldest_entry()
    {
        var (store, trail, _) = await TwoYearsAsync();
        await trail.ApplyRetentionAsync();
        var entries = store.Entries.ToList();
        var anchor = entries[^1];
        var lie = anchor with { Payload = anchor.Payload.Replace("\"lastSequence\":10", "\"lastSequence\":12", StringComparison.Ordinal) };
        entries[^1] = lie with { EntryHash = AuditChain.Recompute(lie) };

        Assert.Equal((11L, TrailBreakKind.AnchorMismatch), Where(AuditVerifier.Verify(entries)));
    }

    [Fact]
    public async Task deleting_more_than_the_anchor_records_is_caught()
    {
        var (store, trail, _) = await TwoYearsAsync();
        await trail.ApplyRetentionAsync();
        var lines = Lines(store.Entries);
        lines.RemoveRange(0, 2);

        Assert.Equal((13L, TrailBreakKind.AnchorMismatch), Where(Verify(lines)));
    }

    [Fact]
    public async Task retention_of_everything_leaves_only_the_anchor_and_the_chain_goes_on()
    {
        var (store, trail, time) = await TrailAsync(5);
        time.Now = Start.AddYears(8);

        await trail.ApplyRetentionAsync();
        await trail.AppendAsync(AuditEvents(1, 50));

        Assert.Equal([6L, 7L], store.Entries.Select(e => e.Sequence));
        Assert.True(AuditVerifier.Verify(store.Entries).Intact);
    }

    [Fact]
    public async Task a_forged_retention_run_is_caught_by_a_checkpoint_taken_after_its_cutoff()
    {
        var (store, trail, time) = await TrailAsync(6);
        time.Now = Start.AddHours(1);
        var checkpoint = await trail.CheckpointAsync();
        await trail.AppendAsync(AuditEvents(4, 7));

        // Someone with write access deletes 1–8 and appends an anchor claiming an old cut-off; the hashes are recomputable.
        var entries = store.Entries;
        var lie = new RetentionAnchor(1, 8, 8, entries[7].EntryHash, Start.AddDays(-1));
        var head = new AuditTrailHead(10, entries[9].EntryHash, entries[9].At, 10);
        var forged = entries.Skip(8).Concat(AuditChain.Link(head, [lie.Draft(Start.AddYears(6))])).ToList();

        Assert.True(AuditVerifier.Verify(forged).Intact);
        var result = AuditVerifier.Verify(forged, [checkpoint!]);

        Assert.Equal((7L, TrailBreakKind.RetentionViolation), Where(result));
        Assert.Contains("entries younger than the cut-off were deleted", result.FirstBreak!.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task an_anchor_whose_cutoff_is_inside_the_legal_minimum_is_a_violation()
    {
        var (store, _, _) = await TrailAsync(6);

        await store.DeleteTrailBeforeAsync(Start.AddYears(1), Start.AddYears(2));

        Assert.Equal((7L, TrailBreakKind.RetentionViolation), Where(AuditVerifier.Verify(store.Entries)));
    }
}
