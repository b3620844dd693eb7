using Berichtenverkeer.Validation.Tests.Support;

namespace Berichtenverkeer.Validation.Tests.Level2;

/// <summary>
/// Level-2 rules of JW325 Declaratie-antwoord (Dagtekening 2026-02-12). Sample "JW325": 225000 submitted, 0 granted,
/// the one prestatie echoed as rejected (9321). Sample "JW325-approved": granted in full (8001), nothing echoed.
/// </summary>
public sealed class DeclarationAnswerRuleTests
{
    private const string Antwoord = "DeclaratieAntwoord";
    private const string Client = "DeclaratieAntwoord/Clienten/Client";
    private const string Prestatie = "DeclaratieAntwoord/Clienten/Client/Prestaties/Prestatie";

    private static string At(string path) => "/Bericht/" + path;

    private static Sample Rejected() => Sample.Load("JW325");

    private static Sample Approved() => Sample.Load("JW325-approved");

    [Theory]
    [CoversRule("TR342", RuleOutcome.Passes)]
    [InlineData("JW325")]
    [InlineData("JW325-approved")]
    public void tr342_answer_consistent_with_its_echoed_prestaties_passes(string sample) =>
        Expect.Valid(Sample.Load(sample).Validate());

    [Fact]
    [CoversRule("TR342", RuleOutcome.Passes)]
    public void tr342_partly_granted_answer_echoing_exactly_the_rejected_amount_passes() =>
        Expect.Valid(Rejected()
            .Set($"{Antwoord}/TotaalIngediendBedrag/TotaalBedrag", "325000")
            .Set($"{Antwoord}/TotaalToegekendBedrag/TotaalBedrag", "100000")
            .Validate());

    [Fact]
    [CoversRule("TR342", RuleOutcome.Fails)]
    public void tr342_echoed_prestaties_not_adding_up_to_submitted_minus_granted_fails() =>
        Expect.Level2(
            Rejected().Set($"{Antwoord}/TotaalToegekendBedrag/TotaalBedrag", "100000").Validate(),
            "TR342",
            At($"{Antwoord}/TotaalToegekendBedrag"));

    [Fact]
    [CoversRule("TR342", RuleOutcome.Fails)]
    public void tr342_echoed_prestatie_without_a_rejection_code_fails() =>
        Expect.Level2(Rejected().Set($"{Prestatie}/RetourCodes/RetourCode", "0200").Validate(), "TR342", At(Prestatie));

    [Fact]
    [CoversRule("TR342", RuleOutcome.Fails)]
    public void tr342_declaration_rejected_as_a_whole_that_still_grants_an_amount_fails() =>
        Expect.Level2(
            Approved().Set($"{Antwoord}/RetourCodes/RetourCode", "9333").Validate(),
            "TR342",
            At(Antwoord));

    [Fact]
    [CoversRule("TR342", RuleOutcome.Passes)]
    public void tr342_declaration_rejected_as_a_whole_granting_nothing_and_echoing_nothing_passes() =>
        Expect.Valid(Approved()
            .Set($"{Antwoord}/TotaalToegekendBedrag/TotaalBedrag", "0")
            .Set($"{Antwoord}/RetourCodes/RetourCode", "9333")
            .Validate());

    [Fact]
    [CoversRule("CS325", RuleOutcome.Fails)]
    public void cs325_zero_granted_total_marked_credit_fails() =>
        Expect.Level2(
            Rejected().Set($"{Antwoord}/TotaalToegekendBedrag/DebetCredit", "C").Validate(),
            "CS325",
            At($"{Antwoord}/TotaalToegekendBedrag"));

    [Fact]
    [CoversRule("CD060", RuleOutcome.Fails)]
    public void cd060_echoed_credit_without_vorigreferentienummer_fails() =>
        Expect.Level2(
            Rejected()
                .Set($"{Prestatie}/IngediendBedrag/DebetCredit", "C")
                .Set($"{Antwoord}/TotaalIngediendBedrag/DebetCredit", "C")
                .Validate(),
            "CD060",
            At($"{Prestatie}/ProductReferentie/VorigReferentieNummer"));

    [Fact]
    [CoversRule("CD060", RuleOutcome.Passes)]
    public void cd060_echoed_credit_with_vorigreferentienummer_passes() =>
        Expect.Valid(Rejected()
            .InsertAfter($"{Prestatie}/ProductReferentie/ReferentieNummer", "<ijw:VorigReferentieNummer>P2025120001</ijw:VorigReferentieNummer>")
            .Set($"{Prestatie}/IngediendBedrag/DebetCredit", "C")
            .Set($"{Antwoord}/TotaalIngediendBedrag/DebetCredit", "C")
            .Validate());

    [Fact]
    [CoversRule("TR137", RuleOutcome.Fails)]
    public void tr137_echoed_productperiode_ending_after_dagtekening_fails() =>
        Expect.Level2(
            Rejected().Set($"{Prestatie}/ProductPeriode/Begindatum", "2026-02-01").Set($"{Prestatie}/ProductPeriode/Einddatum", "2026-02-13").Validate(),
            "TR137",
            At($"{Prestatie}/ProductPeriode/Einddatum"));

    [Fact]
    [CoversRule("TR101", RuleOutcome.Fails)]
    public void tr101_the_same_client_echoed_twice_fails() =>
        Expect.Level2(
            Rejected().Duplicate(Client).Set($"{Antwoord}/TotaalIngediendBedrag/TotaalBedrag", "450000").Validate(),
            "TR101",
            At($"{Client}[2]"));
}
