using System.Text.Json;
using Berichtenverkeer.Audit.Trail;
using Berichtenverkeer.Store;
using Microsoft.Data.Sqlite;

namespace Berichtenverkeer.Cli.Tests.Audit;

/// <summary><c>berichtenverkeer audit triage</c> on a gateway database: decisions land in the state and in the trail.</summary>
public sealed class TriageCommandTests : IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private SqliteStateStore _store = null!;

    private string Db => Path.Combine(_folder.Path, "gateway.db");

    public async Task InitializeAsync()
    {
        _store = new SqliteStateStore(new StateStoreOptions { ConnectionString = Db });
        await _store.MigrateAsync();
        var trail = new AuditTrail(_store, _store);
        await trail.RegisterSignalAsync(new TriageSignal("sig-1", "0363", "12345678", "FR14"), "detector");
        await trail.RegisterSignalAsync(new TriageSignal("sig-2", "0344", "87654321", "FR21"), "detector");
    }

    public async Task DisposeAsync()
    {
        await _store.DisposeAsync();
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }

    [Fact]
    public async Task review_then_dismiss_with_a_reason_is_stored_and_each_step_is_a_verifiable_trail_entry()
    {
        var review = Triage("sig-1", "--to", "review", "--by", "anna");
        var dismiss = Triage("sig-1", "--to", "dismiss", "--reason", "BRP-datum gecorrigeerd", "--by", "anna");

        Assert.Equal((0, "signal sig-1 is under_review (by anna, trail entry 3)"), (review.ExitCode, review.OutLines[0]));
        Assert.Equal((0, "signal sig-1 is dismissed (by anna, trail entry 4)"), (dismiss.ExitCode, dismiss.OutLines[0]));
        var record = await _store.FindSignalAsync("sig-1");
        Assert.Equal((TriageState.Dismissed, "BRP-datum gecorrigeerd", 4L), (record!.State, record.Reason, record.TrailSequence));

        var trail = Path.Combine(_folder.Path, "trail.jsonl");
        Assert.Equal(0, CliRun.Of("audit", "export", "--db", Db, "--out", trail).ExitCode);
        var payloads = File.ReadAllLines(trail).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("payload")).ToList();
        Assert.Equal(
            [("register", null, "new"), ("register", null, "new"), ("start_review", "new", "under_review"), ("dismiss", "under_review", "dismissed")],
            payloads.Select(p => (p.GetProperty("action").GetString(), p.GetProperty("from").GetString(), p.GetProperty("to").GetString())));
        Assert.Equal(("anna", "BRP-datum gecorrigeerd"), (payloads[3].GetProperty("who").GetString(), payloads[3].GetProperty("reason").GetString()));
        var verify = CliRun.Of("audit", "verify", trail);
        Assert.Equal(0, verify.ExitCode);
        Assert.StartsWith("intact: 4 entries", verify.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task dismiss_without_a_reason_is_refused_and_changes_nothing()
    {
        Assert.Equal(0, Triage("sig-1", "--to", "review", "--by", "anna").ExitCode);

        var refused = Triage("sig-1", "--to", "dismiss", "--by", "anna");

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("dismiss needs a reason", refused.Error, StringComparison.Ordinal);
        Assert.Equal(TriageState.UnderReview, (await _store.FindSignalAsync("sig-1"))!.State);
        Assert.Equal(3, (await _store.TrailHeadAsync())!.Sequence);
    }

    [Fact]
    public async Task confirming_a_signal_nobody_reviewed_is_an_illegal_transition()
    {
        var refused = Triage("sig-1", "--to", "confirm", "--by", "anna");

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("confirm is not allowed from new", refused.Error, StringComparison.Ordinal);
        Assert.Equal(TriageState.New, (await _store.FindSignalAsync("sig-1"))!.State);
    }

    [Fact]
    public async Task review_of_a_dismissed_signal_reopens_it_and_needs_a_reason()
    {
        Triage("sig-1", "--to", "review", "--by", "anna");
        Triage("sig-1", "--to", "dismiss", "--reason", "geen fraude", "--by", "anna");

        var withoutReason = Triage("sig-1", "--to", "review", "--by", "bert");
        var reopened = Triage("sig-1", "--to", "review", "--reason", "nieuwe informatie", "--by", "bert");

        Assert.Equal(1, withoutReason.ExitCode);
        Assert.Contains("reopen needs a reason", withoutReason.Error, StringComparison.Ordinal);
        Assert.Equal(0, reopened.ExitCode);
        Assert.Equal(("bert", TriageState.UnderReview), ((await _store.FindSignalAsync("sig-1"))!.UpdatedBy, (await _store.FindSignalAsync("sig-1"))!.State));
    }

    [Fact]
    public async Task an_unknown_signal_id_is_named_and_nothing_is_written()
    {
        var refused = Triage("sig-9", "--to", "review", "--by", "anna");

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("Signal sig-9 is not registered", refused.Error, StringComparison.Ordinal);
        Assert.Equal(2, (await _store.TrailHeadAsync())!.Sequence);
    }

    [Fact]
    public async Task a_reason_holding_a_bsn_is_refused_and_the_bsn_is_not_echoed()
    {
        Triage("sig-1", "--to", "review", "--by", "anna");

        var refused = Triage("sig-1", "--to", "dismiss", "--reason", "client 111222333 verhuisd", "--by", "anna");

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("looks like a BSN", refused.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("111222333", refused.Error + refused.Out, StringComparison.Ordinal);
        Assert.Equal(TriageState.UnderReview, (await _store.FindSignalAsync("sig-1"))!.State);
    }

    [Fact]
    public void list_shows_every_signal_or_only_those_in_a_state()
    {
        Triage("sig-2", "--to", "review", "--by", "anna");

        var all = CliRun.Of("audit", "triage", "list", "--db", Db);
        var underReview = CliRun.Of("audit", "triage", "list", "--state", "under_review", "--db", Db);

        Assert.Equal(0, all.ExitCode);
        Assert.Equal(["sig-1\tnew\tFR14\t0363\t12345678", "sig-2\tunder_review\tFR21\t0344\t87654321"], all.OutLines.Skip(1).Select(Head));
        Assert.Equal(["sig-2\tunder_review\tFR21\t0344\t87654321"], underReview.OutLines.Skip(1).Select(Head));
        Assert.Contains("1 signals under_review", underReview.Error, StringComparison.Ordinal);

        static string Head(string line) => string.Join('\t', line.Split('\t').Take(5));
    }

    [Theory]
    [InlineData("sig-1", "--to", "review")]
    [InlineData("sig-1", "--to", "ignore", "--by", "anna")]
    [InlineData("sig-1", "--by", "anna")]
    [InlineData("list", "--state", "open")]
    [InlineData("list", "--by", "anna")]
    public void wrong_usage_exits_with_2_and_says_why(params string[] args)
    {
        var run = CliRun.Of(["audit", "triage", .. args, "--db", Db]);

        Assert.Equal(2, run.ExitCode);
        Assert.NotEmpty(run.Error);
    }

    private CliRun Triage(params string[] args) => CliRun.Of(["audit", "triage", .. args, "--db", Db]);
}
