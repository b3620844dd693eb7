using Berichtenverkeer.Ijw.Model;
using Berichtenverkeer.Matching.Tests.Support;
using static Berichtenverkeer.Matching.Tests.Support.Trajectory;

namespace Berichtenverkeer.Matching.Tests.Rules;

/// <summary>JW315 (VOT) and JW317 (VOW), checked by the municipality (rules.md §4.4).</summary>
public class RequestRuleTests
{
    private static readonly Toegewezen Second = new() { Nummer = 100002, Product = new("45", "45A05") };

    private readonly Gateway _gw = new();

    // ---- TR347: a ReferentieAanbieder is used once per provider, over VOT products and VOWs alike.
    [Fact]
    public void tr347_vot_referentie_used_before_gets_9347()
    {
        _gw.Given(new Jw315());

        Expect.Only(_gw.Process(new Jw315()), Paths.Aangevraagd, "9347");
    }

    [Fact]
    public void tr347_vot_referentie_used_before_at_another_municipality_gets_9347()
    {
        // Unique for the provider within the Jeugdwet domain, not per municipality.
        _gw.Given(new Jw315 { Gemeente = OtherGemeente });

        Expect.Only(_gw.Process(new Jw315()), Paths.Aangevraagd, "9347");
    }

    [Fact]
    public void tr347_vot_new_referentie_passes()
    {
        _gw.Given(new Jw315(), Jw319.Rejected("VOT-0001"));

        Expect.Clean(_gw.Process(Jw315.For("VOT-0002")));
    }

    [Fact]
    public void tr347_vow_referentie_used_before_gets_9347()
    {
        _gw.Given(new Jw301(), new Jw317(), Jw319.Rejected("VOW-0001"));

        Expect.Only(_gw.Process(new Jw317()), Paths.Verzoek, "9347");
    }

    [Fact]
    public void tr347_vow_referentie_of_an_earlier_vot_gets_9347()
    {
        _gw.Given(new Jw315(), Jw301.With(new Toegewezen { Referentie = "VOT-0001" }));

        Expect.Only(_gw.Process(new Jw317 { Referentie = "VOT-0001" }), Paths.Verzoek, "9347");
    }

    [Fact]
    public void tr347_vow_new_referentie_passes()
    {
        _gw.Given(new Jw301(), new Jw317(), Jw319.Rejected("VOW-0001"));

        Expect.Clean(_gw.Process(new Jw317 { Referentie = "VOW-0002" }));
    }

    // ---- TR374: no new request while an earlier one for the client is pending (reported on the Client, [UNSURE]).
    [Fact]
    public void tr374_vot_while_an_earlier_vot_is_pending_gets_9374()
    {
        _gw.Given(new Jw315());

        Expect.Only(_gw.Process(Jw315.For("VOT-0002")), Paths.Client, "9374");
    }

    [Fact]
    public void tr374_vot_while_the_earlier_is_under_investigation_gets_9374()
    {
        _gw.Given(new Jw315(), Jw319.UnderInvestigation("VOT-0001"));

        Expect.Only(_gw.Process(Jw315.For("VOT-0002")), Paths.Client, "9374");
    }

    [Fact]
    public void tr374_vot_while_one_product_of_an_earlier_vot_is_unanswered_gets_9374()
    {
        // A VOT is pending until every ReferentieAanbieder of its products is answered.
        _gw.Given(
            Jw315.With(new Aangevraagd(), new Aangevraagd { Referentie = "VOT-0002", Product = new("45", "45A05") }),
            Jw301.With(new Toegewezen { Referentie = "VOT-0001" }));

        Expect.Only(_gw.Process(Jw315.For("VOT-0003")), Paths.Client, "9374");
    }

    [Fact]
    public void tr374_vot_after_the_earlier_vot_was_assigned_passes()
    {
        _gw.Given(new Jw315(), Jw301.With(new Toegewezen { Referentie = "VOT-0001" }));

        Expect.Clean(_gw.Process(Jw315.For("VOT-0002")));
    }

    [Fact]
    public void tr374_vot_for_another_client_passes()
    {
        _gw.Given(new Jw315());

        Expect.Clean(_gw.Process(Jw315.For("VOT-0002") with { Bsn = OtherBsn }));
    }

    [Fact]
    public void tr374_vow_while_an_earlier_vow_is_pending_gets_9374()
    {
        _gw.Given(new Jw301(), new Jw317());

        Expect.Only(_gw.Process(new Jw317 { Referentie = "VOW-0002" }), Paths.Client, "9374");
    }

    [Fact]
    public void tr374_vow_after_the_earlier_vow_was_rejected_passes()
    {
        _gw.Given(new Jw301(), new Jw317(), Jw319.Rejected("VOW-0001"));

        Expect.Clean(_gw.Process(new Jw317 { Referentie = "VOW-0002" }));
    }

    // ---- TR304 (JW317): the client is the client of the referenced assignments.
    [Fact]
    public void tr304_vow_for_another_clients_assignment_gets_8187()
    {
        _gw.Given(new Jw301());

        // The assignment is not a current one of this client either: TR351 speaks on the product.
        Expect.Classes(_gw.Process(new Jw317 { Bsn = OtherBsn }), (Paths.Client, ["8187"]), (Paths.TeWijzigen, ["9351"]));
    }

    [Fact]
    public void tr304_vow_for_own_assignments_passes()
    {
        _gw.Given(new Jw301());

        Expect.Clean(_gw.Process(new Jw317()));
    }

    // ---- TR349: the desired situation lists every current assignment.
    [Fact]
    public void tr349_vow_missing_a_current_assignment_gets_9349()
    {
        _gw.Given(Jw301.With(new Toegewezen(), Second));

        Expect.Only(_gw.Process(new Jw317()), Paths.Verzoek, "9349");
    }

    [Fact]
    public void tr349_vow_listing_every_current_assignment_passes()
    {
        _gw.Given(Jw301.With(new Toegewezen(), Second));

        Expect.Clean(_gw.Process(new Jw317 { Ongewijzigd = [100002] }));
    }

    [Fact]
    public void tr349_vow_missing_an_assignment_that_starts_in_the_future_gets_9349()
    {
        // "Current" includes assignments that start in the future (rules.md §0).
        _gw.Given(Jw301.With(new Toegewezen(), Second with { Ingangsdatum = D(2026, 9, 1) }));

        Expect.Only(_gw.Process(new Jw317()), Paths.Verzoek, "9349");
    }

    [Fact]
    public void tr349_ended_assignment_need_not_be_listed_passes()
    {
        _gw.Given(Jw301.With(new Toegewezen(), Second with { Einddatum = D(2026, 2, 15) }));

        Expect.Clean(_gw.Process(new Jw317()));
    }

    // ---- TR350 / TR351: the products refer to current assignments.
    [Fact]
    public void tr350_unchanged_product_that_is_not_current_gets_9350()
    {
        _gw.Given(Jw301.With(new Toegewezen(), Second with { Einddatum = D(2026, 2, 15) }));

        Expect.Only(_gw.Process(new Jw317 { Ongewijzigd = [100002] }), Paths.Ongewijzigd, "9350");
    }

    [Fact]
    public void tr350_unchanged_current_assignment_passes()
    {
        _gw.Given(Jw301.With(new Toegewezen(), Second));

        Expect.Clean(_gw.Process(new Jw317 { Ongewijzigd = [100002] }));
    }

    [Fact]
    public void tr350_assignment_ended_after_the_dagtekening_is_current_by_default_passes()
    {
        // Reference date = Dagtekening (MatchingOptions default): on 2026-03-02 an assignment ending 2026-03-15 is current.
        _gw.Given(Jw301.With(new Toegewezen(), Second with { Einddatum = D(2026, 3, 15) }));

        Expect.Clean(_gw.Process(new Jw317 { Ongewijzigd = [100002] }));
    }

    [Fact]
    public void tr350_with_the_system_date_as_reference_an_assignment_ended_since_gets_9350()
    {
        var gw = new Gateway(options: new MatchingOptions { CurrentAssignmentReference = CurrentAssignmentReference.SystemDate });
        gw.Given(Jw301.With(new Toegewezen(), Second with { Einddatum = D(2026, 3, 15) }));

        Expect.Only(gw.Process(new Jw317 { Ongewijzigd = [100002] }), Paths.Ongewijzigd, "9350");
    }

    [Fact]
    public void tr351_product_to_change_that_is_not_current_gets_9351()
    {
        _gw.Given(Jw301.With(new Toegewezen(), Second with { Einddatum = D(2026, 2, 15) }));

        var result = _gw.Process(new Jw317 { Ongewijzigd = [Nummer], TeWijzigen = [new TeWijzigen { Nummer = 100002, Einddatum = D(2026, 2, 28) }] });

        Expect.Only(result, Paths.TeWijzigen, "9351");
    }

    [Fact]
    public void tr351_deleted_assignment_is_not_current_gets_9351()
    {
        _gw.Given(new Jw301(), Jw301.With(new Toegewezen().Deleted(D(2026, 2, 1))));

        Expect.Only(_gw.Process(new Jw317()), Paths.TeWijzigen, "9351");
    }

    [Fact]
    public void tr351_product_to_change_that_is_current_passes()
    {
        _gw.Given(new Jw301());

        Expect.Clean(_gw.Process(new Jw317()));
    }

    // ---- TR357: a change not in the future covers the whole period.
    [Fact]
    public void tr357_past_gewenste_ingangsdatum_other_than_the_original_gets_9357()
    {
        _gw.Given(new Jw301());

        Expect.Only(_gw.Process(new Jw317 { TeWijzigen = [new TeWijzigen { GewensteIngangsdatum = D(2026, 2, 1) }] }), Paths.TeWijzigen, "9357");
    }

    [Fact]
    public void tr357_gewenste_ingangsdatum_on_the_dagtekening_other_than_the_original_gets_9357()
    {
        _gw.Given(new Jw301());

        Expect.Only(_gw.Process(new Jw317 { TeWijzigen = [new TeWijzigen { GewensteIngangsdatum = Dagtekening }] }), Paths.TeWijzigen, "9357");
    }

    [Fact]
    public void tr357_future_gewenste_ingangsdatum_passes()
    {
        _gw.Given(new Jw301());

        Expect.Clean(_gw.Process(new Jw317 { TeWijzigen = [new TeWijzigen { GewensteIngangsdatum = D(2026, 4, 1) }] }));
    }

    [Fact]
    public void tr357_past_gewenste_ingangsdatum_equal_to_the_original_passes()
    {
        _gw.Given(new Jw301());

        Expect.Clean(_gw.Process(new Jw317 { TeWijzigen = [new TeWijzigen { GewensteIngangsdatum = Ingangsdatum }] }));
    }

    // ---- TR361: no stacking in the desired situation.
    [Fact]
    public void tr361_new_product_overlapping_an_unchanged_one_gets_9361()
    {
        _gw.Given(new Jw301());

        var result = _gw.Process(new Jw317 { Ongewijzigd = [Nummer], TeWijzigen = [], Nieuw = [new Nieuw { Product = Trajectory.Product }] });

        Expect.Only(result, Paths.Verzoek, "9361");
    }

    [Fact]
    public void tr361_new_aspecific_product_overlapping_a_specific_one_of_its_category_gets_9361()
    {
        _gw.Given(new Jw301());

        var result = _gw.Process(new Jw317 { Ongewijzigd = [Nummer], TeWijzigen = [], Nieuw = [new Nieuw { Product = new("45", null), Omvang = null }] });

        Expect.Only(result, Paths.Verzoek, "9361");
    }

    [Fact]
    public void tr361_same_product_after_the_changed_einddatum_passes()
    {
        _gw.Given(new Jw301());

        // The product to change ends on 2026-06-30; the same product anew from 2026-07-01 does not overlap.
        Expect.Clean(_gw.Process(new Jw317 { Nieuw = [new Nieuw { Product = Trajectory.Product, GewensteIngangsdatum = D(2026, 7, 1) }] }));
    }

    [Fact]
    public void tr361_other_product_alongside_passes()
    {
        _gw.Given(new Jw301());

        Expect.Clean(_gw.Process(new Jw317 { Ongewijzigd = [Nummer], TeWijzigen = [], Nieuw = [new Nieuw()] }));
    }

    // ---- TR373: a Budget or a total (Frequentie 6) is changed from the assignment's own Ingangsdatum.
    [Fact]
    public void tr373_budget_change_not_from_the_ingangsdatum_gets_9373()
    {
        _gw.Given(Jw301.With(Toegewezen.Aspecific(Nummer, budget: 100_000)));

        var change = new TeWijzigen { GewensteIngangsdatum = D(2026, 4, 1), Einddatum = Einddatum, Omvang = null, Budget = 200_000 };
        Expect.Only(_gw.Process(new Jw317 { TeWijzigen = [change] }), Paths.TeWijzigen, "9373");
    }

    [Fact]
    public void tr373_budget_change_from_the_ingangsdatum_passes()
    {
        _gw.Given(Jw301.With(Toegewezen.Aspecific(Nummer, budget: 100_000)));

        var change = new TeWijzigen { GewensteIngangsdatum = Ingangsdatum, Einddatum = Einddatum, Omvang = null, Budget = 200_000 };
        Expect.Clean(_gw.Process(new Jw317 { TeWijzigen = [change] }));
    }

    [Fact]
    public void tr373_total_volume_change_not_from_the_ingangsdatum_gets_9373()
    {
        _gw.Given(Jw301.With(new Toegewezen { Omvang = new Omvang(100, "04", "6") }));

        var change = new TeWijzigen { GewensteIngangsdatum = D(2026, 4, 1), Einddatum = Einddatum, Omvang = new Omvang(120, "04", "6") };
        Expect.Only(_gw.Process(new Jw317 { TeWijzigen = [change] }), Paths.TeWijzigen, "9373");
    }

    [Fact]
    public void tr373_weekly_volume_change_in_the_future_passes()
    {
        _gw.Given(new Jw301());

        var change = new TeWijzigen { GewensteIngangsdatum = D(2026, 4, 1), Einddatum = Einddatum, Omvang = new Omvang(10, "04", "2") };
        Expect.Clean(_gw.Process(new Jw317 { TeWijzigen = [change] }));
    }

    // ---- TR375 / TR411 / TR412: Omvang in a TeWijzigenProduct follows the kind of the referenced assignment.
    [Fact]
    public void tr375_omvang_for_a_generic_assignment_gets_9375()
    {
        _gw.Given(Jw301.With(Toegewezen.Generic(Nummer, budget: 100_000)));

        // A generic assignment has no Code either, so TR412 speaks as well.
        Expect.Only(_gw.Process(new Jw317 { TeWijzigen = [new TeWijzigen { Einddatum = Einddatum }] }), Paths.TeWijzigen, "9375", "9412");
    }

    [Fact]
    public void tr375_no_omvang_for_a_generic_assignment_passes()
    {
        _gw.Given(Jw301.With(Toegewezen.Generic(Nummer, budget: 100_000)));

        Expect.Clean(_gw.Process(new Jw317 { TeWijzigen = [new TeWijzigen { Einddatum = Einddatum, Omvang = null, Budget = 150_000 }] }));
    }

    [Fact]
    public void tr411_no_omvang_for_a_specific_assignment_gets_9411()
    {
        _gw.Given(new Jw301());

        Expect.Only(_gw.Process(new Jw317 { TeWijzigen = [new TeWijzigen { Omvang = null }] }), Paths.TeWijzigen, "9411");
    }

    [Fact]
    public void tr411_omvang_for_a_specific_assignment_passes()
    {
        _gw.Given(new Jw301());

        Expect.Clean(_gw.Process(new Jw317()));
    }

    [Fact]
    public void tr412_omvang_for_an_aspecific_assignment_gets_9412()
    {
        _gw.Given(Jw301.With(Toegewezen.Aspecific(Nummer)));

        Expect.Only(_gw.Process(new Jw317()), Paths.TeWijzigen, "9412");
    }

    [Fact]
    public void tr412_no_omvang_for_an_aspecific_assignment_passes()
    {
        _gw.Given(Jw301.With(Toegewezen.Aspecific(Nummer)));

        Expect.Clean(_gw.Process(new Jw317 { TeWijzigen = [new TeWijzigen { Omvang = null }] }));
    }
}
