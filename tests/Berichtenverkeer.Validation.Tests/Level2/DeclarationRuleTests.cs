using Berichtenverkeer.Validation.Tests.Support;

namespace Berichtenverkeer.Validation.Tests.Level2;

/// <summary>
/// Level-2 rules of JW323 Declaratie. The sample (Dagtekening and DeclaratieDagtekening 2026-02-05) declares January
/// 2026 with one debit prestatie P2026010001 of 30 hours × € 75 = 225000 cents for assignment 100001 (2026-01-05 … 31).
/// </summary>
public sealed class DeclarationRuleTests
{
    private const string Declaratie = "Declaratie";
    private const string Client = "Declaratie/Clienten/Client";
    private const string Prestatie = "Declaratie/Clienten/Client/Prestaties/Prestatie";

    private static string At(string path) => "/Bericht/" + path;

    private static Sample Jw323() => Sample.Load("JW323");

    private static Sample Totaal(Sample sample, long bedrag, string debetCredit = "D") => sample
        .Set($"{Declaratie}/TotaalIngediendBedrag/TotaalBedrag", bedrag.ToString(System.Globalization.CultureInfo.InvariantCulture))
        .Set($"{Declaratie}/TotaalIngediendBedrag/DebetCredit", debetCredit);

    private static Sample ProductPeriode(Sample sample, string begin, string end, string prestatie = Prestatie) => sample
        .Set($"{prestatie}/ProductPeriode/Begindatum", begin)
        .Set($"{prestatie}/ProductPeriode/Einddatum", end);

    private static Sample DeclaratiePeriode(Sample sample, string begin, string end) => sample
        .Set($"{Declaratie}/DeclaratiePeriode/Begindatum", begin)
        .Set($"{Declaratie}/DeclaratiePeriode/Einddatum", end);

    /// <summary>Makes the prestatie at <paramref name="prestatie"/> a credit of the debit <paramref name="vorig"/>.</summary>
    private static Sample Credit(Sample sample, string vorig, string prestatie = Prestatie) => sample
        .InsertAfter($"{prestatie}/ProductReferentie/ReferentieNummer", $"<ijw:VorigReferentieNummer>{vorig}</ijw:VorigReferentieNummer>")
        .Set($"{prestatie}/IngediendBedrag/DebetCredit", "C");

    /// <summary>A second prestatie, a copy of the first with its own ReferentieNummer.</summary>
    private static Sample TwoPrestaties(Sample sample) => sample
        .Duplicate(Prestatie)
        .Set($"{Prestatie}[2]/ProductReferentie/ReferentieNummer", "P2026010002");

    /// <summary>A prestatie in euros (Eenheid 83): the volume is the amount, there is no tariff.</summary>
    private static Sample InEuros(Sample sample, long bedrag) => sample
        .Set($"{Prestatie}/GeleverdVolume", "225000")
        .Set($"{Prestatie}/Eenheid", "83")
        .Remove($"{Prestatie}/ProductTarief")
        .Set($"{Prestatie}/IngediendBedrag/Bedrag", bedrag.ToString(System.Globalization.CultureInfo.InvariantCulture));

    // ---- CS100: periods from 2021 ----

    [Fact]
    [CoversRule("CS100", RuleOutcome.Fails)]
    public void cs100_declaratieperiode_in_2020_fails() =>
        Expect.Level2(DeclaratiePeriode(Jw323(), "2020-12-01", "2020-12-31").Validate(), "CS100", At($"{Declaratie}/DeclaratiePeriode"));

    [Fact]
    [CoversRule("CS100", RuleOutcome.Fails)]
    public void cs100_productperiode_in_2020_fails()
    {
        // The DeclaratieDagtekening moves back so that TR335 (five years) does not fire as well.
        var sample = ProductPeriode(Jw323(), "2020-12-05", "2020-12-31").Set($"{Declaratie}/DeclaratieDagtekening", "2025-12-31");
        Expect.Level2(sample.Validate(), "CS100", At($"{Prestatie}/ProductPeriode"));
    }

    [Fact]
    [CoversRule("CS100", RuleOutcome.Passes)]
    public void cs100_declaratieperiode_january_2021_passes() =>
        Expect.Valid(DeclaratiePeriode(Jw323(), "2021-01-01", "2021-01-31").Validate());

    // ---- CS340: one whole calendar month ----

    [Theory]
    [CoversRule("CS340", RuleOutcome.Fails)]
    [InlineData("2026-01-01", "2026-01-30")]
    [InlineData("2026-01-02", "2026-01-31")]
    [InlineData("2025-12-01", "2026-01-31")]
    [InlineData("2024-02-01", "2024-02-28")]
    public void cs340_declaratieperiode_not_a_whole_month_fails(string begin, string end) =>
        Expect.Level2(DeclaratiePeriode(Jw323(), begin, end).Validate(), "CS340", At($"{Declaratie}/DeclaratiePeriode"));

    [Theory]
    [CoversRule("CS340", RuleOutcome.Passes)]
    [InlineData("2026-01-01", "2026-01-31")]
    [InlineData("2024-02-01", "2024-02-29")]
    [InlineData("2025-11-01", "2025-11-30")]
    public void cs340_declaratieperiode_whole_month_passes(string begin, string end) =>
        Expect.Valid(DeclaratiePeriode(Jw323(), begin, end).Validate());

    // ---- CS319: the XSD has the same pattern, so only the rule itself can show it (RuleUnitTests) ----

    // ---- CS325: zero is debit ----

    [Fact]
    [CoversRule("CS325", RuleOutcome.Fails)]
    public void cs325_zero_total_marked_credit_fails() =>
        Expect.Level2(
            Totaal(Jw323().Set($"{Prestatie}/IngediendBedrag/Bedrag", "0"), 0, "C").Validate(),
            "CS325",
            At($"{Declaratie}/TotaalIngediendBedrag"));

    [Fact]
    [CoversRule("CS325", RuleOutcome.Fails)]
    public void cs325_zero_prestatie_marked_credit_fails() =>
        Expect.Level2(
            Totaal(Credit(Jw323(), "P2025120001").Set($"{Prestatie}/IngediendBedrag/Bedrag", "0"), 0).Validate(),
            "CS325",
            At($"{Prestatie}/IngediendBedrag"));

    [Fact]
    [CoversRule("CS325", RuleOutcome.Passes)]
    public void cs325_zero_amounts_marked_debit_pass() =>
        Expect.Valid(Totaal(Jw323().Set($"{Prestatie}/IngediendBedrag/Bedrag", "0"), 0).Validate());

    // ---- CD060: VorigReferentieNummer exactly on credits ----

    [Fact]
    [CoversRule("CD060", RuleOutcome.Fails)]
    public void cd060_credit_without_vorigreferentienummer_fails() =>
        Expect.Level2(
            Totaal(Jw323().Set($"{Prestatie}/IngediendBedrag/DebetCredit", "C"), 225000, "C").Validate(),
            "CD060",
            At($"{Prestatie}/ProductReferentie/VorigReferentieNummer"));

    [Fact]
    [CoversRule("CD060", RuleOutcome.Fails)]
    public void cd060_debit_with_vorigreferentienummer_fails() =>
        Expect.Level2(
            Jw323().InsertAfter($"{Prestatie}/ProductReferentie/ReferentieNummer", "<ijw:VorigReferentieNummer>P2025120001</ijw:VorigReferentieNummer>").Validate(),
            "CD060",
            At($"{Prestatie}/ProductReferentie/VorigReferentieNummer"));

    [Fact]
    [CoversRule("CD060", RuleOutcome.Passes)]
    public void cd060_credit_naming_the_debit_it_credits_passes() =>
        Expect.Valid(Totaal(Credit(Jw323(), "P2025120001"), 225000, "C").Validate());

    // ---- CD087 / CS339: tariff and euros ----

    [Fact]
    [CoversRule("CD087", RuleOutcome.Fails)]
    public void cd087_hours_without_producttarief_fails() =>
        Expect.Level2(Jw323().Remove($"{Prestatie}/ProductTarief").Validate(), "CD087", At($"{Prestatie}/ProductTarief"));

    [Fact]
    [CoversRule("CD087", RuleOutcome.Fails)]
    public void cd087_euros_with_producttarief_fails() =>
        Expect.Level2(
            Totaal(InEuros(Jw323(), 225000).InsertAfter($"{Prestatie}/Eenheid", "<m:ProductTarief>100</m:ProductTarief>"), 225000).Validate(),
            "CD087",
            At($"{Prestatie}/ProductTarief"));

    [Fact]
    [CoversRule("CD087", RuleOutcome.Passes)]
    [CoversRule("CS339", RuleOutcome.Passes)]
    public void cd087_euros_without_producttarief_and_amount_equal_to_volume_passes() =>
        Expect.Valid(Totaal(InEuros(Jw323(), 225000), 225000).Validate());

    [Fact]
    [CoversRule("CS339", RuleOutcome.Fails)]
    public void cs339_euros_with_amount_other_than_volume_fails() =>
        Expect.Level2(Totaal(InEuros(Jw323(), 225001), 225001).Validate(), "CS339", At($"{Prestatie}/IngediendBedrag/Bedrag"));

    [Fact]
    [CoversRule("CS339", RuleOutcome.Passes)]
    public void cs339_hours_with_amount_other_than_volume_passes() =>
        Expect.Valid(Jw323().Validate());

    // ---- CS337: ProductPeriode within one month ----

    [Fact]
    [CoversRule("CS337", RuleOutcome.Fails)]
    public void cs337_productperiode_spanning_two_months_fails() =>
        Expect.Level2(ProductPeriode(Jw323(), "2025-12-15", "2026-01-31").Validate(), "CS337", At($"{Prestatie}/ProductPeriode/Einddatum"));

    [Fact]
    [CoversRule("CS337", RuleOutcome.Fails)]
    public void cs337_productperiode_same_month_of_another_year_fails() =>
        Expect.Level2(ProductPeriode(Jw323(), "2025-01-15", "2026-01-31").Validate(), "CS337", At($"{Prestatie}/ProductPeriode/Einddatum"));

    [Fact]
    [CoversRule("CS337", RuleOutcome.Passes)]
    public void cs337_productperiode_whole_month_passes() =>
        Expect.Valid(ProductPeriode(Jw323(), "2026-01-01", "2026-01-31").Validate());

    // ---- TR137: closed period end ----

    [Fact]
    [CoversRule("TR137", RuleOutcome.Fails)]
    public void tr137_productperiode_ending_after_dagtekening_fails() =>
        Expect.Level2(ProductPeriode(Jw323(), "2026-02-01", "2026-02-28").Validate(), "TR137", At($"{Prestatie}/ProductPeriode/Einddatum"));

    [Fact]
    [CoversRule("TR137", RuleOutcome.Fails)]
    public void tr137_productperiode_ending_before_it_begins_fails() =>
        Expect.Level2(ProductPeriode(Jw323(), "2026-01-20", "2026-01-10").Validate(), "TR137", At($"{Prestatie}/ProductPeriode/Einddatum"));

    [Fact]
    [CoversRule("TR137", RuleOutcome.Fails)]
    [CoversRule("TR134", RuleOutcome.Fails)]
    public void tr137_tr134_declaratieperiode_after_dagtekening_fails()
    {
        // A DeclaratiePeriode that begins after the Dagtekening also ends after it: TR134 and TR137 both apply.
        var result = DeclaratiePeriode(Jw323(), "2026-03-01", "2026-03-31").Validate();

        Expect.Level2(result, "TR137", At($"{Declaratie}/DeclaratiePeriode/Einddatum"), "TR134");
        Expect.Level2(result, "TR134", At($"{Declaratie}/DeclaratiePeriode/Begindatum"), "TR137");
    }

    [Fact]
    [CoversRule("TR137", RuleOutcome.Passes)]
    [CoversRule("TR134", RuleOutcome.Passes)]
    public void tr137_productperiode_ending_on_the_dagtekening_passes() =>
        Expect.Valid(ProductPeriode(Jw323(), "2026-02-01", "2026-02-05").Validate());

    // ---- TR315 / TR316: crediting ----

    [Fact]
    [CoversRule("TR315", RuleOutcome.Fails)]
    public void tr315_the_same_debit_credited_twice_fails()
    {
        var sample = TwoPrestaties(Credit(Jw323(), "P2025120001"));
        Expect.Level2(Totaal(sample, 450000, "C").Validate(), "TR315", At($"{Prestatie}[2]/ProductReferentie/VorigReferentieNummer"));
    }

    [Fact]
    [CoversRule("TR315", RuleOutcome.Passes)]
    public void tr315_two_credits_of_different_debits_pass()
    {
        var sample = TwoPrestaties(Credit(Jw323(), "P2025120001")).Set($"{Prestatie}[2]/ProductReferentie/VorigReferentieNummer", "P2025110001");
        Expect.Valid(Totaal(sample, 450000, "C").Validate());
    }

    [Fact]
    [CoversRule("TR316", RuleOutcome.Fails)]
    public void tr316_debit_credited_in_the_same_message_fails()
    {
        var sample = Credit(TwoPrestaties(Jw323()), "P2026010001", $"{Prestatie}[2]");
        Expect.Level2(Totaal(sample, 0).Validate(), "TR316", At($"{Prestatie}[2]/ProductReferentie/VorigReferentieNummer"));
    }

    [Fact]
    [CoversRule("TR316", RuleOutcome.Passes)]
    [CoversRule("TR358", RuleOutcome.Passes)]
    public void tr316_credit_of_an_earlier_debit_next_to_a_new_debit_passes()
    {
        // IV086: a credit of an earlier declaration and a new debit may share one message.
        var sample = Credit(TwoPrestaties(Jw323()), "P2025120001", $"{Prestatie}[2]");
        Expect.Valid(Totaal(sample, 0).Validate());
    }

    // ---- TR335: not older than five years ----

    [Fact]
    [CoversRule("TR335", RuleOutcome.Fails)]
    public void tr335_productperiode_ending_more_than_five_years_before_declaratiedagtekening_fails() =>
        Expect.Level2(ProductPeriode(Jw323(), "2021-02-01", "2021-02-04").Validate(), "TR335", At($"{Prestatie}/ProductPeriode/Einddatum"));

    [Fact]
    [CoversRule("TR335", RuleOutcome.Passes)]
    public void tr335_productperiode_ending_exactly_five_years_before_declaratiedagtekening_passes() =>
        Expect.Valid(ProductPeriode(Jw323(), "2021-02-01", "2021-02-05").Validate());

    // ---- TR358: the total is the signed sum ----

    [Fact]
    [CoversRule("TR358", RuleOutcome.Fails)]
    public void tr358_total_differing_from_the_sum_of_prestaties_fails() =>
        Expect.Level2(Totaal(Jw323(), 225001).Validate(), "TR358", At($"{Declaratie}/TotaalIngediendBedrag"));

    [Fact]
    [CoversRule("TR358", RuleOutcome.Fails)]
    public void tr358_total_with_the_wrong_sign_fails() =>
        Expect.Level2(Totaal(Jw323(), 225000, "C").Validate(), "TR358", At($"{Declaratie}/TotaalIngediendBedrag"));

    [Fact]
    [CoversRule("TR358", RuleOutcome.Passes)]
    public void tr358_negative_net_total_expressed_as_credit_passes()
    {
        // Debit 225000 and a credit of an earlier 300000: net −75000, sent as 75000 C.
        var sample = Credit(TwoPrestaties(Jw323()), "P2025120001", $"{Prestatie}[2]").Set($"{Prestatie}[2]/IngediendBedrag/Bedrag", "300000");
        Expect.Valid(Totaal(sample, 75000, "C").Validate());
    }

    // ---- TR416: one debit per assignment, product and period ----

    [Fact]
    [CoversRule("TR416", RuleOutcome.Fails)]
    public void tr416_two_debits_for_the_same_product_period_fail() =>
        Expect.Level2(Totaal(TwoPrestaties(Jw323()), 450000).Validate(), "TR416", At($"{Prestatie}[2]"));

    [Fact]
    [CoversRule("TR416", RuleOutcome.Passes)]
    public void tr416_two_debits_for_adjacent_product_periods_pass()
    {
        var sample = ProductPeriode(ProductPeriode(TwoPrestaties(Jw323()), "2026-01-05", "2026-01-15", $"{Prestatie}[1]"), "2026-01-16", "2026-01-31", $"{Prestatie}[2]");
        Expect.Valid(Totaal(sample, 450000).Validate());
    }

    // ---- TR101 and CS002 on the clients of a declaration ----

    [Fact]
    [CoversRule("TR101", RuleOutcome.Fails)]
    public void tr101_the_same_client_twice_in_a_declaration_fails()
    {
        var sample = Jw323()
            .Duplicate(Client)
            .Set($"{Client}[2]/Prestaties/Prestatie/ProductReferentie/ReferentieNummer", "P2026010002")
            .Set($"{Client}[2]/Prestaties/Prestatie/ToewijzingNummer", "100002");

        Expect.Level2(Totaal(sample, 450000).Validate(), "TR101", At($"{Client}[2]"));
    }

    [Fact]
    [CoversRule("TR101", RuleOutcome.Passes)]
    public void tr101_two_clients_in_a_declaration_pass()
    {
        var sample = Jw323()
            .Duplicate(Client)
            .Set($"{Client}[2]/Bsn", "999900018")
            .Set($"{Client}[2]/Prestaties/Prestatie/ProductReferentie/ReferentieNummer", "P2026010002")
            .Set($"{Client}[2]/Prestaties/Prestatie/ToewijzingNummer", "100002");

        Expect.Valid(Totaal(sample, 450000).Validate());
    }

    [Fact]
    [CoversRule("CS002", RuleOutcome.Fails)]
    public void cs002_second_client_of_a_declaration_failing_the_11_test_fails()
    {
        var sample = Jw323()
            .Duplicate(Client)
            .Set($"{Client}[2]/Bsn", "999900019")
            .Set($"{Client}[2]/Prestaties/Prestatie/ProductReferentie/ReferentieNummer", "P2026010002")
            .Set($"{Client}[2]/Prestaties/Prestatie/ToewijzingNummer", "100002");

        Expect.Level2(Totaal(sample, 450000).Validate(), "CS002", At($"{Client}[2]/Bsn"));
    }
}
