using Berichtenverkeer.Validation.Tests.Support;

namespace Berichtenverkeer.Validation.Tests.Level2;

/// <summary>
/// Level-2 rules of the requests: JW315 VOT (Dagtekening 2026-01-02, one AangevraagdProduct 45A04 2026-01-05 …
/// 2026-12-31, referred by a GP with an AGB code) and JW317 VOW (Dagtekening 2026-02-16, one TeWijzigenProduct).
/// </summary>
public sealed class RequestRuleTests
{
    private const string Requested = "Client/AangevraagdeProducten/AangevraagdProduct";
    private const string Verzoek = "Client/Verzoek";
    private const string ToChange = "Client/Verzoek/TeWijzigenProducten/TeWijzigenProduct";
    private const string New = "Client/Verzoek/NieuweProducten/NieuwProduct";

    private const string Ongewijzigd =
        "<m:OngewijzigdeProducten><m:OngewijzigdProduct><m:ToewijzingNummer>100001</m:ToewijzingNummer></m:OngewijzigdProduct></m:OngewijzigdeProducten>";

    private static string At(string path) => "/Bericht/" + path;

    private static Sample Jw315() => Sample.Load("JW315");

    private static Sample Jw317() => Sample.Load("JW317");

    private static string NieuwProduct(string ingang = "2026-03-01", string eind = "2026-12-31", string code = "<ijw:Code>46A01</ijw:Code>", string omvang = DefaultOmvang) =>
        $"<m:NieuwProduct><m:Product><ijw:Categorie>46</ijw:Categorie>{code}</m:Product>" +
        $"<m:GewensteIngangsdatum>{ingang}</m:GewensteIngangsdatum><m:Einddatum>{eind}</m:Einddatum>{omvang}</m:NieuwProduct>";

    private const string DefaultOmvang = "<m:Omvang><ijw:Volume>4</ijw:Volume><ijw:Eenheid>04</ijw:Eenheid><ijw:Frequentie>2</ijw:Frequentie></m:Omvang>";

    /// <summary>The sample VOW with its TeWijzigenProduct plus the given NieuwProducts.</summary>
    private static Sample WithNew(params string[] products) =>
        Jw317().Append(Verzoek, $"<m:NieuweProducten>{string.Concat(products)}</m:NieuweProducten>");

    // ---- CD043: BeschikkingIngangsdatum with BeschikkingNummer ----

    [Fact]
    [CoversRule("CD043", RuleOutcome.Fails)]
    public void cd043_beschikkingnummer_without_ingangsdatum_fails() =>
        Expect.Level2(
            Jw315().InsertAfter($"{Requested}/ReferentieAanbieder", "<m:BeschikkingNummer>4711</m:BeschikkingNummer>").Validate(),
            "CD043",
            At($"{Requested}/BeschikkingIngangsdatum"));

    [Fact]
    [CoversRule("CD043", RuleOutcome.Fails)]
    public void cd043_beschikkingingangsdatum_without_nummer_fails() =>
        Expect.Level2(
            Jw315().InsertAfter($"{Requested}/Product", "<m:BeschikkingIngangsdatum>2025-12-15</m:BeschikkingIngangsdatum>").Validate(),
            "CD043",
            At($"{Requested}/BeschikkingIngangsdatum"));

    [Fact]
    [CoversRule("CD043", RuleOutcome.Passes)]
    public void cd043_beschikkingnummer_with_ingangsdatum_passes() =>
        Expect.Valid(Jw315()
            .InsertAfter($"{Requested}/ReferentieAanbieder", "<m:BeschikkingNummer>4711</m:BeschikkingNummer>")
            .InsertAfter($"{Requested}/Product", "<m:BeschikkingIngangsdatum>2025-12-15</m:BeschikkingIngangsdatum>")
            .Validate());

    // ---- CD066–CD068: the referrer ----

    [Fact]
    [CoversRule("CD066", RuleOutcome.Fails)]
    public void cd066_gp_with_agb_code_and_a_name_fails() =>
        Expect.Level2(
            Jw315().InsertAfter($"{Requested}/Verwijzer/Type", "<ijw:Naam>Huisartsenpraktijk Oost</ijw:Naam>").Validate(),
            "CD066",
            At($"{Requested}/Verwijzer"));

    [Fact]
    [CoversRule("CD066", RuleOutcome.Passes)]
    public void cd066_gp_with_only_an_agb_code_passes() =>
        Expect.Valid(Jw315().Validate());

    [Fact]
    [CoversRule("CD067", RuleOutcome.Fails)]
    public void cd067_gp_without_agb_code_and_without_name_fails() =>
        Expect.Level2(Jw315().Remove($"{Requested}/Verwijzer/ZorgverlenerCode").Validate(), "CD067", At($"{Requested}/Verwijzer"));

    [Theory]
    [CoversRule("CD067", RuleOutcome.Passes)]
    [InlineData("02")]
    [InlineData("05")]
    public void cd067_professional_referrer_named_without_agb_code_passes(string type) =>
        Expect.Valid(Jw315()
            .Set($"{Requested}/Verwijzer/Type", type)
            .Replace($"{Requested}/Verwijzer/ZorgverlenerCode", "<ijw:Naam>Dr. Jansen</ijw:Naam>")
            .Validate());

    [Theory]
    [CoversRule("CD068", RuleOutcome.Fails)]
    [InlineData("01")]
    [InlineData("06")]
    [InlineData("08")]
    public void cd068_non_professional_referrer_with_agb_code_fails(string type) =>
        Expect.Level2(Jw315().Set($"{Requested}/Verwijzer/Type", type).Validate(), "CD068", At($"{Requested}/Verwijzer"));

    [Fact]
    [CoversRule("CD068", RuleOutcome.Passes)]
    public void cd068_non_professional_referrer_without_agb_code_passes() =>
        Expect.Valid(Jw315().Set($"{Requested}/Verwijzer/Type", "01").Remove($"{Requested}/Verwijzer/ZorgverlenerCode").Validate());

    // ---- CD095 / CS343 / product conditions in a VOT ----

    [Fact]
    [CoversRule("CD095", RuleOutcome.Fails)]
    public void cd095_aspecific_requested_product_with_omvang_fails() =>
        Expect.Level2(Jw315().Remove($"{Requested}/Product/Code").Validate(), "CD095", At($"{Requested}/Omvang"));

    [Fact]
    [CoversRule("CD095", RuleOutcome.Passes)]
    public void cd095_aspecific_requested_product_with_omvang_ending_in_2020_passes() =>
        Expect.Valid(Jw315()
            .Remove($"{Requested}/Product/Code")
            .Set($"{Requested}/ToewijzingIngangsdatum", "2020-01-01")
            .Set($"{Requested}/ToewijzingEinddatum", "2020-12-31")
            .Validate());

    [Fact]
    [CoversRule("CS343", RuleOutcome.Fails)]
    public void cs343_euros_per_day_in_a_vot_fails() =>
        Expect.Level2(
            Jw315().Set($"{Requested}/Omvang/Eenheid", "83").Set($"{Requested}/Omvang/Frequentie", "1").Validate(),
            "CS343",
            At($"{Requested}/Omvang/Frequentie"));

    [Fact]
    [CoversRule("CS343", RuleOutcome.Passes)]
    public void cs343_euros_per_month_in_a_vot_passes() =>
        Expect.Valid(Jw315().Set($"{Requested}/Omvang/Eenheid", "83").Set($"{Requested}/Omvang/Frequentie", "4").Validate());

    [Fact]
    [CoversRule("CD079", RuleOutcome.Fails)]
    public void cd079_requested_product_without_product_and_budget_fails() =>
        Expect.Level2(Jw315().Remove($"{Requested}/Product").Remove($"{Requested}/Omvang").Validate(), "CD079", At($"{Requested}/Product"));

    [Fact]
    [CoversRule("CD076", RuleOutcome.Fails)]
    public void cd076_weekly_request_without_toewijzingeinddatum_fails() =>
        Expect.Level2(Jw315().Remove($"{Requested}/ToewijzingEinddatum").Validate(), "CD076", At($"{Requested}/ToewijzingEinddatum"));

    [Fact]
    [CoversRule("CD075", RuleOutcome.Fails)]
    public void cd075_requested_budget_without_toewijzingeinddatum_fails() =>
        Expect.Level2(
            Jw315().Remove($"{Requested}/Product").Replace($"{Requested}/Omvang", "<m:Budget>250000</m:Budget>").Remove($"{Requested}/ToewijzingEinddatum").Validate(),
            "CD075",
            At($"{Requested}/ToewijzingEinddatum"));

    [Fact]
    [CoversRule("CS003", RuleOutcome.Fails)]
    public void cs003_requested_einddatum_before_ingangsdatum_fails() =>
        Expect.Level2(Jw315().Set($"{Requested}/ToewijzingEinddatum", "2026-01-04").Validate(), "CS003", At($"{Requested}/ToewijzingEinddatum"));

    // ---- TR383 / TR386: products within one VOT ----

    private static Sample TwoRequests(string secondReferentie, string ingang, string eind) => Jw315()
        .Duplicate(Requested)
        .Set($"{Requested}[2]/ReferentieAanbieder", secondReferentie)
        .Set($"{Requested}[2]/ToewijzingIngangsdatum", ingang)
        .Set($"{Requested}[2]/ToewijzingEinddatum", eind);

    [Fact]
    [CoversRule("TR383", RuleOutcome.Fails)]
    [CoversRule("TR101", RuleOutcome.Fails)]
    public void tr383_two_requested_products_with_the_same_referentie_fail()
    {
        // ReferentieAanbieder is also the logical key of AangevraagdProduct, so TR101 reports the same duplicate.
        var result = TwoRequests("VOT-2026-0001", "2027-01-01", "2027-12-31").Validate();

        Expect.Level2(result, "TR383", At($"{Requested}[2]/ReferentieAanbieder"), "TR101");
        Expect.Level2(result, "TR101", At($"{Requested}[2]"), "TR383");
    }

    [Fact]
    [CoversRule("TR383", RuleOutcome.Passes)]
    [CoversRule("TR386", RuleOutcome.Passes)]
    public void tr386_same_product_requested_for_consecutive_periods_passes() =>
        Expect.Valid(TwoRequests("VOT-2026-0002", "2027-01-01", "2027-12-31").Validate());

    [Fact]
    [CoversRule("TR386", RuleOutcome.Fails)]
    public void tr386_same_product_requested_twice_for_overlapping_periods_fails() =>
        Expect.Level2(TwoRequests("VOT-2026-0002", "2026-06-01", "2026-12-31").Validate(), "TR386", At($"{Requested}[2]"));

    [Fact]
    [CoversRule("TR386", RuleOutcome.Fails)]
    public void tr386_generic_request_overlapping_any_other_request_fails() =>
        Expect.Level2(
            TwoRequests("VOT-2026-0002", "2026-06-01", "2026-12-31")
                .Remove($"{Requested}[2]/Product")
                .Replace($"{Requested}[2]/Omvang", "<m:Budget>250000</m:Budget>")
                .Validate(),
            "TR386",
            At($"{Requested}[2]"));

    // ---- JW317: TR352, TR353, TR380, TR410, CD096 and the product conditions ----

    [Fact]
    [CoversRule("TR352", RuleOutcome.Fails)]
    public void tr352_vow_with_only_new_products_fails() =>
        Expect.Level2(
            Jw317().Replace($"{Verzoek}/TeWijzigenProducten", $"<m:NieuweProducten>{NieuwProduct()}</m:NieuweProducten>").Validate(),
            "TR352",
            At(Verzoek));

    [Fact]
    [CoversRule("TR352", RuleOutcome.Passes)]
    [CoversRule("TR353", RuleOutcome.Passes)]
    public void tr352_vow_with_an_unchanged_assignment_and_a_new_product_passes() =>
        Expect.Valid(Jw317()
            .Replace($"{Verzoek}/TeWijzigenProducten", Ongewijzigd + $"<m:NieuweProducten>{NieuwProduct()}</m:NieuweProducten>")
            .Validate());

    [Fact]
    [CoversRule("TR353", RuleOutcome.Fails)]
    public void tr353_vow_with_only_unchanged_assignments_fails() =>
        Expect.Level2(Jw317().Replace($"{Verzoek}/TeWijzigenProducten", Ongewijzigd).Validate(), "TR353", At(Verzoek));

    [Fact]
    [CoversRule("TR353", RuleOutcome.Passes)]
    public void tr353_vow_with_a_product_to_change_passes() =>
        Expect.Valid(Jw317().Validate());

    [Fact]
    [CoversRule("TR380", RuleOutcome.Fails)]
    public void tr380_new_product_starting_on_the_dagtekening_fails() =>
        Expect.Level2(WithNew(NieuwProduct(ingang: "2026-02-16")).Validate(), "TR380", At($"{New}/GewensteIngangsdatum"));

    [Fact]
    [CoversRule("TR380", RuleOutcome.Passes)]
    public void tr380_new_product_starting_the_day_after_the_dagtekening_passes() =>
        Expect.Valid(WithNew(NieuwProduct(ingang: "2026-02-17")).Validate());

    [Fact]
    [CoversRule("TR380", RuleOutcome.Passes)]
    public void tr380_does_not_apply_to_a_product_to_change_from_its_original_ingangsdatum() =>
        Expect.Valid(Jw317().Set($"{ToChange}/GewensteIngangsdatum", "2026-01-05").Validate());

    [Fact]
    [CoversRule("TR410", RuleOutcome.Fails)]
    public void tr410_same_new_product_twice_with_overlapping_periods_fails() =>
        Expect.Level2(
            WithNew(NieuwProduct("2026-03-01", "2026-12-31"), NieuwProduct("2026-06-01", "2026-12-31")).Validate(),
            "TR410",
            At($"{New}[2]"));

    [Fact]
    [CoversRule("TR410", RuleOutcome.Passes)]
    public void tr410_same_new_product_in_consecutive_periods_passes() =>
        Expect.Valid(WithNew(NieuwProduct("2026-03-01", "2026-12-31"), NieuwProduct("2027-01-01", "2027-12-31")).Validate());

    [Fact]
    [CoversRule("TR101", RuleOutcome.Fails)]
    public void tr101_the_same_product_to_change_twice_fails() =>
        Expect.Level2(Jw317().Duplicate(ToChange).Validate(), "TR101", At($"{ToChange}[2]"));

    [Fact]
    [CoversRule("CD096", RuleOutcome.Fails)]
    public void cd096_aspecific_new_product_with_omvang_fails() =>
        Expect.Level2(WithNew(NieuwProduct(code: string.Empty)).Validate(), "CD096", At($"{New}/Omvang"));

    [Fact]
    [CoversRule("CD096", RuleOutcome.Passes)]
    public void cd096_aspecific_new_product_without_omvang_passes() =>
        Expect.Valid(WithNew(NieuwProduct(code: string.Empty, omvang: string.Empty)).Validate());

    [Fact]
    [CoversRule("CD041", RuleOutcome.Fails)]
    public void cd041_specific_new_product_without_omvang_fails() =>
        Expect.Level2(WithNew(NieuwProduct(omvang: string.Empty)).Validate(), "CD041", At($"{New}/Omvang"));

    [Fact]
    [CoversRule("CS338", RuleOutcome.Fails)]
    public void cs338_product_to_change_in_etmalen_per_day_fails() =>
        Expect.Level2(
            Jw317().Set($"{ToChange}/Omvang/Eenheid", "14").Set($"{ToChange}/Omvang/Frequentie", "1").Validate(),
            "CS338",
            At($"{ToChange}/Omvang/Frequentie"));

    [Fact]
    [CoversRule("CS003", RuleOutcome.Fails)]
    public void cs003_product_to_change_ending_before_its_gewenste_ingangsdatum_fails() =>
        Expect.Level2(Jw317().Set($"{ToChange}/Einddatum", "2026-01-04").Validate(), "CS003", At($"{ToChange}/Einddatum"));

    [Fact]
    [CoversRule("CD075", RuleOutcome.Fails)]
    public void cd075_product_to_change_with_budget_but_no_einddatum_fails() =>
        Expect.Level2(
            Jw317().Replace($"{ToChange}/Omvang", "<m:Budget>250000</m:Budget>").Remove($"{ToChange}/Einddatum").Validate(),
            "CD075",
            At($"{ToChange}/Einddatum"));

    [Fact]
    [CoversRule("CD076", RuleOutcome.Fails)]
    public void cd076_new_weekly_product_without_einddatum_fails()
    {
        var product = NieuwProduct().Replace("<m:Einddatum>2026-12-31</m:Einddatum>", string.Empty, StringComparison.Ordinal);
        Expect.Level2(WithNew(product).Validate(), "CD076", At($"{New}/Einddatum"));
    }

    [Fact]
    [CoversRule("CD077", RuleOutcome.Fails)]
    [CoversRule("CD078", RuleOutcome.Fails)]
    public void cd077_cd078_product_to_change_with_omvang_and_budget_fails()
    {
        var result = Jw317().InsertAfter($"{ToChange}/Omvang", "<m:Budget>250000</m:Budget>").Validate();

        Expect.Level2(result, "CD077", At($"{ToChange}/Omvang"), "CD078");
        Expect.Level2(result, "CD078", At($"{ToChange}/Budget"), "CD077");
    }
}
