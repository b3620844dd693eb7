using Berichtenverkeer.Audit.Trail;

namespace Berichtenverkeer.Audit.Tests.Trail;

/// <summary>Moving a signal to a target state (what the CLI and the HTTP endpoint ask for): the action follows from its state.</summary>
public sealed class TriageTargetTests
{
    private static readonly TriageSignal Signal = new("sig-1", "0363", "12345678", "FR14");

    [Fact]
    public async Task review_starts_the_review_of_a_new_signal_and_reopens_a_final_one()
    {
        var store = new InMemoryAuditTrailStore();
        var trail = new AuditTrail(store, store);
        await trail.RegisterSignalAsync(Signal, "detector");

        await trail.MoveTriageAsync("sig-1", TriageState.UnderReview, "anna");
        await trail.MoveTriageAsync("sig-1", TriageState.Confirmed, "anna");
        var reopened = await trail.MoveTriageAsync("sig-1", TriageState.UnderReview, "bert", "nieuwe informatie");

        Assert.Equal((TriageState.UnderReview, "nieuwe informatie"), (reopened.State, reopened.Reason));
        Assert.Equal(["register", "start_review", "confirm", "reopen"], store.Entries.Select(e => System.Text.Json.JsonDocument.Parse(e.Payload).RootElement.GetProperty("action").GetString()));
    }

    [Fact]
    public async Task an_unknown_signal_is_named_as_such()
    {
        var store = new InMemoryAuditTrailStore();

        var refused = await Assert.ThrowsAsync<UnknownSignalException>(() => new AuditTrail(store, store).MoveTriageAsync("sig-9", TriageState.UnderReview, "anna"));

        Assert.Equal("sig-9", refused.SignalId);
        Assert.Empty(store.Entries);
    }

    [Fact]
    public async Task a_move_based_on_a_state_someone_else_changed_meanwhile_is_a_conflict_and_writes_nothing()
    {
        var store = new InMemoryAuditTrailStore();
        var trail = new AuditTrail(store, store);
        await trail.RegisterSignalAsync(Signal, "detector");
        var racing = new RacingStore(store, () => trail.MoveTriageAsync("sig-1", TriageState.UnderReview, "bert"));

        var conflict = await Assert.ThrowsAsync<TriageConflictException>(
            () => new AuditTrail(store, racing).MoveTriageAsync("sig-1", TriageState.UnderReview, "anna"));

        Assert.Contains("someone else acted first", conflict.Message, StringComparison.Ordinal);
        Assert.Equal(("bert", 2), ((await store.FindSignalAsync("sig-1"))!.UpdatedBy, store.Entries.Count));
    }

    [Theory]
    [InlineData("review", TriageState.UnderReview)]
    [InlineData("Dismiss", TriageState.Dismissed)]
    [InlineData("confirmed", TriageState.Confirmed)]
    [InlineData("new", null)]
    [InlineData("", null)]
    public void targets_are_the_verbs_or_the_state_names(string text, TriageState? expected) =>
        Assert.Equal(expected, TriageTarget.Parse(text));

    /// <summary>Lets another user's move happen between this user's read and write.</summary>
    private sealed class RacingStore(InMemoryAuditTrailStore inner, Func<Task> meanwhile) : ISignalTriageStore
    {
        public Task<TriageRecord?> FindSignalAsync(string signalId, CancellationToken cancellationToken = default) => inner.FindSignalAsync(signalId, cancellationToken);

        public Task<IReadOnlyList<TriageRecord>> ListSignalsAsync(TriageState? state = null, CancellationToken cancellationToken = default) =>
            inner.ListSignalsAsync(state, cancellationToken);

        public async Task<TriageRecord> ApplyTriageAsync(TriageTransition transition, CancellationToken cancellationToken = default)
        {
            await meanwhile();
            return await inner.ApplyTriageAsync(transition, cancellationToken);
        }
    }
}
