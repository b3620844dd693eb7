using Berichtenverkeer.Ijw.Model;
using Berichtenverkeer.Matching.State;
using static Berichtenverkeer.Matching.Tests.Support.Trajectory;

namespace Berichtenverkeer.Matching.Tests.Support;

/// <summary>The fake follows the IStateStore contract: what LoadAsync selects for a scope, what CommitAsync applies.</summary>
public class InMemoryStateStoreTests
{
    private readonly InMemoryStateStore _store = new();

    private static StateScope Scope(string type = "JW323", IReadOnlyList<string>? bsns = null, IReadOnlyList<long>? numbers = null,
        IReadOnlyList<string>? referenties = null, IReadOnlyList<string>? prestatieReferenties = null, string? declaratieNummer = null) => new()
    {
        Type = type,
        Afzender = Agb,
        Identificatie = "X",
        Gemeente = Gemeente,
        Agb = Agb,
        Bsns = bsns ?? [],
        ToewijzingNummers = numbers ?? [],
        Referenties = referenties ?? [],
        PrestatieReferenties = prestatieReferenties ?? [],
        DeclaratieNummer = declaratieNummer,
    };

    private static MessageRecord Message(string id, string type = "JW301", string identificatie = "I") => new()
    {
        MessageId = id,
        Type = type,
        Afzender = Gemeente,
        Ontvanger = Agb,
        Identificatie = identificatie,
        Dagtekening = Dagtekening,
        XsdVersie = "1.0.0/1.0.0",
        ContentHash = id,
        ReceivedAt = DateTimeOffset.UnixEpoch,
        Outcome = "accepted",
    };

    private static AssignmentRecord Assignment(long nummer, string gemeente = Gemeente, string agb = Agb, string bsn = Bsn, string? referentie = null) => new()
    {
        Gemeente = gemeente,
        Agb = agb,
        Bsn = bsn,
        ToewijzingNummer = nummer,
        Toewijzingsdatum = Toewijzingsdatum,
        Toewijzingstijd = Toewijzingstijd,
        Ingangsdatum = Ingangsdatum,
        ReferentieAanbieder = referentie,
        MessageId = "m",
    };

    private static RegieRecord Start(string agb = Agb, string bsn = Bsn, bool deleted = false) => new()
    {
        Gemeente = Gemeente,
        Agb = agb,
        Bsn = bsn,
        Kind = RegieKind.Start,
        ToewijzingNummer = Nummer,
        Begindatum = Ingangsdatum,
        Deleted = deleted,
        Dagtekening = Dagtekening,
        MessageId = "m",
    };

    private static PrestatieRecord Prestatie(string referentie, long nummer, string gemeente = Gemeente, string agb = Agb) => new()
    {
        Agb = agb,
        Gemeente = gemeente,
        Bsn = Bsn,
        DeclaratieNummer = "D1",
        DeclaratiePeriode = new GeslotenPeriode(D(2026, 1, 1), D(2026, 1, 31)),
        ReferentieNummer = referentie,
        ToewijzingNummer = nummer,
        ProductCategorie = "45",
        ProductCode = "45A04",
        ProductPeriode = new GeslotenPeriode(Ingangsdatum, D(2026, 1, 31)),
        GeleverdVolume = 1,
        Eenheid = "04",
        Bedrag = 1,
        DebetCredit = "D",
        Approved = true,
        MessageId = "m",
    };

    [Fact]
    public async Task assignments_of_this_municipality_by_number_any_party_or_by_bsn_or_reference_of_this_provider()
    {
        _store.Assignments.AddRange(
        [
            Assignment(1, agb: OtherAgb, bsn: OtherBsn), // number in scope: any provider and client
            Assignment(2), // this provider, bsn in scope
            Assignment(3, bsn: OtherBsn, referentie: "R1"), // this provider, reference in scope
            Assignment(4, agb: OtherAgb), // other provider, only the bsn matches
            Assignment(1, gemeente: OtherGemeente), // other municipality
        ]);

        var snapshot = await _store.LoadAsync(Scope(bsns: [Bsn], numbers: [1], referenties: ["R1"]));

        Assert.Equal([(1L, OtherAgb), (2L, Agb), (3L, Agb)], snapshot.Assignments.Select(a => (a.ToewijzingNummer, a.Agb)));
    }

    [Fact]
    public async Task regie_of_the_clients_between_this_municipality_and_provider_deleted_ones_included()
    {
        _store.Regie.AddRange([Start(), Start(deleted: true), Start(agb: OtherAgb), Start(bsn: OtherBsn)]);

        var snapshot = await _store.LoadAsync(Scope(type: "JW305", bsns: [Bsn]));

        Assert.Equal([false, true], snapshot.Regie.Select(r => r.Deleted));
    }

    [Fact]
    public async Task requests_by_reference_anywhere_or_by_client_here_and_their_answers()
    {
        RequestRecord Request(string referentie, string gemeente, string bsn) => new()
        {
            Agb = Agb, Gemeente = gemeente, Bsn = bsn, ReferentieAanbieder = referentie, Kind = RequestKind.Vot, Dagtekening = Dagtekening, MessageId = "m",
        };
        AnswerRecord Answer(string referentie) => new()
        {
            Gemeente = Gemeente, Agb = Agb, ReferentieAanbieder = referentie, VerzoekAntwoord = "2", Dagtekening = Dagtekening, MessageId = "m",
        };
        _store.Requests.AddRange([Request("R1", OtherGemeente, OtherBsn), Request("R2", Gemeente, Bsn), Request("R3", OtherGemeente, Bsn)]);
        _store.Answers.AddRange([Answer("R1"), Answer("R2"), Answer("R3")]);

        var snapshot = await _store.LoadAsync(Scope(type: "JW315", bsns: [Bsn], referenties: ["R1"]));

        Assert.Equal(["R1", "R2"], snapshot.Requests.Select(r => r.ReferentieAanbieder));
        Assert.Equal(["R1", "R2"], snapshot.Answers.Select(a => a.ReferentieAanbieder));
    }

    [Fact]
    public async Task prestaties_of_this_provider_by_reference_anywhere_or_by_number_here()
    {
        _store.Prestaties.AddRange(
        [
            Prestatie("P1", 9, gemeente: OtherGemeente), // reference in scope, any municipality
            Prestatie("P2", Nummer), // number in scope here
            Prestatie("P3", Nummer, gemeente: OtherGemeente), // number in scope but elsewhere
            Prestatie("P1", Nummer, agb: OtherAgb), // other provider
        ]);

        var snapshot = await _store.LoadAsync(Scope(numbers: [Nummer], prestatieReferenties: ["P1"]));

        Assert.Equal(["P1", "P2"], snapshot.Prestaties.Select(p => p.ReferentieNummer));
    }

    [Fact]
    public async Task same_identificatie_is_per_type_and_sender()
    {
        _store.Messages.AddRange([Message("a", "JW301", "X"), Message("b", "JW323", "X") with { Afzender = OtherAgb }]);

        Assert.Null((await _store.LoadAsync(Scope())).SameIdentificatie);
        Assert.Equal("a", (await _store.LoadAsync(Scope() with { Type = "JW301", Afzender = Gemeente })).SameIdentificatie?.MessageId);
    }

    [Fact]
    public async Task commit_applies_deletes_and_a_delete_without_original_conflicts()
    {
        _store.Regie.Add(Start());
        var changes = new StateChanges { Message = Message("m1") };
        changes.DeletedRegie.Add(Start());

        await _store.CommitAsync(changes);

        Assert.True(Assert.Single(_store.Regie).Deleted);
        var again = new StateChanges { Message = Message("m2") };
        again.DeletedRegie.Add(Start());
        await Assert.ThrowsAsync<StateConflictException>(() => _store.CommitAsync(again));
    }

    [Fact]
    public async Task commit_of_the_same_message_twice_conflicts()
    {
        await _store.CommitAsync(new StateChanges { Message = Message("m1") });

        await Assert.ThrowsAsync<StateConflictException>(() => _store.CommitAsync(new StateChanges { Message = Message("m1") }));
    }

    [Fact]
    public async Task snapshot_lists_are_copies()
    {
        _store.Assignments.Add(Assignment(Nummer));

        var snapshot = await _store.LoadAsync(Scope(numbers: [Nummer]));
        snapshot.Assignments.Add(Assignment(2));

        Assert.Single(_store.Assignments);
    }
}
