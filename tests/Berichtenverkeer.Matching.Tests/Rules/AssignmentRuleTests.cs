using Berichtenverkeer.Matching.Tests.Support;
using static Berichtenverkeer.Matching.Tests.Support.Trajectory;

namespace Berichtenverkeer.Matching.Tests.Rules;

/// <summary>JW301, checked by the provider: TR332, TR379, TR385 (rules.md §4.2).</summary>
public class AssignmentRuleTests
{
    private readonly Gateway _gw = new();

    [Fact]
    public void tr332_number_used_before_for_another_client_gets_9332()
    {
        _gw.Given(new Jw301());

        Expect.Only(_gw.Process(new Jw301 { Bsn = OtherBsn }), Paths.Toegewezen, "9332");
    }

    [Fact]
    public void tr332_number_used_before_for_another_product_gets_9332()
    {
        _gw.Given(new Jw301());

        Expect.Only(_gw.Process(Jw301.With(new Toegewezen { Product = new("45", "45A05") })), Paths.Toegewezen, "9332");
    }

    [Fact]
    public void tr332_number_used_before_with_another_ingangsdatum_gets_9332()
    {
        _gw.Given(new Jw301());

        Expect.Only(_gw.Process(Jw301.With(new Toegewezen { Ingangsdatum = D(2026, 2, 1) })), Paths.Toegewezen, "9332");
    }

    [Fact]
    public void tr332_new_version_of_the_same_assignment_passes()
    {
        _gw.Given(new Jw301());

        // IV066: an extension keeps the number.
        var extended = new Toegewezen().Version(D(2026, 2, 1), "04") with { Einddatum = D(2027, 6, 30) };
        Expect.Clean(_gw.Process(Jw301.With(extended)));
    }

    [Fact]
    public void tr332_same_number_from_another_municipality_passes()
    {
        _gw.Given(new Jw301());

        // Unique per municipality: another municipality may use the number for its own assignment.
        Expect.Clean(_gw.Process(new Jw301 { Gemeente = OtherGemeente, Bsn = OtherBsn, Producten = [new Toegewezen { Product = new("45", "45A05") }] }));
    }

    [Fact]
    public void tr379_referentie_without_any_request_gets_9379()
    {
        Expect.Only(_gw.Process(Jw301.With(new Toegewezen { Referentie = "VOT-9999" })), Paths.Toegewezen, "9379");
    }

    [Fact]
    public void tr379_referentie_of_another_clients_request_gets_9379()
    {
        _gw.Given(new Jw315 { Bsn = OtherBsn });

        Expect.Only(_gw.Process(Jw301.With(new Toegewezen { Referentie = "VOT-0001" })), Paths.Toegewezen, "9379");
    }

    [Fact]
    public void tr379_referentie_of_this_clients_vot_passes()
    {
        _gw.Given(new Jw315());

        Expect.Clean(_gw.Process(Jw301.With(new Toegewezen { Referentie = "VOT-0001" })));
    }

    [Fact]
    public void tr379_referentie_of_this_clients_vow_passes()
    {
        _gw.Given(new Jw301(), new Jw317());

        var honoured = new Toegewezen { Referentie = "VOW-0001" }.Version(D(2026, 3, 2), "12") with { Einddatum = D(2026, 6, 30) };
        Expect.Clean(_gw.Process(Jw301.With(honoured)));
    }

    [Fact]
    public void tr385_delete_with_approved_prestaties_gets_9385()
    {
        _gw.Given(new Jw301(), Jw323.Of(new Pr()));

        var result = _gw.Process(Jw301.With(new Toegewezen().Deleted(D(2026, 2, 15))));

        Expect.Only(result, Paths.Toegewezen, "9385");
        Assert.Empty(result.Changes.Assignments);
    }

    [Fact]
    public void tr385_delete_without_prestaties_passes()
    {
        _gw.Given(new Jw301());

        Expect.Clean(_gw.Process(Jw301.With(new Toegewezen().Deleted(D(2026, 2, 15)))));
    }

    [Fact]
    public void tr385_delete_after_every_prestatie_was_credited_passes()
    {
        var debit = new Pr { Ref = "P1" };
        _gw.Given(new Jw301(), Jw323.Of(debit), Jw323.Of(debit.Credit()));

        Expect.Clean(_gw.Process(Jw301.With(new Toegewezen().Deleted(D(2026, 2, 15)))));
    }
}
