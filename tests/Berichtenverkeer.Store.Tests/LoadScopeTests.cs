using Berichtenverkeer.Ijw.Model;
using Berichtenverkeer.Matching.State;
using static Berichtenverkeer.Store.Tests.Build;

namespace Berichtenverkeer.Store.Tests;

/// <summary>LoadAsync loads exactly what the IStateStore doc lists: rows of other municipalities, providers and clients stay out.</summary>
public sealed class LoadScopeTests
{
    [Theory, OnSqlite, OnPostgres]
    public async Task Same_identificatie_is_matched_on_type_sender_and_identificatie(string provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        var message = Message("JW305", identificatie: "X-1");
        await test.Store.CommitAsync(Changes(message));

        Assert.Equal(message, (await test.Store.LoadAsync(Scope("JW305", Agb, "X-1"))).SameIdentificatie);
        Assert.Null((await test.Store.LoadAsync(Scope("JW307", Agb, "X-1"))).SameIdentificatie);
        Assert.Null((await test.Store.LoadAsync(Scope("JW305", OtherAgb, "X-1"))).SameIdentificatie);
        Assert.Null((await test.Store.LoadAsync(Scope("JW305", Agb, "X-2"))).SameIdentificatie);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Assignments_by_number_include_every_version_and_other_clients_but_not_other_municipalities(string provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        var m1 = Changes(Message());
        var v1 = Assignment(m1.Message.MessageId, nummer: 500, bsn: OtherBsn, agb: OtherAgb);
        var mine = Assignment(m1.Message.MessageId, nummer: 600);
        var otherClient = Assignment(m1.Message.MessageId, nummer: 700, bsn: ThirdBsn);
        var otherGemeente = Assignment(m1.Message.MessageId, nummer: 500, gemeente: OtherGemeente);
        var otherProvider = Assignment(m1.Message.MessageId, nummer: 800, agb: OtherAgb);
        m1.Assignments.AddRange([v1, mine, otherClient, otherGemeente, otherProvider]);
        await test.Store.CommitAsync(m1);
        var m2 = Changes(Message());
        var v2 = v1 with { Toewijzingsdatum = new DateOnly(2025, 2, 1), Einddatum = new DateOnly(2025, 6, 30), RedenWijziging = "14", MessageId = m2.Message.MessageId };
        m2.Assignments.Add(v2);
        await test.Store.CommitAsync(m2);

        // TR332 needs number 500 with all its versions, although it belongs to another client and provider.
        var snapshot = await test.Store.LoadAsync(Scope("JW301", Gemeente) with { Bsns = [Bsn], ToewijzingNummers = [500] });

        Assert.Equal([v1, mine, v2], snapshot.Assignments);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Regie_of_the_clients_between_this_municipality_and_provider_including_deleted(string provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        var m = Changes(Message("JW305"));
        var mine = Start(m.Message.MessageId);
        var deleted = Start(m.Message.MessageId, nummer: 2002) with { Deleted = true };
        m.Regie.AddRange([
            mine, deleted,
            Start(m.Message.MessageId, bsn: OtherBsn),
            Start(m.Message.MessageId, gemeente: OtherGemeente),
            Start(m.Message.MessageId, agb: OtherAgb),
        ]);
        await test.Store.CommitAsync(m);

        var snapshot = await test.Store.LoadAsync(Scope("JW305") with { Bsns = [Bsn] });

        Assert.Equal([mine, deleted], snapshot.Regie);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Requests_by_reference_or_client_and_answers_on_those_requests(string provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        var m = Changes(Message("JW315"));
        var byReference = Request(m.Message.MessageId, "R-SCOPE", gemeente: OtherGemeente, bsn: OtherBsn);
        var byClient = Request(m.Message.MessageId, "R-CLIENT");
        var otherClient = Request(m.Message.MessageId, "R-OTHER", bsn: OtherBsn);
        var otherProvider = Request(m.Message.MessageId, "R-SCOPE", agb: OtherAgb);
        var clientAtOtherGemeente = Request(m.Message.MessageId, "R-ELSEWHERE", gemeente: OtherGemeente);
        m.Requests.AddRange([byReference, byClient, otherClient, otherProvider, clientAtOtherGemeente]);
        await test.Store.CommitAsync(m);
        var a = Changes(Message("JW319"));
        var onScope = Answer(a.Message.MessageId, "R-SCOPE");
        var onClientRequest = Answer(a.Message.MessageId, "R-CLIENT");
        var rejected = Answer(a.Message.MessageId, "R-CLIENT", "1");
        a.Answers.AddRange([
            onScope, onClientRequest, rejected,
            Answer(a.Message.MessageId, "R-OTHER"),
            Answer(a.Message.MessageId, "R-SCOPE", agb: OtherAgb),
            Answer(a.Message.MessageId, "R-CLIENT", gemeente: OtherGemeente),
        ]);
        await test.Store.CommitAsync(a);

        var snapshot = await test.Store.LoadAsync(Scope("JW315") with { Bsns = [Bsn], Referenties = ["R-SCOPE"] });

        Assert.Equal([byReference, byClient], snapshot.Requests);
        Assert.Equal([onScope, onClientRequest, rejected], snapshot.Answers);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Declarations_same_number_of_this_provider_and_latest_period_to_this_municipality(string provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        await CommitDeclarationAsync(test, "D-1", Gemeente, Agb, month: 2);
        await CommitDeclarationAsync(test, "D-2", Gemeente, Agb, month: 4);
        await CommitDeclarationAsync(test, "D-3", OtherGemeente, Agb, month: 6);
        await CommitDeclarationAsync(test, "D-1", Gemeente, OtherAgb, month: 9);

        var snapshot = await test.Store.LoadAsync(Scope() with { DeclaratieNummer = "D-1" });

        Assert.Equal("D-1", snapshot.SameDeclaratieNummer?.DeclaratieNummer);
        Assert.Equal(Agb, snapshot.SameDeclaratieNummer?.Agb);
        Assert.Equal(new GeslotenPeriode(new DateOnly(2025, 4, 1), new DateOnly(2025, 4, 30)), snapshot.LatestDeclaratiePeriode);
        Assert.Null((await test.Store.LoadAsync(Scope() with { DeclaratieNummer = "D-9" })).SameDeclaratieNummer);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Prestaties_by_reference_by_credited_reference_or_by_assignment(string provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        var m = Changes(Message("JW323"));
        m.Declaration = Declaration(m.Message.MessageId);
        var byReference = Prestatie(m.Message.MessageId, "P-REF", nummer: 1);
        var creditOfScope = Prestatie(m.Message.MessageId, "P-CREDIT", nummer: 2, vorig: "P-REF");
        var onAssignment = Prestatie(m.Message.MessageId, "P-ASSIGN", nummer: 42);
        var assignmentAtOtherGemeente = Prestatie(m.Message.MessageId, "P-ELSEWHERE", nummer: 42, gemeente: OtherGemeente);
        var unrelated = Prestatie(m.Message.MessageId, "P-UNRELATED", nummer: 3);
        m.Prestaties.AddRange([byReference, creditOfScope, onAssignment, assignmentAtOtherGemeente, unrelated]);
        await test.Store.CommitAsync(m);
        var o = Changes(Message("JW323"));
        o.Prestaties.Add(Prestatie(o.Message.MessageId, "P-REF", nummer: 42, agb: OtherAgb));
        await test.Store.CommitAsync(o);

        var snapshot = await test.Store.LoadAsync(Scope() with { PrestatieReferenties = ["P-REF"], ToewijzingNummers = [42] });

        StateRoundTripTests.AssertPrestaties([byReference, creditOfScope, onAssignment], snapshot.Prestaties);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Thousands_of_keys_load_without_hitting_a_parameter_limit(string provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        var m = Changes(Message());
        m.Assignments.Add(Assignment(m.Message.MessageId, nummer: 4_999));
        await test.Store.CommitAsync(m);

        var snapshot = await test.Store.LoadAsync(Scope("JW301", Gemeente) with
        {
            Bsns = Enumerable.Range(0, 3_000).Select(i => i.ToString("D9", System.Globalization.CultureInfo.InvariantCulture)).ToList(),
            ToewijzingNummers = Enumerable.Range(0, 5_000).Select(i => (long)i).ToList(),
            Referenties = Enumerable.Range(0, 3_000).Select(i => "R" + i).ToList(),
            PrestatieReferenties = Enumerable.Range(0, 5_000).Select(i => "P" + i).ToList(),
        });

        Assert.Single(snapshot.Assignments);
    }

    private static async Task CommitDeclarationAsync(TestStore test, string nummer, string gemeente, string agb, int month)
    {
        var changes = Changes(Message("JW323", afzender: agb, ontvanger: gemeente));
        changes.Declaration = Declaration(changes.Message.MessageId, nummer, gemeente, agb, month);
        await test.Store.CommitAsync(changes);
    }
}
