using Berichtenverkeer.Ijw.Model;
using Berichtenverkeer.Matching.Engine;
using Berichtenverkeer.Matching.Tests.Support;
using static Berichtenverkeer.Matching.Tests.Support.Trajectory;

namespace Berichtenverkeer.Matching.Tests.Rules;

/// <summary>JW323, checked by the municipality (rules.md §4.6, §5): Declaratie, Client and Prestatie rules.</summary>
public class DeclarationRuleTests
{
    /// <summary>30 hours in January 2026 (4 ISO weeks → at most 32).</summary>
    private static readonly Pr January = new();

    /// <summary>10 hours in February 2026 (5 ISO weeks → at most 40).</summary>
    private static readonly Pr February = Pr.Month(2026, 2) with { Volume = 10 };

    private readonly Gateway _gw = new();

    public DeclarationRuleTests() => _gw.Given(new Jw301());

    // ---- Declaratie
    [Fact]
    public void tr333_declaratienummer_used_before_gets_9333()
    {
        _gw.Given(Jw323.Of(January) with { DeclaratieNummer = "D1" });

        var result = _gw.Process(Jw323.Of(February) with { DeclaratieNummer = "D1" });

        Expect.Only(result, Paths.Declaratie, "9333");
        Assert.Equal(Outcomes.Rejected, result.Outcome);
    }

    [Fact]
    public void tr333_declaratienummer_used_before_at_another_municipality_gets_9333()
    {
        _gw.Given(new Jw301 { Gemeente = OtherGemeente, Producten = [new Toegewezen { Nummer = 200001 }] });
        _gw.Given(Jw323.Of(January with { Nummer = 200001 }) with { Gemeente = OtherGemeente, DeclaratieNummer = "D1" });

        Expect.Only(_gw.Process(Jw323.Of(January) with { DeclaratieNummer = "D1" }), Paths.Declaratie, "9333");
    }

    [Fact]
    public void tr333_new_declaratienummer_passes()
    {
        _gw.Given(Jw323.Of(January) with { DeclaratieNummer = "D1" });

        Expect.Clean(_gw.Process(Jw323.Of(February) with { DeclaratieNummer = "D2" }));
    }

    [Fact]
    public void tr318_period_before_the_latest_declared_one_gets_8214()
    {
        _gw.Given(Jw323.Of(February));

        Expect.Only(_gw.Process(Jw323.Of(January)), Paths.Declaratie, "8214");
    }

    [Fact]
    public void tr318_later_period_declared_to_another_municipality_does_not_count_passes()
    {
        _gw.Given(new Jw301 { Gemeente = OtherGemeente, Producten = [new Toegewezen { Nummer = 200001 }] });
        _gw.Given(Jw323.Of(February with { Nummer = 200001 }) with { Gemeente = OtherGemeente });

        Expect.Clean(_gw.Process(Jw323.Of(January)));
    }

    [Fact]
    public void tr318_same_period_again_passes()
    {
        _gw.Given(Jw323.Of(February));

        // An extra declaration for the same month, holding care of an earlier month (IV090).
        Expect.Clean(_gw.Process(Jw323.Of(January) with { Maand = D(2026, 2, 1) }));
    }

    [Fact]
    public void tr318_later_period_after_a_gap_passes()
    {
        _gw.Given(Jw323.Of(January));

        Expect.Clean(_gw.Process(Jw323.Of(Pr.Month(2026, 4) with { Volume = 10 }) with { Dagtekening = D(2026, 5, 4) }));
    }

    // ---- Client
    [Fact]
    public void tr304_client_declaring_on_another_clients_assignment_gets_8187()
    {
        var result = _gw.Process(new Jw323 { Clienten = [new Cl { Bsn = OtherBsn, Prestaties = [January] }] });

        Expect.Only(result, Paths.DeclClient, "8187");
    }

    [Fact]
    public void tr304_client_declaring_on_own_assignment_passes()
    {
        Expect.Clean(_gw.Process(Jw323.Of(January)));
    }

    // ---- Prestatie: identity and credits
    [Fact]
    public void tr314_referentienummer_used_before_gets_8021()
    {
        _gw.Given(Jw323.Of(January with { Ref = "P1" }));

        Expect.Only(_gw.Process(Jw323.Of(February with { Ref = "P1" })), Paths.Prestatie, "8021");
    }

    [Fact]
    public void tr314_credit_with_a_referentienummer_used_before_gets_8021()
    {
        _gw.Given(Jw323.Of(January with { Ref = "P1" }), Jw323.Of(February with { Ref = "P2" }));

        var credit = Jw323.Of((January with { Ref = "P1" }).Credit("P2")) with { Maand = D(2026, 2, 1) };
        Expect.Only(_gw.Process(credit), Paths.Prestatie, "8021");
    }

    [Fact]
    public void tr314_referentienummer_used_before_at_another_municipality_gets_8021()
    {
        _gw.Given(new Jw301 { Gemeente = OtherGemeente, Producten = [new Toegewezen { Nummer = 200001 }] });
        _gw.Given(Jw323.Of(January with { Nummer = 200001, Ref = "P1" }) with { Gemeente = OtherGemeente });

        Expect.Only(_gw.Process(Jw323.Of(February with { Ref = "P1" })), Paths.Prestatie, "8021");
    }

    [Fact]
    public void tr314_fresh_referentienummer_passes()
    {
        _gw.Given(Jw323.Of(January with { Ref = "P1" }));

        Expect.Clean(_gw.Process(Jw323.Of(February with { Ref = "P2" })));
    }

    [Fact]
    public void tr323_credit_without_an_earlier_debit_gets_8017()
    {
        Expect.Only(_gw.Process(Jw323.Of(January with { Vorig = "P-UNKNOWN", DebetCredit = "C" })), Paths.Prestatie, "8017");
    }

    [Fact]
    public void tr323_credit_of_a_rejected_debit_gets_8017()
    {
        var rejected = January with { Ref = "P1", Volume = 40 };
        _gw.Process(Jw323.Of(rejected));

        Expect.Only(_gw.Process(Jw323.Of(rejected.Credit())), Paths.Prestatie, "8017");
    }

    [Fact]
    public void tr323_credit_of_an_approved_debit_passes()
    {
        var debit = January with { Ref = "P1" };
        _gw.Given(Jw323.Of(debit));

        Expect.Clean(_gw.Process(Jw323.Of(debit.Credit())));
    }

    [Fact]
    public void tr390_second_credit_of_the_same_debit_gets_9390()
    {
        var debit = January with { Ref = "P1" };
        _gw.Given(Jw323.Of(debit), Jw323.Of(debit.Credit()));

        Expect.Only(_gw.Process(Jw323.Of(debit.Credit())), Paths.Prestatie, "9390");
    }

    [Fact]
    public void tr390_first_credit_of_a_debit_passes()
    {
        var debit = January with { Ref = "P1" };
        _gw.Given(Jw323.Of(debit));

        Expect.Clean(_gw.Process(Jw323.Of(debit.Credit())));
    }

    [Fact]
    public void tr389_second_debit_for_the_same_period_gets_9389()
    {
        _gw.Given(Jw323.Of(January));

        Expect.Only(_gw.Process(Jw323.Of(January with { Volume = 28 })), Paths.Prestatie, "9389");
    }

    [Fact]
    public void tr389_debit_for_the_same_period_after_a_credit_passes()
    {
        var debit = January with { Ref = "P1" };
        _gw.Given(Jw323.Of(debit), Jw323.Of(debit.Credit()));

        Expect.Clean(_gw.Process(Jw323.Of(January with { Volume = 28 })));
    }

    [Fact]
    public void tr389_debit_after_a_rejected_debit_for_the_same_period_passes()
    {
        _gw.Process(Jw323.Of(January with { Volume = 40 }));

        Expect.Clean(_gw.Process(Jw323.Of(January)));
    }

    // ---- Prestatie against its assignment
    [Fact]
    public void tr338_unknown_assignment_gets_9338()
    {
        Expect.Only(_gw.Process(Jw323.Of(January with { Nummer = 999999 })), Paths.Prestatie, "9338");
    }

    [Fact]
    public void tr338_assignment_to_another_provider_gets_9338()
    {
        _gw.Given(new Jw301 { Agb = OtherAgb, Producten = [new Toegewezen { Nummer = 100002 }] });

        Expect.Only(_gw.Process(Jw323.Of(January with { Nummer = 100002 })), Paths.Prestatie, "9338");
    }

    [Fact]
    public void tr338_assignment_of_this_municipality_to_this_provider_passes()
    {
        Expect.Clean(_gw.Process(Jw323.Of(January)));
    }

    [Fact]
    public void tr384_on_a_deleted_assignment_gets_9384()
    {
        _gw.Given(Jw301.With(new Toegewezen().Deleted(D(2026, 2, 1))));

        // A prestatie on the one day the deleted assignment still spans, so only TR384 has a say.
        Expect.Only(_gw.Process(Jw323.Of(January with { Eind = Ingangsdatum, Volume = 1 })), Paths.Prestatie, "9384");
    }

    [Fact]
    public void declaration_whose_every_prestatie_is_rejected_has_outcome_rejected()
    {
        _gw.Given(Jw301.With(new Toegewezen().Deleted(D(2026, 2, 1))));

        var result = _gw.Process(Jw323.Of(January with { Eind = Ingangsdatum, Volume = 1 }));

        Assert.Equal(Outcomes.Rejected, result.Outcome);
    }

    [Fact]
    public void tr384_on_an_assignment_shortened_to_its_first_day_without_reason_13_passes()
    {
        // Einddatum = Ingangsdatum alone is no delete (rules.md §0): only RedenWijziging 13 (or 01) makes it one.
        _gw.Given(Jw301.With(new Toegewezen().Version(D(2026, 2, 1), "05") with { Einddatum = Ingangsdatum }));

        Expect.Clean(_gw.Process(Jw323.Of(January with { Eind = Ingangsdatum, Volume = 1 })));
    }

    [Fact]
    public void tr339_other_category_than_assigned_gets_9339()
    {
        Expect.Only(_gw.Process(Jw323.Of(January with { Categorie = "46" })), Paths.Prestatie, "9339");
    }

    [Fact]
    public void tr339_assigned_category_passes()
    {
        Expect.Clean(_gw.Process(Jw323.Of(January)));
    }

    [Fact]
    public void tr339_any_category_on_a_generic_assignment_passes()
    {
        var gw = new Gateway();
        gw.Given(Jw301.With(Toegewezen.Generic(Nummer, budget: 1_000_000)));

        Expect.Clean(gw.Process(Jw323.Of(January with { Categorie = "54", Code = "54001" })));
    }

    [Fact]
    public void tr340_other_code_than_assigned_gets_9340()
    {
        Expect.Only(_gw.Process(Jw323.Of(January with { Code = "45A05" })), Paths.Prestatie, "9340");
    }

    [Fact]
    public void tr340_any_code_on_an_aspecific_assignment_passes()
    {
        var gw = new Gateway();
        gw.Given(Jw301.With(Toegewezen.Aspecific(Nummer)));

        Expect.Clean(gw.Process(Jw323.Of(January with { Code = "45A05" })));
    }

    [Fact]
    public void tr341_other_unit_than_assigned_gets_9341()
    {
        Expect.Only(_gw.Process(Jw323.Of(January with { Eenheid = "14", Volume = 3 })), Paths.Prestatie, "9341");
    }

    [Fact]
    public void tr341_hours_on_a_minutes_assignment_gets_9341()
    {
        var gw = new Gateway();
        gw.Given(Jw301.With(new Toegewezen { Omvang = new Omvang(480, "01", "2") }));

        Expect.Only(gw.Process(Jw323.Of(January)), Paths.Prestatie, "9341");
    }

    [Fact]
    public void tr341_aspecific_assignment_unit_other_than_the_contract_gets_9341()
    {
        var gw = new Gateway(Reference.Contracts(Reference.Hourly()));
        gw.Given(Jw301.With(Toegewezen.Aspecific(Nummer)));

        Expect.Only(gw.Process(Jw323.Of(January with { Eenheid = "14", Volume = 3 })), Paths.Prestatie, "9341");
    }

    [Fact]
    public void tr341_minutes_on_an_hours_assignment_passes()
    {
        Expect.Clean(_gw.Process(Jw323.Of(January with { Eenheid = "01", Volume = 1800, Tarief = 125 })));
    }

    [Fact]
    public void tr307_prestatie_before_assignment_start_gets_9307()
    {
        // A ProductPeriode starting before the assignment cannot start on max(1st, Ingangsdatum) either: TR387 too.
        Expect.Only(_gw.Process(Jw323.Of(January with { Begin = D(2026, 1, 1) })), Paths.Prestatie, "9307", "9387");
    }

    [Fact]
    public void tr307_prestatie_from_assignment_start_passes()
    {
        Expect.Clean(_gw.Process(Jw323.Of(January)));
    }

    [Fact]
    public void tr308_prestatie_after_the_assignment_end_gets_9308()
    {
        var gw = new Gateway();
        gw.Given(Jw301.With(new Toegewezen { Einddatum = D(2026, 2, 15) }));

        Expect.Only(gw.Process(Jw323.Of(February)), Paths.Prestatie, "9308", "9388");
    }

    [Fact]
    public void tr308_prestatie_to_the_assignment_end_passes()
    {
        var gw = new Gateway();
        gw.Given(Jw301.With(new Toegewezen { Einddatum = D(2026, 2, 15) }));

        Expect.Clean(gw.Process(Jw323.Of(February with { Eind = D(2026, 2, 15) })));
    }

    [Fact]
    public void tr387_begin_not_on_the_first_of_the_month_gets_9387()
    {
        Expect.Only(_gw.Process(Jw323.Of(February with { Begin = D(2026, 2, 2) })), Paths.Prestatie, "9387");
    }

    [Fact]
    public void tr387_begin_on_the_first_of_the_month_passes()
    {
        Expect.Clean(_gw.Process(Jw323.Of(February)));
    }

    [Fact]
    public void tr388_end_not_on_the_last_of_the_month_gets_9388()
    {
        Expect.Only(_gw.Process(Jw323.Of(February with { Eind = D(2026, 2, 27) })), Paths.Prestatie, "9388");
    }

    [Fact]
    public void tr388_end_on_the_last_of_the_month_passes()
    {
        Expect.Clean(_gw.Process(Jw323.Of(February with { Eind = D(2026, 2, 28) })));
    }

    [Fact]
    public void tr319_prestatie_after_the_declaratieperiode_gets_9319()
    {
        Expect.Only(_gw.Process(Jw323.Of(February) with { Maand = D(2026, 1, 1) }), Paths.Prestatie, "9319");
    }

    [Fact]
    public void tr319_prestatie_of_an_earlier_period_passes()
    {
        Expect.Clean(_gw.Process(Jw323.Of(January) with { Maand = D(2026, 2, 1) }));
    }

    // ---- Volume (rules.md §6)
    [Fact]
    public void tr321_volume_over_the_period_maximum_gets_9321()
    {
        Expect.Only(_gw.Process(Jw323.Of(January with { Volume = 33 })), Paths.Prestatie, "9321");
    }

    [Fact]
    public void tr321_minutes_over_the_period_maximum_gets_9321()
    {
        Expect.Only(_gw.Process(Jw323.Of(January with { Eenheid = "01", Volume = (32 * 60) + 1, Tarief = 125 })), Paths.Prestatie, "9321");
    }

    [Fact]
    public void tr321_volume_at_the_period_maximum_passes()
    {
        Expect.Clean(_gw.Process(Jw323.Of(January with { Volume = 32 })));
    }

    [Fact]
    public void tr321_minutes_at_the_period_maximum_passes()
    {
        Expect.Clean(_gw.Process(Jw323.Of(January with { Eenheid = "01", Volume = 32 * 60, Tarief = 125 })));
    }

    [Fact]
    public void tr322_sum_over_the_assignment_total_gets_9322()
    {
        // rules.md §6.5: 3 h/week 2025-07-07 … 2025-09-07; monthly maxima 12 + 15 + 3 = 30, the whole assignment 27.
        var (declaration, _) = WorkedExample(july: 12, august: 15, september: 3);

        var result = _gw.Process(declaration);

        Expect.Only(result, Paths.Prestatie.Nth(3), "9322");
        Assert.Equal(Outcomes.Partial, result.Outcome);
    }

    [Fact]
    public void tr322_sum_at_the_assignment_total_passes()
    {
        var (declaration, _) = WorkedExample(july: 12, august: 12, september: 3);

        Expect.Clean(_gw.Process(declaration));
    }

    [Fact]
    public void tr322_earlier_declarations_count_towards_the_total_gets_9322()
    {
        var (_, prestaties) = WorkedExample(july: 12, august: 15, september: 3);
        _gw.Given(Jw323.Of(prestaties[0], prestaties[1]));

        Expect.Only(_gw.Process(Jw323.Of(prestaties[2])), Paths.Prestatie, "9322");
    }

    [Fact]
    public void tr322_credited_debit_no_longer_counts_passes()
    {
        var (_, prestaties) = WorkedExample(july: 12, august: 15, september: 3);
        var august = prestaties[1] with { Ref = "AUG" };
        _gw.Given(Jw323.Of(prestaties[0], august), Jw323.Of(august.Credit(), august with { Ref = "AUG2", Volume = 12 }));

        Expect.Clean(_gw.Process(Jw323.Of(prestaties[2])));
    }

    // ---- TR369: Budget; both comparisons of MatchingOptions.BudgetComparison ([UNSURE] rules.md §4.6)
    [Fact]
    public void tr369_amount_mode_amount_over_the_budget_gets_9369()
    {
        var gw = Budgeted(100_000, BudgetComparison.Amount);

        Expect.Only(gw.Process(Jw323.Of(January with { Volume = 14 })), Paths.Prestatie, "9369");
    }

    [Fact]
    public void tr369_amount_mode_earlier_approved_prestaties_count_gets_9369()
    {
        var gw = Budgeted(100_000, BudgetComparison.Amount);
        gw.Given(Jw323.Of(January with { Volume = 10 }));

        Expect.Only(gw.Process(Jw323.Of(February with { Volume = 4 })), Paths.Prestatie, "9369");
    }

    [Fact]
    public void tr369_amount_mode_amount_within_the_budget_passes()
    {
        var gw = Budgeted(100_000, BudgetComparison.Amount);

        Expect.Clean(gw.Process(Jw323.Of(January with { Volume = 13 })));
    }

    [Fact]
    public void tr369_amount_mode_ignores_a_large_volume_at_a_zero_tariff_passes()
    {
        var gw = Budgeted(1_000, BudgetComparison.Amount);

        Expect.Clean(gw.Process(Jw323.Of(January with { Volume = 1_001, Tarief = 0 })));
    }

    [Fact]
    public void tr369_volume_mode_volume_over_the_budget_gets_9369()
    {
        var gw = Budgeted(1_000, BudgetComparison.Volume);

        Expect.Only(gw.Process(Jw323.Of(January with { Volume = 1_001, Tarief = 0 })), Paths.Prestatie, "9369");
    }

    [Fact]
    public void tr369_volume_mode_volume_within_the_budget_passes()
    {
        // 2 hours = € 150 is far above a € 10 budget as an amount, but 2 ≤ 1000 as the literal volume comparison.
        var gw = Budgeted(1_000, BudgetComparison.Volume);

        Expect.Clean(gw.Process(Jw323.Of(January with { Volume = 2 })));
    }

    // ---- TR418 (0611) and TR346 (9346): tariff and amount against the contract (IV081)
    [Fact]
    public void tr418_tariff_other_than_the_contract_gets_0611()
    {
        var gw = Contracted(Reference.Hourly(7500));

        Expect.Only(gw.Process(Jw323.Of(January with { Tarief = 7000 })), Paths.Prestatie, "0611");
    }

    [Fact]
    public void tr418_no_contract_for_the_product_gets_0611()
    {
        var gw = Contracted(Reference.Hourly(7500, code: "45A05"));

        Expect.Only(gw.Process(Jw323.Of(January)), Paths.Prestatie, "0611");
    }

    [Fact]
    public void tr418_minutes_at_a_tariff_not_rounded_from_the_hourly_one_gets_0611()
    {
        // 7490 / 60 = 124.83 → 125 cents per minute; 124 is wrong. The amount follows IV081, so TR346 is satisfied.
        var gw = Contracted(Reference.Hourly(7490));

        Expect.Only(gw.Process(Jw323.Of(January with { Eenheid = "01", Volume = 1800, Tarief = 124, Bedrag = 224_700 })), Paths.Prestatie, "0611");
    }

    [Fact]
    public void tr418_contract_tariff_passes()
    {
        var gw = Contracted(Reference.Hourly(7500));

        Expect.Clean(gw.Process(Jw323.Of(January)));
    }

    [Fact]
    public void tr418_minutes_at_the_hourly_tariff_divided_by_60_rounded_half_up_passes()
    {
        var gw = Contracted(Reference.Hourly(7490));

        Expect.Clean(gw.Process(Jw323.Of(January with { Eenheid = "01", Volume = 1800, Tarief = 125, Bedrag = 224_700 })));
    }

    [Fact]
    public void tr418_without_contract_data_passes()
    {
        Expect.Clean(_gw.Process(Jw323.Of(January with { Tarief = 7000 })));
    }

    [Fact]
    public void tr346_amount_other_than_volume_times_tariff_gets_9346()
    {
        Expect.Only(_gw.Process(Jw323.Of(January with { Bedrag = 225_001 })), Paths.Prestatie, "9346");
    }

    [Fact]
    public void tr346_minutes_billed_with_the_rounded_minute_tariff_against_an_hourly_contract_gets_9346()
    {
        // IV081: 7 minutes at € 74,90/h = round_half_up(7490 × 7 / 60) = 874, not 7 × 125 = 875.
        var gw = Contracted(Reference.Hourly(7490));

        Expect.Only(gw.Process(Jw323.Of(January with { Eenheid = "01", Volume = 7, Tarief = 125, Bedrag = 875 })), Paths.Prestatie, "9346");
    }

    [Fact]
    public void tr346_amount_volume_times_tariff_passes()
    {
        Expect.Clean(_gw.Process(Jw323.Of(January)));
    }

    [Fact]
    public void tr346_minutes_billed_from_the_hourly_contract_tariff_passes()
    {
        var gw = Contracted(Reference.Hourly(7490));

        Expect.Clean(gw.Process(Jw323.Of(January with { Eenheid = "01", Volume = 7, Tarief = 125, Bedrag = 874 })));
    }

    [Fact]
    public void tr346_minutes_without_contract_billed_from_an_hourly_tariff_that_rounds_to_the_declared_one_passes()
    {
        Expect.Clean(_gw.Process(Jw323.Of(January with { Eenheid = "01", Volume = 7, Tarief = 125, Bedrag = 874 })));
    }

    [Fact]
    public void tr346_euros_are_not_checked_passes()
    {
        var gw = new Gateway();
        gw.Given(Jw301.With(new Toegewezen { Omvang = new Omvang(30_000, "83", "4") }));

        Expect.Clean(gw.Process(Jw323.Of(January with { Eenheid = "83", Volume = 25_000, Tarief = null })));
    }

    /// <summary>The effort example of rules.md §6.5 as a declaration for September 2025 on assignment 100002.</summary>
    private (Jw323 Declaration, Pr[] Prestaties) WorkedExample(long july, long august, long september)
    {
        var (ingang, eind) = (D(2025, 7, 7), D(2025, 9, 7));
        _gw.Given(Jw301.With(new Toegewezen { Nummer = 100002, Product = new("45", "45A05"), Toewijzingsdatum = D(2025, 7, 1), Ingangsdatum = ingang, Einddatum = eind, Omvang = new Omvang(3, "04", "2") }));
        Pr Month(int month, long volume) => Pr.Month(2025, month, ingang, eind) with { Nummer = 100002, Code = "45A05", Volume = volume };
        Pr[] prestaties = [Month(7, july), Month(8, august), Month(9, september)];
        return (Jw323.Of(prestaties), prestaties);
    }

    private static Gateway Budgeted(long budget, BudgetComparison comparison)
    {
        var gw = new Gateway(options: new MatchingOptions { BudgetComparison = comparison });
        gw.Given(Jw301.With(Toegewezen.Aspecific(Nummer, budget)));
        return gw;
    }

    private static Gateway Contracted(Berichtenverkeer.ReferenceData.Contract contract)
    {
        var gw = new Gateway(Reference.Contracts(contract));
        gw.Given(new Jw301());
        return gw;
    }
}
