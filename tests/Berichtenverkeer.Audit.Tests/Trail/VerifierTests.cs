using Berichtenverkeer.Audit.Tests.Support;
using Berichtenverkeer.Audit.Trail;
using static Berichtenverkeer.Audit.Tests.Support.Fixtures;

namespace Berichtenverkeer.Audit.Tests.Trail;

/// <summary>Round trip and tamper detection on an exported trail: each kind of tampering is named at the first broken link.</summary>
public sealed class VerifierTests
{
    [Fact]
    public async Task an_appended_trail_verifies_intact_after_export()
    {
        var (store, trail, _) = await TrailAsync(20);
        using var export = new StringWriter();

        Assert.Equal(20, await trail.ExportAsync(export));
        var result = AuditVerifier.Verify(new StringReader(export.ToString()));

        Assert.True(result.Intact, result.FirstBreak?.ToString());
        Assert.Equal((20L, 1L, 20L), (result.Entries, result.FirstSequence!.Value, result.LastSequence!.Value));
        Assert.Equal(store.Entries[^1].EntryHash, result.HeadHash);
        Assert.All(store.Entries, e => Assert.Equal(TrailKind.AuditEvent, e.Kind));
        Assert.Equal(AuditChain.GenesisHash, store.Entries[0].PrevHash);
    }

    [Fact]
    public async Task the_payload_is_the_audit_events_json_and_never_holds_more()
    {
        var (store, _, _) = await TrailAsync(3);

        var payload = store.Entries[2].Payload;
        Assert.Equal(CanonicalJson.Canonicalize(global::Berichtenverkeer.Audit.Events.AuditJson.Serialize(EventNo(3))), payload);
        Assert.Contains("\"clientPseudonyms\":[\"p-", payload, StringComparison.Ordinal);
    }

    [Fact]
    public async Task an_edited_payload_is_named_at_its_sequence()
    {
        var lines = Lines((await TrailAsync(10)).Store.Entries);
        lines[6] = lines[6].Replace("msg-7", "msg-X", StringComparison.Ordinal);

        var broken = Verify(lines).FirstBreak;

        Assert.Equal((7L, TrailBreakKind.PayloadChanged), (broken!.Sequence!.Value, broken.Kind));
        Assert.Equal(7, broken.Line);
    }

    [Fact]
    public async Task an_edited_time_is_a_change_too()
    {
        var lines = Lines((await TrailAsync(10)).Store.Entries);
        lines[3] = lines[3].Replace("2026-03-10T08:00:00.000Z", "2026-03-09T08:00:00.000Z", StringComparison.Ordinal);

        Assert.Equal((4L, TrailBreakKind.PayloadChanged), Where(Verify(lines)));
    }

    [Fact]
    public async Task an_edited_and_rehashed_entry_breaks_the_next_link()
    {
        var entries = (await TrailAsync(10)).Store.Entries.ToList();
        var changed = entries[4] with { Payload = entries[4].Payload.Replace("msg-5", "msg-X", StringComparison.Ordinal) };
        entries[4] = changed with { EntryHash = AuditChain.Recompute(changed) };

        Assert.Equal((6L, TrailBreakKind.PrevHashMismatch), Where(AuditVerifier.Verify(entries)));
    }

    [Fact]
    public async Task a_deleted_entry_is_a_sequence_gap_at_the_entry_after_it()
    {
        var lines = Lines((await TrailAsync(10)).Store.Entries);
        lines.RemoveAt(4);

        var result = Verify(lines);

        Assert.Equal((6L, TrailBreakKind.SequenceGap), Where(result));
        Assert.Contains("sequence 5 is missing", result.FirstBreak!.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_deleted_and_renumbered_tail_breaks_the_prev_hash_link()
    {
        var entries = (await TrailAsync(10)).Store.Entries.ToList();
        entries.RemoveAt(4);
        entries = entries.Select(e => e.Sequence > 5 ? e with { Sequence = e.Sequence - 1 } : e).ToList();

        Assert.Equal((5L, TrailBreakKind.PrevHashMismatch), Where(AuditVerifier.Verify(entries)));
    }

    [Fact]
    public async Task two_swapped_entries_are_named_as_reordering()
    {
        var lines = Lines((await TrailAsync(10)).Store.Entries);
        (lines[3], lines[4]) = (lines[4], lines[3]);

        var result = Verify(lines);

        Assert.Equal((5L, TrailBreakKind.OutOfOrder), Where(result));
        Assert.Contains("re-ordered", result.FirstBreak!.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_repeated_entry_is_out_of_order()
    {
        var lines = Lines((await TrailAsync(6)).Store.Entries);
        lines.Insert(3, lines[2]);

        Assert.Equal((3L, TrailBreakKind.OutOfOrder), Where(Verify(lines)));
    }

    [Fact]
    public async Task the_first_of_several_breaks_is_named()
    {
        var lines = Lines((await TrailAsync(10)).Store.Entries);
        lines[8] = lines[8].Replace("msg-9", "msg-Y", StringComparison.Ordinal);
        lines[2] = lines[2].Replace("msg-3", "msg-X", StringComparison.Ordinal);

        Assert.Equal((3L, TrailBreakKind.PayloadChanged), Where(Verify(lines)));
    }

    [Fact]
    public async Task a_malformed_line_is_named_by_line()
    {
        var lines = Lines((await TrailAsync(4)).Store.Entries);
        lines[1] = "{\"sequence\":2,";

        var broken = Verify(lines).FirstBreak!;

        Assert.Equal((TrailBreakKind.Malformed, 2), (broken.Kind, broken.Line));
    }

    [Fact]
    public async Task a_trail_that_does_not_start_at_one_needs_a_retention_anchor()
    {
        var lines = Lines((await TrailAsync(10)).Store.Entries);
        lines.RemoveRange(0, 3);

        var result = Verify(lines);

        Assert.Equal((4L, TrailBreakKind.SequenceGap), Where(result));
        Assert.Contains("no intact retention anchor", result.FirstBreak!.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task truncation_is_invisible_without_a_checkpoint_and_caught_with_one()
    {
        var (store, trail, _) = await TrailAsync(10);
        var checkpoint = await trail.CheckpointAsync();
        var lines = Lines(store.Entries);
        lines.RemoveRange(7, 3);

        Assert.True(Verify(lines).Intact);
        var result = Verify(lines, [checkpoint!]);

        Assert.Equal((8L, TrailBreakKind.Truncated), Where(result));
        Assert.Contains("sequences 8–10 are missing (truncated)", result.FirstBreak!.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_wholesale_replacement_is_invisible_without_a_checkpoint_and_caught_with_one()
    {
        var (original, trail, _) = await TrailAsync(10);
        var early = await trail.CheckpointAsync();
        await trail.AppendAsync(AuditEvents(5, 11));
        var late = await trail.CheckpointAsync();

        // A forger rebuilds a consistent chain with entry 3 changed: every hash recomputed.
        var forged = new InMemoryAuditTrailStore();
        var forger = new AuditTrail(forged, time: new ManualTime(Start));
        await forger.AppendAsync(AuditEvents(15).Select(e => e.MessageId == "msg-3" ? e with { Detail = "never happened" } : e));

        Assert.True(AuditVerifier.Verify(forged.Entries).Intact);
        var result = AuditVerifier.Verify(forged.Entries, [late!, early!]);

        Assert.Equal((10L, TrailBreakKind.Replaced), Where(result));
        Assert.True(AuditVerifier.Verify(original.Entries, [early!, late!]).Intact);
        Assert.Equal(2, AuditVerifier.Verify(original.Entries, [early!, late!]).CheckpointsMatched);
    }

    [Fact]
    public async Task a_truncated_trail_that_grew_again_is_caught_as_replaced()
    {
        var (store, trail, _) = await TrailAsync(10);
        var checkpoint = await trail.CheckpointAsync();
        var kept = store.Entries.Take(6).ToList();
        var regrown = kept.Concat(AuditChain.Link(new AuditTrailHead(6, kept[^1].EntryHash, Start, 6), [.. AuditEvents(6, 100).Select(e => AuditTrail.Draft(e, Start))]));

        Assert.Equal((10L, TrailBreakKind.Replaced), Where(AuditVerifier.Verify(regrown, [checkpoint!])));
    }

    [Fact]
    public void an_empty_trail_is_intact_unless_a_checkpoint_says_otherwise()
    {
        Assert.True(AuditVerifier.Verify(new StringReader(string.Empty)).Intact);
        var checkpoint = new AuditCheckpoint(3, new string('b', 64), 3, Start);

        Assert.Equal((1L, TrailBreakKind.Truncated), Where(AuditVerifier.Verify(new StringReader(string.Empty), [checkpoint])));
    }

    internal static (long, TrailBreakKind) Where(TrailVerification result)
    {
        Assert.False(result.Intact, "the trail should be broken");
        return (result.FirstBreak!.Sequence!.Value, result.FirstBreak.Kind);
    }
}
