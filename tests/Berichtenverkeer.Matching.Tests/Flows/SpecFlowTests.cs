using Berichtenverkeer.Matching.Engine;
using Berichtenverkeer.Matching.State;
using Berichtenverkeer.Matching.Tests.Support;
using Berichtenverkeer.ReferenceData;
using static Berichtenverkeer.Matching.Tests.Support.Trajectory;

namespace Berichtenverkeer.Matching.Tests.Flows;

/// <summary>The message flows of README §4 walked through one gateway and its store, message by message.</summary>
public class SpecFlowTests
{
    private readonly Gateway _gw = new();

    private static Start First => new();

    [Fact]
    public void request_assignment_start_declaration_correction_and_stop()
    {
        // All level-4 sources present: CBS list, product codes and the contract.
        var gw = new Gateway(new ReferenceSet([Reference.Amsterdam], Reference.ProductCodes, [Reference.Hourly()], []));

        // §4.1 VOT → JW301 honouring it.
        Expect.Clean(gw.Process(new Jw315 { Dagtekening = D(2025, 12, 15) }));
        Assert.Equal("VOT-0001", Assert.Single(gw.Store.Requests).ReferentieAanbieder);
        Expect.Clean(gw.Process(Jw301.With(new Toegewezen { Referentie = "VOT-0001" }) with { Dagtekening = D(2026, 1, 2) }));
        Assert.Equal("VOT-0001", Assert.Single(gw.Store.Assignments).ReferentieAanbieder);

        // §4.3 start.
        Expect.Clean(gw.Process(new Jw305 { Dagtekening = D(2026, 1, 7) }));

        // §4.5 declaration for January.
        var january = new Pr { Ref = "P202601" };
        var first = gw.Process(Jw323.Of(january) with { DeclaratieNummer = "D202601", Dagtekening = D(2026, 2, 5) });
        Expect.Clean(first);
        Assert.Equal(225_000, first.Changes.Declaration!.Toegekend);

        // IV085/IV086: credit the January debit and debit the corrected volume in one declaration.
        var correction = gw.Process(Jw323.Of(january.Credit("P202601C"), january with { Ref = "P202601B", Volume = 28 }) with
        {
            DeclaratieNummer = "D202601B",
            Dagtekening = D(2026, 2, 10),
        });
        Expect.Clean(correction);
        Assert.Equal(-15_000, correction.Changes.Declaration!.Ingediend);
        Assert.Equal(-15_000, correction.Changes.Declaration.Toegekend);

        // §4.3 stop.
        Expect.Clean(gw.Process(new Jw307 { Dagtekening = D(2026, 3, 3) }));

        Assert.All(gw.Store.Messages, m => Assert.Equal(Outcomes.Accepted, m.Outcome));
        Assert.Equal([RegieKind.Start, RegieKind.Stop], gw.Store.Regie.Select(r => r.Kind));
        Assert.Equal(["P202601", "P202601C", "P202601B"], gw.Store.Prestaties.Select(p => p.ReferentieNummer));
        Assert.All(gw.Store.Prestaties, p => Assert.True(p.Approved));

        // The corrected debit is now the standing one: another debit for January needs a credit first (TR389).
        Expect.Only(gw.Process(Jw323.Of(january with { Ref = "P202601D" }) with { Dagtekening = D(2026, 3, 4) }), Paths.Prestatie, "9389");
    }

    [Fact]
    public void vot_under_investigation_then_rejected_then_no_further_answer()
    {
        _gw.Given(new Jw315());

        Expect.Clean(_gw.Process(Jw319.UnderInvestigation("VOT-0001")));
        Expect.Clean(_gw.Process(Jw319.Rejected("VOT-0001")));

        Expect.Only(_gw.Process(Jw319.Rejected("VOT-0001")), Paths.Antwoord, "9365");
        Expect.Only(_gw.Process(Jw319.UnderInvestigation("VOT-0001")), Paths.Antwoord, "9360", "9365");

        // The rejection ended the request: a new one for this client is no longer blocked by it (TR374).
        Expect.Clean(_gw.Process(Jw315.For("VOT-0002")));
    }

    [Fact]
    public void vot_under_investigation_then_assigned()
    {
        _gw.Given(new Jw315(), Jw319.UnderInvestigation("VOT-0001"));

        Expect.Clean(_gw.Process(Jw301.With(new Toegewezen { Referentie = "VOT-0001" })));

        // After the JW301 the municipality can no longer reject (TR359).
        Expect.Only(_gw.Process(Jw319.Rejected("VOT-0001")), Paths.Antwoord, "9359");
    }

    [Fact]
    public void vot_rejected_because_another_municipality_is_responsible()
    {
        var gw = new Gateway(Reference.Gemeenten(Reference.Amsterdam, Reference.Rotterdam));
        gw.Given(new Jw315(), Jw319.UnderInvestigation("VOT-0001"));

        Expect.Clean(gw.Process(Jw319.Rejected("VOT-0001", woonplaatsbeginsel: OtherGemeente)));
        Assert.Equal("8", gw.Store.Answers[^1].RedenAfwijzingVerzoek);
    }

    [Fact]
    public void vow_under_investigation_then_assigned()
    {
        _gw.Given(new Jw301(), new Jw317(), Jw319.UnderInvestigation("VOW-0001"));

        var honoured = new Toegewezen { Referentie = "VOW-0001" }.Version(D(2026, 3, 2), "12") with { Einddatum = D(2026, 6, 30) };
        Expect.Clean(_gw.Process(Jw301.With(honoured)));

        Expect.Clean(_gw.Process(new Jw317 { Referentie = "VOW-0002", TeWijzigen = [new TeWijzigen { GewensteIngangsdatum = D(2026, 4, 1) }] }));
    }

    [Fact]
    public void delete_a_start()
    {
        _gw.Given(new Jw301(), new Jw305());

        var result = _gw.Process(Jw305.With(First.Delete()));

        Expect.Clean(result);
        Assert.Single(result.Changes.DeletedRegie);
        Assert.True(Assert.Single(_gw.Store.Regie).Deleted);

        // A deleted delivery counts as never sent (OP033): the same start may be sent again.
        Expect.Clean(_gw.Process(new Jw305()));
    }

    [Fact]
    public void correct_a_start_by_delete_and_replacement_in_one_message()
    {
        _gw.Given(new Jw301(), new Jw305());

        // Begindatum is part of the key, so both go in one message (IV008); the replacement even comes first.
        Expect.Clean(_gw.Process(Jw305.With(First with { Begindatum = D(2026, 1, 6) }, First.Delete())));

        Assert.Equal([(D(2026, 1, 5), true), (D(2026, 1, 6), false)], _gw.Store.Regie.Select(r => (r.Begindatum, r.Deleted)));
        Expect.Clean(_gw.Process(Jw307.With(new Stop { Begindatum = D(2026, 1, 6) })));
    }

    [Fact]
    public void correct_a_start_outside_its_key_in_a_later_message()
    {
        _gw.Given(new Jw301(), Jw305.With(First with { ToewijzingIngangsdatum = D(2026, 1, 6) }));

        // ToewijzingIngangsdatum is not part of the key: delete, then re-send in a separate message (IV008).
        Expect.Clean(_gw.Process(Jw305.With(First.Delete())));
        Expect.Clean(_gw.Process(new Jw305()));
    }

    [Fact]
    public void correct_a_stop()
    {
        _gw.Given(new Jw301(), new Jw305(), new Jw307());

        // The earlier Einddatum would fail TR414/TR415 against the old stop; the delete is processed first.
        Expect.Clean(_gw.Process(Jw307.With(new Stop { Einddatum = D(2026, 2, 20) }, new Stop().Delete())));

        Assert.Equal([false, true, false], _gw.Store.Regie.Select(r => r.Deleted));
    }

    [Fact]
    public void delete_a_stop()
    {
        _gw.Given(new Jw301(), new Jw305(), new Jw307());

        Expect.Clean(_gw.Process(Jw307.With(new Stop().Delete())));

        // The start is current again: a second start is refused, a new stop accepted.
        Expect.Only(_gw.Process(Jw305.With(First with { Begindatum = D(2026, 3, 1) })), Paths.Start, "9326");
        Expect.Clean(_gw.Process(new Jw307()));
    }

    [Fact]
    public void delete_a_start_after_its_stop_gets_9071()
    {
        _gw.Given(new Jw301(), new Jw305(), new Jw307());

        Expect.Only(_gw.Process(Jw305.With(First.Delete())), Paths.Start, "9071");
    }

    [Fact]
    public void temporary_stop_then_definitive_stop()
    {
        _gw.Given(new Jw301(), new Jw305());

        Expect.Clean(_gw.Process(Jw307.With(First.Stopped(Stop.Temporary, D(2026, 2, 10)))));
        Expect.Clean(_gw.Process(Jw307.With(First.Stopped(Stop.Definitive, D(2026, 2, 10)))));

        // After the definitive stop nothing more without a new start (TR415).
        Expect.Only(_gw.Process(Jw307.With(First.Stopped(Stop.Definitive, D(2026, 2, 27)))), Paths.Stop, "9415");
    }

    [Fact]
    public void temporary_stop_then_temporary_stop_gets_9413()
    {
        _gw.Given(new Jw301(), new Jw305(), Jw307.With(First.Stopped(Stop.Temporary, D(2026, 2, 10))));

        Expect.Only(_gw.Process(Jw307.With(First.Stopped(Stop.Temporary, D(2026, 2, 20)))), Paths.Stop, "9413");
    }

    [Fact]
    public void restart_after_a_temporary_stop()
    {
        _gw.Given(new Jw301(), new Jw305(), Jw307.With(First.Stopped(Stop.Temporary, D(2026, 2, 10))));

        var restart = First with { Begindatum = D(2026, 2, 20) };
        Expect.Clean(_gw.Process(Jw305.With(restart)));

        // The restarted delivery has a stop history of its own.
        Expect.Clean(_gw.Process(Jw307.With(restart.Stopped(Stop.Temporary, D(2026, 2, 24)))));
        Expect.Clean(_gw.Process(Jw307.With(restart.Stopped(Stop.Definitive, D(2026, 2, 27)))));
    }

    [Fact]
    public void op087_resent_unchanged_assignment_stores_no_new_version()
    {
        _gw.Given(new Jw301());

        var result = _gw.Process(new Jw301());

        Expect.Clean(result);
        Assert.Equal(Outcomes.Accepted, result.Outcome);
        Assert.Empty(result.Changes.Assignments);
        Assert.Single(_gw.Store.Assignments);
    }

    [Fact]
    public void op087_resent_assignment_alongside_a_new_one_stores_only_the_new_one()
    {
        _gw.Given(new Jw301());

        var result = _gw.Process(Jw301.With(new Toegewezen(), new Toegewezen { Nummer = 100002, Product = new("45", "45A05"), Toewijzingsdatum = D(2026, 2, 2) }));

        Expect.Clean(result);
        Assert.Equal(100002, Assert.Single(result.Changes.Assignments).ToewijzingNummer);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void iv013_latest_toewijzingsdatum_decides_regardless_of_arrival_order(bool newestFirst)
    {
        var original = new Toegewezen();
        var shortened = original.Version(D(2026, 2, 1), "05") with { Einddatum = D(2026, 1, 31) };
        foreach (var version in newestFirst ? new[] { shortened, original } : [original, shortened])
        {
            Expect.Clean(_gw.Process(Jw301.With(version)));
        }

        Assert.Equal(2, _gw.Store.Assignments.Count);
        Expect.Clean(_gw.Process(Jw323.Of(new Pr())));
        // February lies after the shortened end (TR308/TR388), and the shortened total (4 weeks × 8 h) is used up (TR322).
        Expect.Only(_gw.Process(Jw323.Of(Pr.Month(2026, 2) with { Volume = 10 })), Paths.Prestatie, "9308", "9322", "9388");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void iv013_toewijzingstijd_decides_between_versions_of_one_day(bool newestFirst)
    {
        var original = new Toegewezen();
        var extended = original with { Toewijzingstijd = new TimeOnly(16, 45), Einddatum = D(2027, 3, 31), RedenWijziging = "04" };
        foreach (var version in newestFirst ? new[] { extended, original } : [original, extended])
        {
            Expect.Clean(_gw.Process(Jw301.With(version)));
        }

        // Judged against the extended version: a VOW must list it, and it is current until 2027-03-31.
        Expect.Clean(_gw.Process(new Jw317 { TeWijzigen = [new TeWijzigen { Einddatum = D(2027, 1, 31) }] }));
    }
}
