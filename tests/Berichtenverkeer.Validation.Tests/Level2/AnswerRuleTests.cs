using Berichtenverkeer.Validation.Tests.Support;

namespace Berichtenverkeer.Validation.Tests.Level2;

/// <summary>Level-2 rules of JW319 Antwoordbericht (sample: VOW-2026-0001 "under investigation", no reason).</summary>
public sealed class AnswerRuleTests
{
    private const string Antwoord = "Antwoord";
    private const string Woonplaatsbeginsel = "<m:Woonplaatsbeginsel><m:Gemeente>0344</m:Gemeente></m:Woonplaatsbeginsel>";

    private static string At(string path) => "/Bericht/" + path;

    private static Sample Answer(string verzoekAntwoord, string? reden = null, bool woonplaatsbeginsel = false)
    {
        var sample = Sample.Load("JW319").Set($"{Antwoord}/VerzoekAntwoord", verzoekAntwoord);
        var extra = (reden is null ? string.Empty : $"<m:RedenAfwijzingVerzoek>{reden}</m:RedenAfwijzingVerzoek>")
            + (woonplaatsbeginsel ? Woonplaatsbeginsel : string.Empty);
        return extra.Length == 0 ? sample : sample.Append(Antwoord, extra);
    }

    [Fact]
    [CoversRule("CD085", RuleOutcome.Fails)]
    public void cd085_rejection_without_reason_fails() =>
        Expect.Level2(Answer("1").Validate(), "CD085", At($"{Antwoord}/RedenAfwijzingVerzoek"));

    [Fact]
    [CoversRule("CD085", RuleOutcome.Passes)]
    [CoversRule("TR409", RuleOutcome.Passes)]
    public void cd085_rejection_with_a_reason_passes() =>
        Expect.Valid(Answer("1", "3").Validate());

    [Fact]
    [CoversRule("CD086", RuleOutcome.Fails)]
    public void cd086_under_investigation_with_a_reason_fails() =>
        Expect.Level2(Answer("2", "3").Validate(), "CD086", At($"{Antwoord}/RedenAfwijzingVerzoek"));

    [Fact]
    [CoversRule("CD086", RuleOutcome.Passes)]
    public void cd086_under_investigation_without_a_reason_passes() =>
        Expect.Valid(Answer("2").Validate());

    [Fact]
    [CoversRule("TR377", RuleOutcome.Fails)]
    public void tr377_woonplaatsbeginsel_rejection_without_the_responsible_municipality_fails() =>
        Expect.Level2(Answer("1", "8").Validate(), "TR377", At($"{Antwoord}/Woonplaatsbeginsel"));

    [Fact]
    [CoversRule("TR377", RuleOutcome.Passes)]
    [CoversRule("TR409", RuleOutcome.Passes)]
    public void tr377_woonplaatsbeginsel_rejection_naming_the_municipality_passes() =>
        Expect.Valid(Answer("1", "8", woonplaatsbeginsel: true).Validate());

    [Fact]
    [CoversRule("TR409", RuleOutcome.Fails)]
    public void tr409_woonplaatsbeginsel_with_another_reason_fails() =>
        Expect.Level2(Answer("1", "3", woonplaatsbeginsel: true).Validate(), "TR409", At($"{Antwoord}/Woonplaatsbeginsel"));

    [Fact]
    [CoversRule("TR409", RuleOutcome.Fails)]
    public void tr409_woonplaatsbeginsel_while_under_investigation_fails() =>
        Expect.Level2(Answer("2", woonplaatsbeginsel: true).Validate(), "TR409", At($"{Antwoord}/Woonplaatsbeginsel"));
}
