using System.Text.Json;
using Berichtenverkeer.Audit.Tests.Support;
using Berichtenverkeer.Audit.Trail;
using static Berichtenverkeer.Audit.Tests.Support.Fixtures;

namespace Berichtenverkeer.Audit.Tests.Trail;

/// <summary>Triage states per signal: new → under_review → dismissed (reason) | confirmed; reopen with a reason.</summary>
public sealed class TriageTests
{
    private static readonly TriageSignal Signal = new("sig-1", "0363", "12345678", "FR14");

    [Fact]
    public async Task a_signal_goes_through_review_to_dismissal_and_every_step_is_in_the_trail()
    {
        var (store, trail) = New();

        await trail.RegisterSignalAsync(Signal, "detector");
        await trail.RecordTriageAsync("sig-1", TriageAction.StartReview, "anna");
        var dismissed = await trail.RecordTriageAsync("sig-1", TriageAction.Dismiss, "anna", "Overlijdensdatum in BRP gecorrigeerd");

        Assert.Equal((TriageState.Dismissed, "anna", "Overlijdensdatum in BRP gecorrigeerd"), (dismissed.State, dismissed.UpdatedBy, dismissed.Reason));
        var entries = store.Entries;
        Assert.All(entries, e => Assert.Equal(TrailKind.Triage, e.Kind));
        Assert.Equal(3L, dismissed.TrailSequence);
        var last = JsonDocument.Parse(entries[^1].Payload).RootElement;
        Assert.Equal(
            ("sig-1", "FR14", "under_review", "dismissed", "anna", "dismiss", "Overlijdensdatum in BRP gecorrigeerd"),
            (last.GetProperty("signalId").GetString(), last.GetProperty("ruleId").GetString(), last.GetProperty("from").GetString(),
             last.GetProperty("to").GetString(), last.GetProperty("who").GetString(), last.GetProperty("action").GetString(), last.GetProperty("reason").GetString()));
        Assert.Equal(JsonValueKind.Null, JsonDocument.Parse(entries[0].Payload).RootElement.GetProperty("from").ValueKind);
        Assert.True(AuditVerifier.Verify(entries).Intact);
    }

    [Fact]
    public async Task a_confirmed_signal_can_only_be_reopened_with_a_reason()
    {
        var (store, trail) = New();
        await trail.RegisterSignalAsync(Signal, "detector");
        await trail.RecordTriageAsync("sig-1", TriageAction.StartReview, "anna");
        await trail.RecordTriageAsync("sig-1", TriageAction.Confirm, "anna");

        await Assert.ThrowsAsync<InvalidTriageTransitionException>(() => trail.RecordTriageAsync("sig-1", TriageAction.Dismiss, "bert", "toch niet"));
        await Assert.ThrowsAsync<InvalidTriageTransitionException>(() => trail.RecordTriageAsync("sig-1", TriageAction.StartReview, "bert"));
        await Assert.ThrowsAsync<InvalidTriageTransitionException>(() => trail.RecordTriageAsync("sig-1", TriageAction.Reopen, "bert", "  "));
        var reopened = await trail.RecordTriageAsync("sig-1", TriageAction.Reopen, "bert", "Nieuwe informatie van de zorgaanbieder");

        Assert.Equal(TriageState.UnderReview, reopened.State);
        Assert.Equal(4, store.Entries.Count);
    }

    [Theory]
    [InlineData(TriageAction.Dismiss, "a reason")]
    [InlineData(TriageAction.Confirm, null)]
    [InlineData(TriageAction.Reopen, "a reason")]
    public async Task a_new_signal_must_be_taken_under_review_first(TriageAction action, string? reason)
    {
        var (store, trail) = New();
        await trail.RegisterSignalAsync(Signal, "detector");

        await Assert.ThrowsAsync<InvalidTriageTransitionException>(() => trail.RecordTriageAsync("sig-1", action, "anna", reason));
        Assert.Single(store.Entries);
    }

    [Fact]
    public async Task dismissal_without_a_reason_is_refused_and_leaves_no_trace()
    {
        var (store, trail) = New();
        await trail.RegisterSignalAsync(Signal, "detector");
        await trail.RecordTriageAsync("sig-1", TriageAction.StartReview, "anna");

        var refused = await Assert.ThrowsAsync<InvalidTriageTransitionException>(() => trail.RecordTriageAsync("sig-1", TriageAction.Dismiss, "anna"));

        Assert.Contains("needs a reason", refused.Message, StringComparison.Ordinal);
        Assert.Equal(TriageState.UnderReview, (await store.FindSignalAsync("sig-1"))!.State);
        Assert.Equal(2, store.Entries.Count);
    }

    [Fact]
    public async Task a_reason_or_user_holding_a_bsn_is_refused()
    {
        var (_, trail) = New();
        await trail.RegisterSignalAsync(Signal, "detector");
        await trail.RecordTriageAsync("sig-1", TriageAction.StartReview, "anna");

        await Assert.ThrowsAsync<InvalidTriageTransitionException>(() => trail.RecordTriageAsync("sig-1", TriageAction.Dismiss, "anna", "cliënt 123456782 is verhuisd"));
        await Assert.ThrowsAsync<InvalidTriageTransitionException>(() => trail.RecordTriageAsync("sig-1", TriageAction.Confirm, "123456782"));
    }

    [Fact]
    public async Task registering_twice_returns_the_first_registration_and_unknown_signals_are_refused()
    {
        var (store, trail) = New();
        var first = await trail.RegisterSignalAsync(Signal, "detector");

        Assert.Equal(first, await trail.RegisterSignalAsync(Signal with { RuleId = "FR15" }, "detector"));
        Assert.Single(store.Entries);
        await Assert.ThrowsAsync<TriageConflictException>(() => trail.RecordTriageAsync("sig-unknown", TriageAction.StartReview, "anna"));
    }

    [Fact]
    public async Task a_stale_transition_is_a_conflict()
    {
        var (store, trail) = New();
        await trail.RegisterSignalAsync(Signal, "detector");
        var stale = TriageRules.Transition(Signal, TriageState.New, TriageAction.StartReview, "bert", Start, null);
        await trail.RecordTriageAsync("sig-1", TriageAction.StartReview, "anna");

        await Assert.ThrowsAsync<TriageConflictException>(() => store.ApplyTriageAsync(stale));
    }

    [Fact]
    public async Task signals_are_listed_by_state()
    {
        var (store, trail) = New();
        await trail.RegisterSignalAsync(Signal, "detector");
        await trail.RegisterSignalAsync(Signal with { SignalId = "sig-2" }, "detector");
        await trail.RecordTriageAsync("sig-2", TriageAction.StartReview, "anna");

        Assert.Equal(["sig-1"], (await store.ListSignalsAsync(TriageState.New)).Select(r => r.Signal.SignalId));
        Assert.Equal(["sig-1", "sig-2"], (await store.ListSignalsAsync()).Select(r => r.Signal.SignalId));
    }

    private static (InMemoryAuditTrailStore Store, AuditTrail Trail) New()
    {
        var store = new InMemoryAuditTrailStore();
        return (store, new AuditTrail(store, store, time: new ManualTime(Start)));
    }
}
