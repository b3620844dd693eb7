using Berichtenverkeer.Ijw.Model;
using Berichtenverkeer.Matching.State;
using static Berichtenverkeer.Store.Tests.Build;

namespace Berichtenverkeer.Store.Tests;

public sealed class StateRoundTripTests
{
    [Theory, OnSqlite, OnPostgres]
    public async Task Every_record_type_comes_back_as_committed(string provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        var store = test.Store;

        var message = Message("JW323", identificatie: "DECL-MSG-1");
        var changes = Changes(message);
        var assignment = Assignment(message.MessageId);
        var generic = Assignment(message.MessageId, nummer: 1002) with
        {
            Product = null, Omvang = null, Budget = 150_000, Einddatum = null, RedenWijziging = "13", ReferentieAanbieder = null,
            Toewijzingstijd = new TimeOnly(23, 59, 59, 500),
        };
        var aspecific = Assignment(message.MessageId, nummer: 1003) with { Product = new Product("45", null), Omvang = null };
        changes.Assignments.AddRange([assignment, generic, aspecific]);
        var start = Start(message.MessageId);
        var stop = Stop(message.MessageId);
        var taskBased = Start(message.MessageId) with { ToewijzingNummer = null, ToewijzingIngangsdatum = null, Begindatum = new DateOnly(2025, 5, 1) };
        changes.Regie.AddRange([start, stop, taskBased]);
        changes.Requests.Add(Request(message.MessageId, "REF-1") with { Kind = RequestKind.Vow });
        changes.Answers.Add(Answer(message.MessageId, "REF-1", "1"));
        changes.Declaration = Declaration(message.MessageId);
        var debit = Prestatie(message.MessageId, "P-1", approved: false);
        var credit = Prestatie(message.MessageId, "P-2", vorig: "P-0") with { ProductTarief = null };
        changes.Prestaties.AddRange([debit, credit]);

        await store.CommitAsync(changes);

        var snapshot = await store.LoadAsync(Scope("JW323", identificatie: "DECL-MSG-1") with
        {
            Bsns = [Bsn],
            ToewijzingNummers = [1001],
            Referenties = ["REF-1"],
            PrestatieReferenties = ["P-1", "P-2"],
            DeclaratieNummer = "DECL-1",
        });

        Assert.Equal(message, snapshot.SameIdentificatie);
        Assert.Equal([assignment, generic, aspecific], snapshot.Assignments);
        Assert.Equal([start, stop, taskBased], snapshot.Regie);
        Assert.Equal(start.Key, snapshot.Regie[0].Key);
        Assert.Equal(changes.Requests, snapshot.Requests);
        Assert.Equal(changes.Answers, snapshot.Answers);
        Assert.Equal(changes.Declaration, snapshot.SameDeclaratieNummer);
        Assert.Equal(changes.Declaration.DeclaratiePeriode, snapshot.LatestDeclaratiePeriode);
        AssertPrestaties([debit, credit], snapshot.Prestaties);
        Assert.Null(snapshot.AnsweredDeclaratieMessage);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task An_empty_store_loads_an_empty_snapshot(string provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        var snapshot = await test.Store.LoadAsync(Scope() with { Bsns = [Bsn], ToewijzingNummers = [1], DeclaratieNummer = "X" });
        Assert.Null(snapshot.SameIdentificatie);
        Assert.Empty(snapshot.Assignments);
        Assert.Empty(snapshot.Regie);
        Assert.Empty(snapshot.Requests);
        Assert.Empty(snapshot.Answers);
        Assert.Null(snapshot.SameDeclaratieNummer);
        Assert.Null(snapshot.LatestDeclaratiePeriode);
        Assert.Empty(snapshot.Prestaties);
        Assert.Null(snapshot.AnsweredDeclaratieMessage);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_jw325_loads_the_answered_jw323_with_its_declaration_and_prestaties(string provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        var jw323 = Message("JW323", identificatie: "D-2025-03");
        var changes = Changes(jw323);
        changes.Declaration = Declaration(jw323.MessageId);
        changes.Prestaties.AddRange([Prestatie(jw323.MessageId, "P-1"), Prestatie(jw323.MessageId, "P-2", nummer: 7777)]);
        await test.Store.CommitAsync(changes);
        var other = Changes(Message("JW323", identificatie: "D-2025-04"));
        other.Declaration = Declaration(other.Message.MessageId, "DECL-2", month: 4);
        other.Prestaties.Add(Prestatie(other.Message.MessageId, "P-3", declaratie: "DECL-2"));
        await test.Store.CommitAsync(other);

        var scope = Scope("JW325", afzender: Gemeente, identificatie: "ANSWER-1") with
        {
            AnsweredDeclaratie = new BerichtIdentificatie("D-2025-03", jw323.Dagtekening),
            DeclaratieNummer = "DECL-1",
        };
        var snapshot = await test.Store.LoadAsync(scope);

        Assert.Equal(jw323, snapshot.AnsweredDeclaratieMessage);
        Assert.Equal(changes.Declaration, snapshot.AnsweredDeclaratie);
        AssertPrestaties(changes.Prestaties, snapshot.AnsweredPrestaties);

        var wrongDate = await test.Store.LoadAsync(scope with { AnsweredDeclaratie = new BerichtIdentificatie("D-2025-03", jw323.Dagtekening.AddDays(1)) });
        Assert.Null(wrongDate.AnsweredDeclaratieMessage);
        Assert.Null(wrongDate.AnsweredDeclaratie);
        Assert.Empty(wrongDate.AnsweredPrestaties);

        var otherGemeente = await test.Store.LoadAsync(scope with { Gemeente = OtherGemeente });
        Assert.Null(otherGemeente.AnsweredDeclaratieMessage);
    }

    internal static void AssertPrestaties(IReadOnlyList<PrestatieRecord> expected, IReadOnlyList<PrestatieRecord> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i].Codes, actual[i].Codes);
            Assert.Equal(expected[i] with { Codes = [] }, actual[i] with { Codes = [] });
        }
    }
}
