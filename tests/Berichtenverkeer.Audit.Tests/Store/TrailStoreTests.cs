using Berichtenverkeer.Audit.Tests.Support;
using Berichtenverkeer.Audit.Trail;
using static Berichtenverkeer.Audit.Tests.Support.Fixtures;

namespace Berichtenverkeer.Audit.Tests.Store;

/// <summary>The trail and triage ports on SQLite and PostgreSQL (migration 0003, RelationalStore.Trail).</summary>
public sealed class TrailStoreTests
{
    [Theory, OnSqlite, OnPostgres]
    public async Task appended_batches_form_one_chain_that_reads_back_and_verifies(string provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        var time = new ManualTime(Start.AddTicks(12_345));
        var trail = new AuditTrail(test.Store, test.Store, time: time);

        var first = await trail.AppendAsync(AuditEvents(3));
        time.Advance(TimeSpan.FromSeconds(1.5));
        var second = await trail.AppendAsync(AuditEvents(4, 4));

        var read = await test.Store.ReadTrailAsync(1, 100);
        Assert.Equal(first.Concat(second), read);
        Assert.Equal(Enumerable.Range(1, 7).Select(i => (long)i), read.Select(e => e.Sequence));
        Assert.Equal("2026-03-10T08:00:00.001Z", read[0].AtText);
        Assert.Equal(new AuditTrailHead(7, second[^1].EntryHash, second[^1].At, 7), await test.Store.TrailHeadAsync());
        Assert.Equal([5L, 6L], (await test.Store.ReadTrailAsync(5, 2)).Select(e => e.Sequence));
        Assert.True(AuditVerifier.Verify(read).Intact);

        using var export = new StringWriter();
        Assert.Equal(7, await trail.ExportAsync(export));
        Assert.True(AuditVerifier.Verify(new StringReader(export.ToString()), [(await trail.CheckpointAsync())!]).Intact);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task an_empty_trail_has_no_head(string provider)
    {
        await using var test = await TestStore.CreateAsync(provider);

        Assert.Null(await test.Store.TrailHeadAsync());
        Assert.Empty(await test.Store.ReadTrailAsync(1, 10));
        Assert.Empty(await new AuditTrail(test.Store).AppendAsync([]));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task two_writers_appending_concurrently_keep_one_unbroken_chain(string provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        var writers = new[] { test.Store, test.OpenSibling() };
        const int batches = 25;

        await Task.WhenAll(writers.Select((store, w) => Task.Run(async () =>
        {
            var trail = new AuditTrail(store);
            for (var b = 0; b < batches; b++)
            {
                await trail.AppendAsync(AuditEvents(3, (w * 1000) + (b * 3)));
            }
        })));

        var entries = await test.Store.ReadTrailAsync(1, 1000);
        Assert.Equal(2 * batches * 3, entries.Count);
        var result = AuditVerifier.Verify(entries);
        Assert.True(result.Intact, result.FirstBreak?.ToString());

        // Each batch stays together: a batch is appended atomically.
        var messages = entries.Select(e => System.Text.Json.JsonDocument.Parse(e.Payload).RootElement.GetProperty("messageId").GetString()!).ToList();
        for (var i = 0; i < messages.Count; i += 3)
        {
            var numbers = messages.Skip(i).Take(3).Select(m => int.Parse(m[4..], System.Globalization.CultureInfo.InvariantCulture)).ToList();
            Assert.Equal([numbers[0], numbers[0] + 1, numbers[0] + 2], numbers);
        }
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task the_database_refuses_an_update_of_the_trail(string provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        await new AuditTrail(test.Store).AppendAsync(AuditEvents(2));

        var refused = await Assert.ThrowsAnyAsync<Exception>(() => test.ExecuteAsync("UPDATE audit_trail SET payload = '{}' WHERE sequence = 1"));

        Assert.Contains("append-only", refused.Message, StringComparison.Ordinal);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task a_dba_who_drops_the_guard_and_edits_a_row_is_caught_by_the_verifier(string provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        await new AuditTrail(test.Store).AppendAsync(AuditEvents(5));

        await test.ExecuteAsync("DROP TRIGGER audit_trail_append_only" + (provider == "postgres" ? " ON audit_trail" : string.Empty));
        await test.ExecuteAsync("UPDATE audit_trail SET payload = replace(payload, 'msg-3', 'msg-X') WHERE sequence = 3");
        await test.ExecuteAsync("DELETE FROM audit_trail WHERE sequence = 5");

        var result = AuditVerifier.Verify(await test.Store.ReadTrailAsync(1, 100));
        Assert.Equal((3L, TrailBreakKind.PayloadChanged), (result.FirstBreak!.Sequence!.Value, result.FirstBreak.Kind));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task retention_deletes_the_old_prefix_and_leaves_a_verifiable_rest(string provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        var time = new ManualTime(Start);
        var trail = new AuditTrail(test.Store, time: time);
        await trail.AppendAsync(AuditEvents(4));
        var early = await trail.CheckpointAsync();
        time.Now = Start.AddYears(2);
        await trail.AppendAsync(AuditEvents(3, 5));
        time.Now = Start.AddYears(8);

        var outcome = await trail.ApplyRetentionAsync();

        Assert.Equal(new RetentionAnchor(1, 4, 4, early!.HeadHash, Start.AddYears(1)), outcome!.Removed);
        var rest = await test.Store.ReadTrailAsync(1, 100);
        Assert.Equal([5L, 6L, 7L, 8L], rest.Select(e => e.Sequence));
        Assert.Equal(TrailKind.RetentionAnchor, rest[^1].Kind);
        Assert.Equal(4, (await test.Store.TrailHeadAsync())!.Count);
        var result = AuditVerifier.Verify(rest, [early]);
        Assert.True(result.Intact, result.FirstBreak?.ToString());
        Assert.Equal(1, result.CheckpointsMatched);
        Assert.Null(await trail.ApplyRetentionAsync());
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task triage_transitions_are_stored_and_audited_in_one_chain(string provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        var trail = new AuditTrail(test.Store, test.Store, time: new ManualTime(Start));
        var signal = new TriageSignal("sig-9", "0363", "12345678", "FR24");
        await trail.AppendAsync(AuditEvents(2));

        await trail.RegisterSignalAsync(signal, "detector");
        await trail.RecordTriageAsync("sig-9", TriageAction.StartReview, "anna");
        await Assert.ThrowsAsync<InvalidTriageTransitionException>(() => trail.RecordTriageAsync("sig-9", TriageAction.Dismiss, "anna"));
        var dismissed = await trail.RecordTriageAsync("sig-9", TriageAction.Dismiss, "anna", "Dubbele registratie; gecorrigeerd");
        var reopened = await trail.RecordTriageAsync("sig-9", TriageAction.Reopen, "bert", "Nieuw signaal FR25 op dezelfde cliënt");

        Assert.Equal((TriageState.Dismissed, 5L), (dismissed.State, dismissed.TrailSequence));
        var stored = await test.Store.FindSignalAsync("sig-9");
        Assert.Equal(reopened, stored);
        Assert.Equal((TriageState.UnderReview, "bert", 6L), (stored!.State, stored.UpdatedBy, stored.TrailSequence));
        Assert.Equal(signal, stored.Signal);
        Assert.Equal(["sig-9"], (await test.Store.ListSignalsAsync(TriageState.UnderReview)).Select(s => s.Signal.SignalId));
        Assert.Empty(await test.Store.ListSignalsAsync(TriageState.New));

        var entries = await test.Store.ReadTrailAsync(1, 100);
        Assert.Equal(
            [TrailKind.AuditEvent, TrailKind.AuditEvent, TrailKind.Triage, TrailKind.Triage, TrailKind.Triage, TrailKind.Triage],
            entries.Select(e => e.Kind));
        Assert.Contains("\"reason\":\"Dubbele registratie; gecorrigeerd\"", entries[4].Payload, StringComparison.Ordinal);
        Assert.True(AuditVerifier.Verify(entries).Intact);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task a_stale_triage_transition_is_a_conflict_and_writes_nothing(string provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        var trail = new AuditTrail(test.Store, test.Store, time: new ManualTime(Start));
        var signal = new TriageSignal("sig-1", "0363", "12345678", "FR14");
        await trail.RegisterSignalAsync(signal, "detector");
        var stale = TriageRules.Transition(signal, TriageState.New, TriageAction.StartReview, "bert", Start, null);
        await trail.RecordTriageAsync("sig-1", TriageAction.StartReview, "anna");

        await Assert.ThrowsAsync<TriageConflictException>(() => test.Store.ApplyTriageAsync(stale));
        await Assert.ThrowsAsync<TriageConflictException>(() => test.Store.ApplyTriageAsync(
            TriageRules.Transition(signal, null, TriageAction.Register, "detector", Start, null)));

        Assert.Equal(2, (await test.Store.TrailHeadAsync())!.Sequence);
        Assert.Equal("anna", (await test.Store.FindSignalAsync("sig-1"))!.UpdatedBy);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task concurrent_reviewers_of_one_signal_get_one_transition(string provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        var signal = new TriageSignal("sig-race", "0363", "12345678", "FR14");
        await new AuditTrail(test.Store, test.Store).RegisterSignalAsync(signal, "detector");
        var stores = new[] { test.Store, test.OpenSibling() };

        var outcomes = await Task.WhenAll(stores.Select(async (store, i) =>
        {
            try
            {
                await store.ApplyTriageAsync(TriageRules.Transition(signal, TriageState.New, TriageAction.StartReview, $"user{i}", Start, null));
                return true;
            }
            catch (TriageConflictException)
            {
                return false;
            }
        }));

        Assert.Equal(1, outcomes.Count(won => won));
        Assert.Equal(2, (await test.Store.TrailHeadAsync())!.Sequence);
        Assert.True(AuditVerifier.Verify(await test.Store.ReadTrailAsync(1, 10)).Intact);
    }
}
