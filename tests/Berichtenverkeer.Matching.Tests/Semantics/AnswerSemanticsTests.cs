using Berichtenverkeer.Ijw.Model;
using Berichtenverkeer.Matching.Engine;
using Berichtenverkeer.Matching.Tests.Support;
using Berichtenverkeer.ReferenceData;
using static Berichtenverkeer.Matching.Tests.Support.Trajectory;

namespace Berichtenverkeer.Matching.Tests.Semantics;

/// <summary>
/// What a level-3/4 failure does to the rest of the message (README §5, §6; rules.md §1, §4.6): retour messages are
/// rejected as a whole, a declaration only prestatie by prestatie, unless the Declaratie or a Client fails.
/// </summary>
public class AnswerSemanticsTests
{
    /// <summary>A product other than the trajectory's, so two classes in one message never duplicate or stack (level 2).</summary>
    private static readonly Product OtherProduct = new("45", "45A05");

    private readonly Gateway _gw = new();

    [Fact]
    public void start_message_with_one_failing_class_is_rejected_as_a_whole()
    {
        _gw.Given(new Jw301());

        var result = _gw.Process(Jw305.With(new Start(), new Start { Nummer = 999999, Product = OtherProduct }));

        Expect.Only(result, Paths.Start.Nth(2), "9019");
        Assert.Equal(Outcomes.Rejected, result.Outcome);
        Assert.Empty(result.Changes.Regie);
        Assert.Empty(_gw.Store.Regie);

        // Nothing of the rejected message was remembered: the valid start is new when sent again (no 9074).
        Expect.Clean(_gw.Process(new Jw305()));
    }

    [Fact]
    public void start_message_with_a_failing_delete_keeps_the_start_it_would_have_deleted()
    {
        _gw.Given(new Jw301(), new Jw305());

        var result = _gw.Process(Jw305.With(new Start().Delete(), new Start { Begindatum = D(2026, 1, 6), Status = "3" }));

        Expect.Only(result, Paths.Start.Nth(2), "9063");
        Assert.Empty(result.Changes.DeletedRegie);
        Assert.False(Assert.Single(_gw.Store.Regie).Deleted);
    }

    [Fact]
    public void assignment_message_with_one_failing_product_stores_no_assignment()
    {
        _gw.Given(new Jw301 { Bsn = OtherBsn, Producten = [new Toegewezen { Nummer = 100002, Product = OtherProduct }] });

        var result = _gw.Process(Jw301.With(new Toegewezen(), new Toegewezen { Nummer = 100002, Product = OtherProduct }));

        Expect.Only(result, Paths.Toegewezen.Nth(2), "9332");
        Assert.Equal(Outcomes.Rejected, result.Outcome);
        Assert.Empty(result.Changes.Assignments);
        Assert.DoesNotContain(_gw.Store.Assignments, a => a.ToewijzingNummer == Nummer);
    }

    [Fact]
    public void vot_with_one_failing_product_stores_no_request()
    {
        _gw.Given(new Jw315(), Jw319.Rejected("VOT-0001"));

        var result = _gw.Process(Jw315.With(new Aangevraagd { Referentie = "VOT-0002" }, new Aangevraagd { Product = OtherProduct }));

        Expect.Only(result, Paths.Aangevraagd.Nth(2), "9347");
        Assert.Equal(Outcomes.Rejected, result.Outcome);
        Assert.Empty(result.Changes.Requests);
        Expect.Clean(_gw.Process(Jw315.For("VOT-0002")));
    }

    [Fact]
    public void answer_that_fails_stores_no_answer()
    {
        var result = _gw.Process(Jw319.Rejected("VOT-9999"));

        Expect.Only(result, Paths.Antwoord, "9355");
        Assert.Equal(Outcomes.Rejected, result.Outcome);
        Assert.Empty(_gw.Store.Answers);
        Assert.Equal(Outcomes.Rejected, Assert.Single(_gw.Store.Messages).Outcome);
    }

    [Fact]
    public void declaration_rejects_only_the_failing_prestaties()
    {
        _gw.Given(new Jw301());

        var result = _gw.Process(Jw323.Of(new Pr { Ref = "P1" }, Pr.Month(2026, 2) with { Ref = "P2", Volume = 41 }));

        Expect.Only(result, Paths.Prestatie.Nth(2), "9321");
        Assert.Equal(Outcomes.Partial, result.Outcome);
        Assert.True(_gw.Store.Prestaties.Single(p => p.ReferentieNummer == "P1").Approved);
        var rejected = _gw.Store.Prestaties.Single(p => p.ReferentieNummer == "P2");
        Assert.False(rejected.Approved);
        Assert.Equal(["9321"], rejected.Codes);
        var declaration = Assert.Single(_gw.Store.Declarations);
        Assert.Equal(225_000 + (41 * Tarief), declaration.Ingediend);
        Assert.Equal(225_000, declaration.Toegekend);
    }

    [Fact]
    public void declaration_with_every_prestatie_approved_is_accepted()
    {
        _gw.Given(new Jw301());

        var result = _gw.Process(Jw323.Of(new Pr(), Pr.Month(2026, 2) with { Volume = 40 }));

        Expect.Clean(result);
        Assert.Equal(Outcomes.Accepted, result.Outcome);
        Assert.All(_gw.Store.Prestaties, p => Assert.True(p.Approved));
    }

    [Fact]
    public void error_on_the_declaratie_rejects_the_whole_declaration()
    {
        _gw.Given(new Jw301(), Jw323.Of(new Pr()) with { DeclaratieNummer = "D1" });

        var result = _gw.Process(Jw323.Of(Pr.Month(2026, 2) with { Ref = "P2", Volume = 10 }) with { DeclaratieNummer = "D1" });

        Expect.Only(result, Paths.Declaratie, "9333");
        Assert.Equal(Outcomes.Rejected, result.Outcome);
        Assert.Null(result.Changes.Declaration);
        Assert.Empty(result.Changes.Prestaties);
        Assert.Single(_gw.Store.Declarations);
        Assert.Single(_gw.Store.Prestaties);

        // The declaration counts as not received (README §6.2): its reference numbers are still free.
        Expect.Clean(_gw.Process(Jw323.Of(Pr.Month(2026, 2) with { Ref = "P2", Volume = 10 }) with { DeclaratieNummer = "D2" }));
    }

    [Fact]
    public void error_on_a_client_rejects_all_its_prestaties_and_only_those()
    {
        _gw.Given(new Jw301(), new Jw301 { Bsn = OtherBsn, Producten = [new Toegewezen { Nummer = 100002 }] });
        var client = new Cl { Prestaties = [new Pr { Ref = "A1" }, Pr.Month(2026, 2) with { Ref = "A2", Nummer = 100002, Volume = 10 }] };
        var other = new Cl { Bsn = OtherBsn, Prestaties = [new Pr { Ref = "B1", Nummer = 100002 }] };

        var result = _gw.Process(new Jw323 { Clienten = [client, other] });

        Expect.Only(result, Paths.DeclClient.Nth(1), "8187");
        Assert.Equal(Outcomes.Partial, result.Outcome);
        Assert.False(_gw.Store.Prestaties.Single(p => p.ReferentieNummer == "A1").Approved);
        Assert.False(_gw.Store.Prestaties.Single(p => p.ReferentieNummer == "A2").Approved);
        Assert.True(_gw.Store.Prestaties.Single(p => p.ReferentieNummer == "B1").Approved);
        Assert.Equal(225_000, Assert.Single(_gw.Store.Declarations).Toegekend);
    }

    [Fact]
    public void credits_are_processed_before_debits()
    {
        var debit = new Pr { Ref = "P1" };
        _gw.Given(new Jw301(), Jw323.Of(debit));

        // The new debit comes first in the document; processed first it would meet the standing debit P1 (TR389).
        var result = _gw.Process(Jw323.Of(new Pr { Ref = "P1b", Volume = 28 }, debit.Credit("P1c")));

        Expect.Clean(result);
        Assert.Equal(["P1c", "P1b"], result.Changes.Prestaties.Select(p => p.ReferentieNummer));
        Assert.Equal((28 - 30) * Tarief, result.Changes.Declaration!.Toegekend);
    }

    [Fact]
    public void only_tr314_tr323_and_tr390_apply_to_credits()
    {
        var debit = new Pr { Ref = "P1" };
        _gw.Given(new Jw301(), Jw323.Of(debit));

        // Since the debit was approved: the assignment was shortened, the contract tariff changed and the product list
        // no longer holds the code. A debit with the same values now fails; the credit is never rejected on content (IV085).
        _gw.Given(Jw301.With(new Toegewezen().Version(D(2026, 2, 1), "05") with { Einddatum = D(2026, 1, 15) }));
        _gw.Reference = new ReferenceSet([], [new ProductCode("45", "45A05", null, null, null)], [Reference.Hourly(8000)], []);

        var result = _gw.Process(Jw323.Of(debit.Credit("C1"), debit with { Ref = "P2" }));

        Expect.Only(result, Paths.Prestatie.Nth(2), "0611", "9308", "9322", "9388", "S329");
        Assert.True(_gw.Store.Prestaties.Single(p => p.ReferentieNummer == "C1").Approved);
    }

    [Fact]
    public void credit_is_rejected_only_by_tr314_tr323_tr390()
    {
        var debit = new Pr { Ref = "P1" };
        _gw.Given(new Jw301(), Jw323.Of(debit), Jw323.Of(debit.Credit("C1")));

        var result = _gw.Process(Jw323.Of(debit.Credit("C1")));

        // A reused number (TR314) and a second credit of the same debit (TR390); TR323 is satisfied.
        Expect.Only(result, Paths.Prestatie, "8021", "9390");
    }

    [Fact]
    public void op364_declaration_without_any_start_is_approved()
    {
        _gw.Given(new Jw301());

        var result = _gw.Process(Jw323.Of(new Pr()));

        Expect.Clean(result);
        Assert.Equal(Outcomes.Accepted, result.Outcome);
        Assert.Empty(_gw.Store.Regie);
    }

    [Fact]
    public void op364_declaration_for_care_after_a_stop_is_approved()
    {
        _gw.Given(new Jw301(), new Jw305(), new Jw307());

        Expect.Clean(_gw.Process(Jw323.Of(Pr.Month(2026, 3) with { Volume = 10 }) with { Dagtekening = D(2026, 4, 6) }));
    }

    [Fact]
    public void op364_declaration_after_a_deleted_start_is_approved()
    {
        _gw.Given(new Jw301(), new Jw305(), Jw305.With(new Start().Delete()));

        Expect.Clean(_gw.Process(Jw323.Of(new Pr())));
    }
}
