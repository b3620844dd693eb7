using Berichtenverkeer.Validation.Tests.Support;

namespace Berichtenverkeer.Validation.Tests.Level2;

/// <summary>
/// Level-2 rules of JW301 (rules.md §2, §3.1), end to end: the valid sample (Dagtekening 2026-01-02, one client with
/// one Relatie, one Soort 01 Dutch address with a phone number, one specific ToegewezenProduct 45A04 2026-01-05 …
/// 2026-12-31, 8 hours per week) is mutated so that exactly the rule under test breaks while the XSD still holds.
/// </summary>
public sealed class Jw301RuleTests
{
    private const string Client = "Client";
    private const string Contact = "Client/Contactgegevens/Contact";
    private const string Relatie = "Client/Relaties/Relatie";
    private const string Product = "Client/ToegewezenProducten/ToegewezenProduct";

    private const string SoortVierContact =
        "<m:Contact><m:Soort>04</m:Soort><m:Adres><ijw:Huis><ijw:Huisnummer>3</ijw:Huisnummer></ijw:Huis>" +
        "<ijw:Postcode>1013CD</ijw:Postcode><ijw:Plaatsnaam>Amsterdam</ijw:Plaatsnaam><ijw:LandCode>NL</ijw:LandCode></m:Adres>" +
        "<m:Periode><ijw:Begindatum>2026-01-01</ijw:Begindatum><ijw:Einddatum>2026-03-31</ijw:Einddatum></m:Periode></m:Contact>";

    private static Sample Jw301() => Sample.Load("JW301");

    private static string At(string path) => "/Bericht/" + path;

    /// <summary>A generic assignment: no Product, no Omvang, a Budget and (unless removed) an Einddatum.</summary>
    private static Sample GenericWithBudget() =>
        Jw301().Remove($"{Product}/Product").Replace($"{Product}/Omvang", "<m:Budget>500000</m:Budget>");

    // ---- TR002: birth date at most 120 years before the Dagtekening ----

    [Fact]
    [CoversRule("TR002", RuleOutcome.Fails)]
    public void tr002_client_born_more_than_120_years_before_dagtekening_fails() =>
        Expect.Level2(Jw301().Set($"{Client}/Geboortedatum/Datum", "1906-01-01").Validate(), "TR002", At($"{Client}/Geboortedatum/Datum"));

    [Fact]
    [CoversRule("TR002", RuleOutcome.Passes)]
    public void tr002_client_born_exactly_120_years_before_dagtekening_passes() =>
        Expect.Valid(Jw301().Set($"{Client}/Geboortedatum/Datum", "1906-01-02").Validate());

    [Fact]
    [CoversRule("TR002", RuleOutcome.Passes)]
    public void tr002_unknown_birth_date_1900_01_01_with_datumgebruik_3_passes() =>
        Expect.Valid(Jw301()
            .Set($"{Client}/Geboortedatum/Datum", "1900-01-01")
            .InsertAfter($"{Client}/Geboortedatum/Datum", "<ijw:DatumGebruik>3</ijw:DatumGebruik>")
            .Validate());

    [Fact]
    [CoversRule("TR002", RuleOutcome.Fails)]
    public void tr002_relatie_born_more_than_120_years_ago_fails() =>
        Expect.Level2(Jw301().Set($"{Relatie}/Geboortedatum/Datum", "1900-03-01").Validate(), "TR002", At($"{Relatie}/Geboortedatum/Datum"));

    [Theory]
    [CoversRule("TR002", RuleOutcome.Fails)]
    [InlineData("JW305")]
    [InlineData("JW307")]
    [InlineData("JW315")]
    public void tr002_client_born_in_1900_fails_in_start_stop_and_request(string sample) =>
        Expect.Level2(Sample.Load(sample).Set("Client/Geboortedatum/Datum", "1900-06-15").Validate(), "TR002", At("Client/Geboortedatum/Datum"));

    // ---- TR006: a Contact is reachable ----

    [Fact]
    [CoversRule("TR006", RuleOutcome.Fails)]
    public void tr006_relatie_contact_with_only_an_email_address_fails() =>
        Expect.Level2(
            Jw301().Remove($"{Relatie}/Contact/Adres").Remove($"{Relatie}/Contact/Telefoon").Validate(),
            "TR006",
            At($"{Relatie}/Contact"));

    [Fact]
    [CoversRule("TR006", RuleOutcome.Fails)]
    public void tr006_address_without_postcode_and_no_phone_fails()
    {
        // Soort 02 needs no Postcode (CD034) and without Postcode there is no LandCode (CD005): only reachability fails.
        var result = Jw301()
            .Set($"{Relatie}/Contact/Soort", "02")
            .Remove($"{Relatie}/Contact/Adres/Postcode")
            .Remove($"{Relatie}/Contact/Adres/LandCode")
            .Remove($"{Relatie}/Contact/Telefoon")
            .Validate();

        Expect.Level2(result, "TR006", At($"{Relatie}/Contact"));
    }

    [Fact]
    [CoversRule("TR006", RuleOutcome.Passes)]
    public void tr006_contact_with_only_a_phone_number_passes() =>
        Expect.Valid(Jw301().Remove($"{Relatie}/Contact/Adres").Validate());

    [Fact]
    [CoversRule("TR006", RuleOutcome.Passes)]
    public void tr006_contact_with_only_an_address_with_huis_and_postcode_passes() =>
        Expect.Valid(Jw301().Remove($"{Relatie}/Contact/Telefoon").Remove($"{Contact}/Telefoon").Validate());

    // ---- TR061: the client has a Soort 01/02/03 address ----

    [Fact]
    [CoversRule("TR061", RuleOutcome.Fails)]
    public void tr061_client_contact_without_adres_fails() =>
        Expect.Level2(Jw301().Remove($"{Contact}/Adres").Validate(), "TR061", At("Client/Contactgegevens"));

    [Fact]
    [CoversRule("TR061", RuleOutcome.Fails)]
    public void tr061_client_with_only_a_temporary_address_fails() =>
        Expect.Level2(Jw301().Set($"{Contact}/Soort", "04").Validate(), "TR061", At("Client/Contactgegevens"));

    [Fact]
    [CoversRule("TR061", RuleOutcome.Passes)]
    public void tr061_client_with_a_correspondence_address_passes() =>
        Expect.Valid(Jw301().Set($"{Contact}/Soort", "02").Validate());

    // ---- TR101: no duplicate classes ----

    [Fact]
    [CoversRule("TR101", RuleOutcome.Fails)]
    public void tr101_two_client_contacts_of_the_same_soort_fail() =>
        Expect.Level2(Jw301().Duplicate(Contact).Validate(), "TR101", At($"{Contact}[2]"));

    [Fact]
    [CoversRule("TR101", RuleOutcome.Fails)]
    public void tr101_two_relaties_with_the_same_nummer_fail() =>
        Expect.Level2(Jw301().Duplicate(Relatie).Validate(), "TR101", At($"{Relatie}[2]"));

    [Fact]
    [CoversRule("TR101", RuleOutcome.Passes)]
    public void tr101_contacts_of_different_soort_pass() =>
        Expect.Valid(Jw301().Duplicate(Contact).Set($"{Contact}[2]/Soort", "02").Validate());

    // ---- TR134: dates not after the Dagtekening ----

    [Fact]
    [CoversRule("TR134", RuleOutcome.Fails)]
    public void tr134_toewijzingsdatum_after_dagtekening_fails() =>
        Expect.Level2(Jw301().Set($"{Product}/Toewijzingsdatum", "2026-01-03").Validate(), "TR134", At($"{Product}/Toewijzingsdatum"));

    [Fact]
    [CoversRule("TR134", RuleOutcome.Fails)]
    public void tr134_birth_date_after_dagtekening_fails() =>
        Expect.Level2(Jw301().Set($"{Client}/Geboortedatum/Datum", "2026-01-03").Validate(), "TR134", At($"{Client}/Geboortedatum/Datum"));

    [Fact]
    [CoversRule("TR134", RuleOutcome.Passes)]
    public void tr134_toewijzingsdatum_on_the_dagtekening_passes() =>
        Expect.Valid(Jw301().Set($"{Product}/Toewijzingsdatum", "2026-01-02").Set($"{Client}/Geboortedatum/Datum", "2026-01-02").Validate());

    // ---- TR302: no stacked assignments ----

    private static Sample TwoAssignments(string secondIngangsdatum, string secondEinddatum) => Jw301()
        .Duplicate(Product)
        .Set($"{Product}[2]/ToewijzingNummer", "100002")
        .Set($"{Product}[2]/Ingangsdatum", secondIngangsdatum)
        .Set($"{Product}[2]/Einddatum", secondEinddatum);

    [Fact]
    [CoversRule("TR302", RuleOutcome.Fails)]
    public void tr302_same_product_twice_with_overlapping_periods_fails() =>
        Expect.Level2(TwoAssignments("2026-06-01", "2026-12-31").Validate(), "TR302", At($"{Product}[2]"));

    [Fact]
    [CoversRule("TR302", RuleOutcome.Fails)]
    public void tr302_aspecific_assignment_overlapping_a_specific_one_of_its_category_fails() =>
        Expect.Level2(
            TwoAssignments("2026-06-01", "2026-12-31").Remove($"{Product}[2]/Product/Code").Remove($"{Product}[2]/Omvang").Validate(),
            "TR302",
            At($"{Product}[2]"));

    [Fact]
    [CoversRule("TR302", RuleOutcome.Passes)]
    public void tr302_same_product_in_consecutive_periods_passes() =>
        Expect.Valid(TwoAssignments("2027-01-01", "2027-12-31").Validate());

    [Fact]
    [CoversRule("TR302", RuleOutcome.Passes)]
    public void tr302_other_product_category_in_the_same_period_passes() =>
        Expect.Valid(TwoAssignments("2026-01-05", "2026-12-31")
            .Set($"{Product}[2]/Product/Categorie", "46")
            .Set($"{Product}[2]/Product/Code", "46A01")
            .Validate());

    [Fact]
    [CoversRule("TR302", RuleOutcome.Passes)]
    public void tr302_deleted_assignment_is_ignored_for_overlap_passes() =>
        Expect.Valid(TwoAssignments("2026-01-05", "2026-01-05")
            .InsertAfter($"{Product}[2]/Einddatum", "<m:RedenWijziging>13</m:RedenWijziging>")
            .Validate());

    // ---- CS002: BSN 11-test (JW301 here; every message type in CommonRuleTests) ----

    [Fact]
    [CoversRule("CS002", RuleOutcome.Fails)]
    public void cs002_client_bsn_failing_the_11_test_fails() =>
        Expect.Level2(Jw301().Set($"{Client}/Bsn", "999900007").Validate(), "CS002", At($"{Client}/Bsn"));

    [Fact]
    [CoversRule("CS002", RuleOutcome.Passes)]
    public void cs002_client_bsn_999900018_passes() =>
        Expect.Valid(Jw301().Set($"{Client}/Bsn", "999900018").Validate());

    [Fact]
    [CoversRule("CS002", RuleOutcome.Fails)]
    public void cs002_bsn_of_nine_zeros_fails()
    {
        // Arithmetically 000000000 passes the 11-test; datatypes.md §2.8 [UNSURE] suggests refusing it, and Bsn.IsValid does.
        Expect.Level2(Jw301().Set($"{Client}/Bsn", "000000000").Validate(), "CS002", At($"{Client}/Bsn"));
    }

    // ---- CS003: end date not before begin date ----

    [Fact]
    [CoversRule("CS003", RuleOutcome.Fails)]
    public void cs003_einddatum_before_ingangsdatum_fails() =>
        Expect.Level2(Jw301().Set($"{Product}/Einddatum", "2026-01-04").Validate(), "CS003", At($"{Product}/Einddatum"));

    [Fact]
    [CoversRule("CS003", RuleOutcome.Passes)]
    public void cs003_einddatum_equal_to_ingangsdatum_passes() =>
        Expect.Valid(Jw301().Set($"{Product}/Einddatum", "2026-01-05").Validate());

    [Fact]
    [CoversRule("CS003", RuleOutcome.Fails)]
    public void cs003_contact_periode_ending_before_it_begins_fails() =>
        Expect.Level2(
            Jw301().Append("Client/Contactgegevens", SoortVierContact).Set($"{Contact}[2]/Periode/Begindatum", "2026-04-01").Validate(),
            "CS003",
            At($"{Contact}[2]/Periode/Einddatum"));

    // ---- CS050 / CS318: NaamGebruik ----

    [Fact]
    [CoversRule("CS050", RuleOutcome.Fails)]
    public void cs050_naamgebruik_2_without_partnernaam_fails() =>
        Expect.Level2(Jw301().Set($"{Client}/Naam/NaamGebruik", "2").Validate(), "CS050", At($"{Client}/Naam/NaamGebruik"));

    [Fact]
    [CoversRule("CS050", RuleOutcome.Fails)]
    public void cs050_relatie_naamgebruik_6_with_partnernaam_fails() =>
        Expect.Level2(Jw301().Set($"{Relatie}/Naam/NaamGebruik", "6").Validate(), "CS050", At($"{Relatie}/Naam/NaamGebruik"));

    [Fact]
    [CoversRule("CS050", RuleOutcome.Fails)]
    public void cs050_naamgebruik_5_is_never_allowed_fails() =>
        Expect.Level2(Jw301().Set($"{Relatie}/Naam/NaamGebruik", "5").Validate(), "CS050", At($"{Relatie}/Naam/NaamGebruik"));

    [Fact]
    [CoversRule("CS050", RuleOutcome.Passes)]
    [CoversRule("CS318", RuleOutcome.Passes)]
    public void cs050_relatie_organisation_naamgebruik_6_without_partnernaam_passes() =>
        Expect.Valid(Jw301().Remove($"{Relatie}/Naam/Partnernaam").Set($"{Relatie}/Naam/NaamGebruik", "6").Validate());

    [Fact]
    [CoversRule("CS050", RuleOutcome.Passes)]
    public void cs050_partnernaam_with_naamgebruik_1_to_4_passes()
    {
        foreach (var gebruik in new[] { "1", "2", "3", "4" })
        {
            Expect.Valid(Jw301().Set($"{Relatie}/Naam/NaamGebruik", gebruik).Validate());
        }
    }

    [Fact]
    [CoversRule("CS318", RuleOutcome.Fails)]
    public void cs318_client_naamgebruik_6_fails() =>
        Expect.Level2(Jw301().Set($"{Client}/Naam/NaamGebruik", "6").Validate(), "CS318", At($"{Client}/Naam/NaamGebruik"));

    [Fact]
    [CoversRule("CS318", RuleOutcome.Passes)]
    public void cs318_client_naamgebruik_1_passes() =>
        Expect.Valid(Jw301().Set($"{Client}/Naam/NaamGebruik", "1").Validate());

    // ---- CS139: DatumGebruik and Datum agree ----

    [Fact]
    [CoversRule("CS139", RuleOutcome.Fails)]
    public void cs139_relatie_datumgebruik_1_with_a_day_other_than_01_fails() =>
        Expect.Level2(Jw301().Set($"{Relatie}/Geboortedatum/Datum", "1981-03-15").Validate(), "CS139", At($"{Relatie}/Geboortedatum"));

    [Fact]
    [CoversRule("CS139", RuleOutcome.Fails)]
    public void cs139_datumgebruik_3_with_a_known_date_fails() =>
        Expect.Level2(
            Jw301().InsertAfter($"{Client}/Geboortedatum/Datum", "<ijw:DatumGebruik>3</ijw:DatumGebruik>").Validate(),
            "CS139",
            At($"{Client}/Geboortedatum"));

    [Theory]
    [CoversRule("CS139", RuleOutcome.Passes)]
    [InlineData("3", "1900-01-01")]
    [InlineData("2", "2012-01-01")]
    [InlineData("1", "2012-05-01")]
    public void cs139_datumgebruik_with_the_matching_placeholder_date_passes(string datumGebruik, string datum) =>
        Expect.Valid(Jw301()
            .Set($"{Client}/Geboortedatum/Datum", datum)
            .InsertAfter($"{Client}/Geboortedatum/Datum", $"<ijw:DatumGebruik>{datumGebruik}</ijw:DatumGebruik>")
            .Validate());

    // ---- CS335 / CS336: RedenWijziging ----

    [Fact]
    [CoversRule("CS335", RuleOutcome.Fails)]
    public void cs335_reden_13_with_einddatum_after_ingangsdatum_fails() =>
        Expect.Level2(
            Jw301().InsertAfter($"{Product}/Einddatum", "<m:RedenWijziging>13</m:RedenWijziging>").Validate(),
            "CS335",
            At($"{Product}/RedenWijziging"));

    [Fact]
    [CoversRule("CS335", RuleOutcome.Passes)]
    public void cs335_reden_13_with_einddatum_equal_to_ingangsdatum_passes() =>
        Expect.Valid(Jw301()
            .Set($"{Product}/Einddatum", "2026-01-05")
            .InsertAfter($"{Product}/Einddatum", "<m:RedenWijziging>13</m:RedenWijziging>")
            .Validate());

    [Fact]
    [CoversRule("CS336", RuleOutcome.Fails)]
    public void cs336_obsolete_reden_01_fails() =>
        Expect.Level2(
            Jw301().InsertAfter($"{Product}/Einddatum", "<m:RedenWijziging>01</m:RedenWijziging>").Validate(),
            "CS336",
            At($"{Product}/RedenWijziging"));

    [Fact]
    [CoversRule("CS336", RuleOutcome.Passes)]
    public void cs336_administrative_correction_reden_14_passes() =>
        Expect.Valid(Jw301().InsertAfter($"{Product}/Einddatum", "<m:RedenWijziging>14</m:RedenWijziging>").Validate());

    // ---- CS338: coarse units are not per day ----

    [Fact]
    [CoversRule("CS338", RuleOutcome.Fails)]
    public void cs338_dagdelen_per_day_fails() =>
        Expect.Level2(
            Jw301().Set($"{Product}/Omvang/Eenheid", "16").Set($"{Product}/Omvang/Frequentie", "1").Validate(),
            "CS338",
            At($"{Product}/Omvang/Frequentie"));

    [Fact]
    [CoversRule("CS338", RuleOutcome.Passes)]
    public void cs338_dagdelen_per_day_on_an_assignment_that_ended_in_2020_passes() =>
        Expect.Valid(Jw301()
            .Set($"{Product}/Ingangsdatum", "2020-01-01")
            .Set($"{Product}/Einddatum", "2020-12-31")
            .Set($"{Product}/Omvang/Eenheid", "16")
            .Set($"{Product}/Omvang/Frequentie", "1")
            .Validate());

    [Fact]
    [CoversRule("CS338", RuleOutcome.Passes)]
    public void cs338_hours_per_day_passes() =>
        Expect.Valid(Jw301().Set($"{Product}/Omvang/Frequentie", "1").Validate());

    // ---- CD005 / CD025 / CD034 / CS089 / CD009: addresses ----

    [Fact]
    [CoversRule("CD005", RuleOutcome.Fails)]
    public void cd005_postcode_without_landcode_fails() =>
        Expect.Level2(Jw301().Remove($"{Contact}/Adres/LandCode").Validate(), "CD005", At($"{Contact}/Adres/LandCode"));

    [Fact]
    [CoversRule("CD005", RuleOutcome.Fails)]
    public void cd005_landcode_without_postcode_fails() =>
        Expect.Level2(
            Jw301().Set($"{Contact}/Soort", "02").Remove($"{Contact}/Adres/Postcode").Validate(),
            "CD005",
            At($"{Contact}/Adres/LandCode"));

    [Fact]
    [CoversRule("CD005", RuleOutcome.Passes)]
    [CoversRule("CS089", RuleOutcome.Passes)]
    public void cd005_foreign_postcode_with_its_landcode_passes() =>
        Expect.Valid(Jw301().Set($"{Contact}/Adres/Postcode", "B-1000").Set($"{Contact}/Adres/LandCode", "BE").Validate());

    [Fact]
    [CoversRule("CD025", RuleOutcome.Fails)]
    public void cd025_dutch_address_without_huis_fails() =>
        Expect.Level2(Jw301().Remove($"{Contact}/Adres/Huis").Validate(), "CD025", At($"{Contact}/Adres/Huis"));

    [Fact]
    [CoversRule("CD025", RuleOutcome.Passes)]
    public void cd025_foreign_address_without_huis_passes() =>
        Expect.Valid(Jw301()
            .Remove($"{Contact}/Adres/Huis")
            .Set($"{Contact}/Adres/Postcode", "1000")
            .Set($"{Contact}/Adres/LandCode", "BE")
            .Validate());

    [Fact]
    [CoversRule("CD034", RuleOutcome.Fails)]
    public void cd034_brp_address_without_postcode_fails() =>
        Expect.Level2(
            Jw301().Remove($"{Contact}/Adres/Postcode").Remove($"{Contact}/Adres/LandCode").Validate(),
            "CD034",
            At($"{Contact}/Adres/Postcode"));

    [Fact]
    [CoversRule("CD034", RuleOutcome.Passes)]
    public void cd034_correspondence_address_without_postcode_passes() =>
        Expect.Valid(Jw301()
            .Set($"{Contact}/Soort", "02")
            .Remove($"{Contact}/Adres/Postcode")
            .Remove($"{Contact}/Adres/LandCode")
            .Validate());

    [Theory]
    [CoversRule("CS089", RuleOutcome.Fails)]
    [InlineData("0123AB")]
    [InlineData("1012 AB")]
    [InlineData("10123A")]
    [InlineData("1012ABC")]
    public void cs089_malformed_dutch_postcode_fails(string postcode) =>
        Expect.Level2(Jw301().Set($"{Contact}/Adres/Postcode", postcode).Validate(), "CS089", At($"{Contact}/Adres/Postcode"));

    [Fact]
    [CoversRule("CS089", RuleOutcome.Fails)]
    public void cs089_dutch_postcode_followed_by_a_line_break_fails()
    {
        // xs:string keeps the line break, so the value is "1012AB\n", which does not match [1-9][0-9]{3}[a-zA-Z]{2}.
        Expect.Level2(Jw301().Set($"{Contact}/Adres/Postcode", "1012AB\n").Validate(), "CS089", At($"{Contact}/Adres/Postcode"));
    }

    [Fact]
    [CoversRule("CS089", RuleOutcome.Passes)]
    public void cs089_dutch_postcode_in_lower_case_passes() =>
        Expect.Valid(Jw301().Set($"{Contact}/Adres/Postcode", "1012ab").Validate());

    [Fact]
    [CoversRule("CD009", RuleOutcome.Fails)]
    public void cd009_periode_on_a_brp_address_fails() =>
        Expect.Level2(
            Jw301().Append(Contact, "<m:Periode><ijw:Begindatum>2026-01-01</ijw:Begindatum></m:Periode>").Validate(),
            "CD009",
            At($"{Contact}/Periode"));

    [Fact]
    [CoversRule("CD009", RuleOutcome.Passes)]
    [CoversRule("CS003", RuleOutcome.Passes)]
    public void cd009_periode_on_a_temporary_address_passes() =>
        Expect.Valid(Jw301().Append("Client/Contactgegevens", SoortVierContact).Validate());

    // ---- CD007: Taal with an interpreter ----

    [Fact]
    [CoversRule("CD007", RuleOutcome.Fails)]
    public void cd007_interpreter_without_taal_fails() =>
        Expect.Level2(
            Jw301().InsertAfter($"{Client}/Naam", "<m:Communicatie><ijw:Vorm>1</ijw:Vorm></m:Communicatie>").Validate(),
            "CD007",
            At($"{Client}/Communicatie/Taal"));

    [Fact]
    [CoversRule("CD007", RuleOutcome.Fails)]
    public void cd007_taal_without_interpreter_fails() =>
        Expect.Level2(
            Jw301().InsertAfter($"{Client}/Naam", "<m:Communicatie><ijw:Vorm>2</ijw:Vorm><ijw:Taal>Pools</ijw:Taal></m:Communicatie>").Validate(),
            "CD007",
            At($"{Client}/Communicatie/Taal"));

    [Theory]
    [CoversRule("CD007", RuleOutcome.Passes)]
    [InlineData("<ijw:Vorm>1</ijw:Vorm><ijw:Taal>Pools</ijw:Taal>")]
    [InlineData("<ijw:Vorm>2</ijw:Vorm>")]
    public void cd007_taal_exactly_with_an_interpreter_passes(string communicatie) =>
        Expect.Valid(Jw301().InsertAfter($"{Client}/Naam", $"<m:Communicatie>{communicatie}</m:Communicatie>").Validate());

    // ---- Product conditions: CD041, CD075–CD080 ----

    [Fact]
    [CoversRule("CD041", RuleOutcome.Fails)]
    public void cd041_specific_product_without_omvang_fails() =>
        Expect.Level2(Jw301().Remove($"{Product}/Omvang").Validate(), "CD041", At($"{Product}/Omvang"));

    [Fact]
    [CoversRule("CD041", RuleOutcome.Passes)]
    public void cd041_aspecific_product_without_omvang_passes() =>
        Expect.Valid(Jw301().Remove($"{Product}/Product/Code").Remove($"{Product}/Omvang").Validate());

    [Fact]
    [CoversRule("CD075", RuleOutcome.Fails)]
    public void cd075_budget_without_einddatum_fails() =>
        Expect.Level2(GenericWithBudget().Remove($"{Product}/Einddatum").Validate(), "CD075", At($"{Product}/Einddatum"));

    [Fact]
    [CoversRule("CD075", RuleOutcome.Passes)]
    [CoversRule("CD077", RuleOutcome.Passes)]
    [CoversRule("CD079", RuleOutcome.Passes)]
    public void cd075_generic_assignment_with_budget_and_einddatum_passes() =>
        Expect.Valid(GenericWithBudget().Validate());

    [Fact]
    [CoversRule("CD076", RuleOutcome.Fails)]
    public void cd076_weekly_omvang_without_einddatum_fails() =>
        Expect.Level2(Jw301().Remove($"{Product}/Einddatum").Validate(), "CD076", At($"{Product}/Einddatum"));

    [Fact]
    [CoversRule("CD076", RuleOutcome.Passes)]
    public void cd076_monthly_omvang_without_einddatum_passes() =>
        Expect.Valid(Jw301().Remove($"{Product}/Einddatum").Set($"{Product}/Omvang/Frequentie", "4").Validate());

    [Fact]
    [CoversRule("CD077", RuleOutcome.Fails)]
    public void cd077_omvang_next_to_a_budget_fails()
    {
        // CD077 and CD078 are the two sides of one condition; the spec lists both, so both are reported.
        Expect.Level2(Jw301().InsertAfter($"{Product}/Omvang", "<m:Budget>500000</m:Budget>").Validate(), "CD077", At($"{Product}/Omvang"), "CD078");
    }

    [Fact]
    [CoversRule("CD078", RuleOutcome.Fails)]
    public void cd078_budget_next_to_an_omvang_fails() =>
        Expect.Level2(Jw301().InsertAfter($"{Product}/Omvang", "<m:Budget>500000</m:Budget>").Validate(), "CD078", At($"{Product}/Budget"), "CD077");

    [Fact]
    [CoversRule("CD078", RuleOutcome.Passes)]
    public void cd078_omvang_without_budget_passes() =>
        Expect.Valid(Jw301().Validate());

    [Fact]
    [CoversRule("CD079", RuleOutcome.Fails)]
    public void cd079_no_product_and_no_budget_fails() =>
        Expect.Level2(Jw301().Remove($"{Product}/Product").Remove($"{Product}/Omvang").Validate(), "CD079", At($"{Product}/Product"));

    [Fact]
    [CoversRule("CD080", RuleOutcome.Fails)]
    public void cd080_aspecific_product_with_omvang_fails() =>
        Expect.Level2(Jw301().Remove($"{Product}/Product/Code").Validate(), "CD080", At($"{Product}/Omvang"));

    [Fact]
    [CoversRule("CD080", RuleOutcome.Passes)]
    public void cd080_aspecific_product_with_omvang_that_ended_in_2020_passes() =>
        Expect.Valid(Jw301()
            .Remove($"{Product}/Product/Code")
            .Set($"{Product}/Ingangsdatum", "2020-01-01")
            .Set($"{Product}/Einddatum", "2020-12-31")
            .Validate());
}
