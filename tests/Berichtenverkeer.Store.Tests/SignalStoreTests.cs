using System.Text.Json;
using Berichtenverkeer.Audit.Trail;
using Berichtenverkeer.Signals;
using Berichtenverkeer.Signals.Exceptions;

namespace Berichtenverkeer.Store.Tests;

/// <summary>Raised signals (migration 0004, RelationalStore.SignalExceptions): stored once, registered in triage and the trail, queried, published.</summary>
public sealed class SignalStoreTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 10, 9, 0, 0, TimeSpan.Zero);

    [Theory, OnSqlite, OnPostgres]
    public async Task a_signal_saved_twice_is_stored_registered_and_trailed_once(string provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        var fr14 = Signal("FR14", Severity.C, "0363", "12345678", new DateOnly(2026, 2, 1), new DateOnly(2026, 2, 28));

        var first = await test.Store.SaveSignalsAsync([fr14, fr14], At);
        var again = await test.Store.SaveSignalsAsync([fr14], At.AddHours(1));

        Assert.Equal([fr14.Id], first.Select(s => s.Id));
        Assert.Empty(again);
        var triage = Assert.Single(await Triage(test).ListSignalsAsync());
        Assert.Equal((fr14.Id, TriageState.New, RelationalStore.SignalRegistrar, "FR14"), (triage.Signal.SignalId, triage.State, triage.UpdatedBy, triage.Signal.RuleId));
        var entry = Assert.Single(await Trail(test).ReadTrailAsync(0, 10));
        Assert.Equal((TrailKind.Triage, triage.TrailSequence), (entry.Kind, entry.Sequence));
        using var payload = JsonDocument.Parse(entry.Payload);
        Assert.Equal(("register", "new", fr14.Id), (payload.RootElement.GetProperty("action").GetString(), payload.RootElement.GetProperty("to").GetString(), payload.RootElement.GetProperty("signalId").GetString()));
        var stored = await test.Store.FindStoredSignalAsync(fr14.Id);
        Assert.Equal(SignalJson.Serialize(fr14), SignalJson.Serialize(stored!.Signal));
        Assert.Equal((At, (DateTimeOffset?)null, TriageState.New), (stored.FirstSeen, stored.PublishedAt, stored.State));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task two_writers_racing_on_the_same_signal_register_it_once(string provider)
    {
        await using var test = await TestStore.CreateAsync(provider, file: provider == StateStoreOptions.Sqlite);
        var sibling = test.OpenSibling();
        var signals = Enumerable.Range(1, 5).Select(i => Signal("FR15", Severity.H, "0363", "12345678", new DateOnly(2026, 1, i), new DateOnly(2026, 1, 31))).ToList();

        var results = await Task.WhenAll(
            Enumerable.Range(0, 6).Select(i => (i % 2 == 0 ? test.Store : sibling).SaveSignalsAsync(signals, At)));

        Assert.Equal(5, results.Sum(r => r.Count));
        Assert.Equal(5, (await Triage(test).ListSignalsAsync()).Count);
        Assert.Equal(5, (await Trail(test).TrailHeadAsync())!.Count);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task the_query_filters_by_gemeente_provider_rule_severity_period_and_triage_state(string provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        var january = Signal("FR14", Severity.C, "0363", "12345678", new DateOnly(2026, 1, 5), new DateOnly(2026, 1, 31));
        var february = Signal("FR15", Severity.H, "0363", "87654321", new DateOnly(2026, 2, 1), new DateOnly(2026, 2, 28));
        var otherGemeente = Signal("FR27", Severity.L, "0599", "12345678", new DateOnly(2026, 2, 1), new DateOnly(2026, 3, 31));
        var clientLevel = Signal("FR23", Severity.M, "0363", null, new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31));
        await test.Store.SaveSignalsAsync([january, february, otherGemeente, clientLevel], At);
        var triage = TriageRules.Transition(new TriageSignal(february.Id, "0363", "87654321", "FR15"), TriageState.New, TriageAction.StartReview, "auditor-1", At, null);
        await Triage(test).ApplyTriageAsync(triage);

        async Task<string[]> Ids(SignalQuery q) => (await test.Store.QuerySignalsAsync(q)).Select(s => s.Signal.Id).ToArray();

        Assert.Equal([january.Id, february.Id, otherGemeente.Id, clientLevel.Id], await Ids(new SignalQuery()));
        Assert.Equal([january.Id, february.Id, clientLevel.Id], await Ids(new SignalQuery { Gemeente = "0363" }));
        Assert.Equal([january.Id, otherGemeente.Id], await Ids(new SignalQuery { Agb = "12345678" }));
        Assert.Equal([february.Id], await Ids(new SignalQuery { RuleId = "FR15" }));
        Assert.Equal([january.Id, february.Id], await Ids(new SignalQuery { MinSeverity = Severity.H }));
        Assert.Equal([clientLevel.Id], await Ids(new SignalQuery { Severity = Severity.M }));
        Assert.Equal([february.Id, otherGemeente.Id], await Ids(new SignalQuery { From = new DateOnly(2026, 2, 1), To = new DateOnly(2026, 2, 28) }));
        Assert.Equal([otherGemeente.Id, clientLevel.Id], await Ids(new SignalQuery { From = new DateOnly(2026, 3, 1) }));
        Assert.Equal([february.Id], await Ids(new SignalQuery { State = TriageState.UnderReview }));
        Assert.Equal([january.Id, otherGemeente.Id, clientLevel.Id], await Ids(new SignalQuery { State = TriageState.New }));
        Assert.Equal([january.Id, february.Id], await Ids(new SignalQuery { Limit = 2 }));
        Assert.Equal(TriageState.UnderReview, (await test.Store.FindStoredSignalAsync(february.Id))!.State);
        Assert.Null(await test.Store.FindStoredSignalAsync("sig-unknown"));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task unpublished_signals_are_handed_out_oldest_first_until_marked_published(string provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        var older = Signal("FR14", Severity.C, "0363", "12345678", new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 31));
        var newer = Signal("FR15", Severity.H, "0363", "12345678", new DateOnly(2025, 1, 1), new DateOnly(2025, 1, 31));
        await test.Store.SaveSignalsAsync([older], At);
        await test.Store.SaveSignalsAsync([newer], At.AddMinutes(1));

        Assert.Equal([older.Id, newer.Id], (await test.Store.UnpublishedSignalsAsync(10)).Select(s => s.Signal.Id));
        Assert.Equal([older.Id], (await test.Store.UnpublishedSignalsAsync(1)).Select(s => s.Signal.Id));

        Assert.Equal(1, await test.Store.MarkSignalsPublishedAsync([older.Id], At.AddMinutes(2)));
        Assert.Equal(0, await test.Store.MarkSignalsPublishedAsync([older.Id], At.AddMinutes(3)));

        Assert.Equal([newer.Id], (await test.Store.UnpublishedSignalsAsync(10)).Select(s => s.Signal.Id));
        Assert.Equal(At.AddMinutes(2), (await test.Store.FindStoredSignalAsync(older.Id))!.PublishedAt);
        await test.Store.SaveSignalsAsync([older], At.AddMinutes(4));
        Assert.Equal([newer.Id], (await test.Store.UnpublishedSignalsAsync(10)).Select(s => s.Signal.Id));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task a_signals_trail_is_its_own_triage_entries_in_order(string provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        var mine = Signal("FR14", Severity.C, "0363", "12345678", new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 31));
        var other = Signal("FR15", Severity.H, "0363", "12345678", new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 31));
        await test.Store.SaveSignalsAsync([mine, other], At);
        var signal = new TriageSignal(mine.Id, "0363", "12345678", "FR14");
        await Triage(test).ApplyTriageAsync(TriageRules.Transition(signal, TriageState.New, TriageAction.StartReview, "anna", At, null));

        // A reason quoting another signal's id does not make the entry that signal's.
        var otherSignal = new TriageSignal(other.Id, "0363", "12345678", "FR15");
        await Triage(test).ApplyTriageAsync(TriageRules.Transition(otherSignal, TriageState.New, TriageAction.StartReview, "anna", At, null));
        await Triage(test).ApplyTriageAsync(TriageRules.Transition(otherSignal, TriageState.UnderReview, TriageAction.Dismiss, "anna", At, $"same case as \"signalId\":\"{mine.Id}\""));

        var trail = await test.Store.SignalTrailAsync(mine.Id);

        Assert.Equal(["register", "start_review"], trail.Select(e => JsonDocument.Parse(e.Payload).RootElement.GetProperty("action").GetString()));
        Assert.True(trail[0].Sequence < trail[1].Sequence);
        Assert.Empty(await test.Store.SignalTrailAsync("sig-unknown"));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task the_period_batch_scope_is_every_municipality_with_state(string provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        var changes = Build.Changes(Build.Message("JW301"));
        changes.Assignments.Add(Build.Assignment(changes.Message.MessageId, nummer: 1));
        changes.Assignments.Add(Build.Assignment(changes.Message.MessageId, nummer: 2, gemeente: Build.OtherGemeente));
        await test.Store.CommitAsync(changes);

        Assert.Equal([Build.Gemeente, Build.OtherGemeente], await ((RelationalStore)test.Store).SignalGemeentenAsync());
    }

    // The trail ports are the relational store's; IGatewayStore gains them with the audit trail feed.
    private static ISignalTriageStore Triage(TestStore test) => (ISignalTriageStore)test.Store;

    private static IAuditTrailStore Trail(TestStore test) => (IAuditTrailStore)test.Store;

    internal static Signal Signal(string rule, Severity severity, string gemeente, string? agb, DateOnly from, DateOnly to) => new()
    {
        Id = Signals.Signal.MakeId(rule, 1, [gemeente, agb ?? "-", from.ToString("O"), to.ToString("O")]),
        RuleId = rule,
        RuleVersion = 1,
        Severity = severity,
        Stage = ControlStage.Material,
        Gemeente = gemeente,
        Agb = agb,
        RelatedAgbs = agb is null ? ["11112222", "34567890"] : [],
        Client = "pseudo-" + rule,
        MessageIds = ["m-1", "m-2"],
        ContentHashes = [new string('a', 64)],
        Values = new SortedDictionary<string, double>(StringComparer.Ordinal) { ["bedrag"] = 1234.5, ["prestaties"] = 2 },
        Description = $"{rule} for {gemeente}.",
        PeriodFrom = from,
        PeriodTo = to,
    };
}
