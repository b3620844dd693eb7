using Berichtenverkeer.Matching.State;
using static Berichtenverkeer.Store.Tests.Build;

namespace Berichtenverkeer.Store.Tests;

/// <summary>Each uniqueness a rule demands is enforced by the database, and a violation rolls back the whole commit.</summary>
public sealed class ConflictTests
{
    [Theory, OnSqlite, OnPostgres]
    public async Task TR056_same_type_sender_and_identificatie(string provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        await test.Store.CommitAsync(Changes(Message("JW305", identificatie: "ID-1")));

        var duplicate = Changes(Message("JW305", identificatie: "ID-1"));
        duplicate.Regie.Add(Start(duplicate.Message.MessageId));
        var e = await Assert.ThrowsAsync<StateConflictException>(() => test.Store.CommitAsync(duplicate));

        Assert.Contains("TR056", e.Message, StringComparison.Ordinal);
        Assert.Empty((await test.Store.LoadAsync(Scope("JW305") with { Bsns = [Bsn] })).Regie);
        // Another type, or another sender, may use the same Identificatie.
        await test.Store.CommitAsync(Changes(Message("JW307", identificatie: "ID-1")));
        await test.Store.CommitAsync(Changes(Message("JW305", afzender: OtherAgb, identificatie: "ID-1")));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task The_same_message_id_twice(string provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        var message = Message();
        await test.Store.CommitAsync(Changes(message));

        await Assert.ThrowsAsync<StateConflictException>(() => test.Store.CommitAsync(Changes(Message(id: message.MessageId))));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task TR347_request_reference_per_provider(string provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        var first = Changes(Message("JW315"));
        first.Requests.Add(Request(first.Message.MessageId, "REF-9"));
        await test.Store.CommitAsync(first);

        var again = Changes(Message("JW317"));
        again.Requests.Add(Request(again.Message.MessageId, "REF-9", bsn: OtherBsn));
        var e = await Assert.ThrowsAsync<StateConflictException>(() => test.Store.CommitAsync(again));
        Assert.Contains("TR347", e.Message, StringComparison.Ordinal);
        Assert.Null((await test.Store.LoadAsync(Scope("JW317", identificatie: again.Message.Identificatie))).SameIdentificatie);

        var inOneMessage = Changes(Message("JW315"));
        inOneMessage.Requests.AddRange([Request(inOneMessage.Message.MessageId, "REF-10"), Request(inOneMessage.Message.MessageId, "REF-10")]);
        await Assert.ThrowsAsync<StateConflictException>(() => test.Store.CommitAsync(inOneMessage));

        var otherProvider = Changes(Message("JW315", afzender: OtherAgb));
        otherProvider.Requests.Add(Request(otherProvider.Message.MessageId, "REF-9", agb: OtherAgb));
        await test.Store.CommitAsync(otherProvider);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task TR333_declaratienummer_per_provider(string provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        var first = Changes(Message("JW323"));
        first.Declaration = Declaration(first.Message.MessageId, "D-77");
        await test.Store.CommitAsync(first);

        var again = Changes(Message("JW323"));
        again.Declaration = Declaration(again.Message.MessageId, "D-77", month: 4);
        again.Prestaties.Add(Prestatie(again.Message.MessageId, "P-NEW", declaratie: "D-77"));
        var e = await Assert.ThrowsAsync<StateConflictException>(() => test.Store.CommitAsync(again));

        Assert.Contains("TR333", e.Message, StringComparison.Ordinal);
        Assert.Empty((await test.Store.LoadAsync(Scope() with { PrestatieReferenties = ["P-NEW"] })).Prestaties);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task TR314_prestatie_reference_per_provider_across_and_within_messages(string provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        var first = Changes(Message("JW323"));
        first.Prestaties.Add(Prestatie(first.Message.MessageId, "P-1"));
        await test.Store.CommitAsync(first);

        var again = Changes(Message("JW323"));
        again.Prestaties.AddRange([Prestatie(again.Message.MessageId, "P-2"), Prestatie(again.Message.MessageId, "P-1")]);
        var e = await Assert.ThrowsAsync<StateConflictException>(() => test.Store.CommitAsync(again));
        Assert.Contains("TR314", e.Message, StringComparison.Ordinal);

        var within = Changes(Message("JW323"));
        within.Prestaties.AddRange([Prestatie(within.Message.MessageId, "P-3"), Prestatie(within.Message.MessageId, "P-3")]);
        await Assert.ThrowsAsync<StateConflictException>(() => test.Store.CommitAsync(within));

        var loaded = await test.Store.LoadAsync(Scope() with { PrestatieReferenties = ["P-1", "P-2", "P-3"] });
        Assert.Equal(["P-1"], loaded.Prestaties.Select(p => p.ReferentieNummer));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task TR074_one_current_regie_record_per_key(string provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        var first = Changes(Message("JW305"));
        first.Regie.Add(Start(first.Message.MessageId));
        await test.Store.CommitAsync(first);

        var again = Changes(Message("JW305"));
        again.Regie.Add(Start(again.Message.MessageId) with { ToewijzingIngangsdatum = new DateOnly(2025, 1, 1) });
        var e = await Assert.ThrowsAsync<StateConflictException>(() => test.Store.CommitAsync(again));
        Assert.Contains("TR074", e.Message, StringComparison.Ordinal);

        // A start and a stop may share ToewijzingNummer, Product and Begindatum: the kind is part of the key.
        var stop = Changes(Message("JW307"));
        stop.Regie.Add(Stop(stop.Message.MessageId));
        await test.Store.CommitAsync(stop);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Re_sending_an_assignment_version_adds_no_row_and_a_new_version_does(string provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        var first = Changes(Message());
        var v1 = Assignment(first.Message.MessageId);
        first.Assignments.Add(v1);
        await test.Store.CommitAsync(first);

        // OP087: every JW301 repeats the unchanged assignments with their own version moment.
        var resend = Changes(Message());
        resend.Assignments.AddRange([v1 with { MessageId = resend.Message.MessageId }, v1 with { MessageId = resend.Message.MessageId }]);
        await test.Store.CommitAsync(resend);

        var change = Changes(Message());
        var v2 = v1 with { Toewijzingstijd = new TimeOnly(9, 30, 16), Einddatum = new DateOnly(2025, 6, 30), RedenWijziging = "14", MessageId = change.Message.MessageId };
        change.Assignments.Add(v2);
        await test.Store.CommitAsync(change);

        var loaded = await test.Store.LoadAsync(Scope("JW301", Gemeente) with { ToewijzingNummers = [v1.ToewijzingNummer] });
        Assert.Equal([v1, v2], loaded.Assignments);
        Assert.Equal(v2, loaded.Assignments.MaxBy(a => a.VersionMoment));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Two_gateways_committing_the_same_identificatie_concurrently_one_wins(string provider)
    {
        await using var test = await TestStore.CreateAsync(provider, file: true);
        var stores = Enumerable.Range(0, 4).Select(_ => test.OpenSibling()).ToList();

        var results = await Task.WhenAll(stores.Select((store, i) => Task.Run(async () =>
        {
            var changes = Changes(Message("JW315", identificatie: "RACE-1"));
            changes.Requests.Add(Request(changes.Message.MessageId, "RACE-REF-" + i));
            try
            {
                await store.CommitAsync(changes);
                return true;
            }
            catch (StateConflictException)
            {
                return false;
            }
        })));

        Assert.Single(results, r => r);
        var snapshot = await test.Store.LoadAsync(Scope("JW315", identificatie: "RACE-1") with { Bsns = [Bsn] });
        Assert.NotNull(snapshot.SameIdentificatie);
        Assert.Single(snapshot.Requests);
    }
}
