using Berichtenverkeer.Validation.Tests.Support;

namespace Berichtenverkeer.Validation.Tests.Level2;

/// <summary>
/// Level-2 rules of JW305 (start, Dagtekening 2026-01-07, start of assignment 100001 on 2026-01-05) and JW307
/// (stop, Dagtekening 2026-03-03, definitive stop with reason 34 on 2026-02-27).
/// </summary>
public sealed class StartStopRuleTests
{
    private const string Start = "Client/StartProducten/StartProduct";
    private const string Stop = "Client/StopProducten/StopProduct";

    private static string At(string path) => "/Bericht/" + path;

    // ---- CS058: StatusAanlevering 1 or 3 ----

    [Theory]
    [CoversRule("CS058", RuleOutcome.Fails)]
    [InlineData("2")]
    [InlineData("9")]
    public void cs058_start_with_status_other_than_1_or_3_fails(string status) =>
        Expect.Level2(Sample.Load("JW305").Set($"{Start}/StatusAanlevering", status).Validate(), "CS058", At($"{Start}/StatusAanlevering"));

    [Fact]
    [CoversRule("CS058", RuleOutcome.Fails)]
    public void cs058_stop_with_status_2_fails() =>
        Expect.Level2(Sample.Load("JW307").Set($"{Stop}/StatusAanlevering", "2").Validate(), "CS058", At($"{Stop}/StatusAanlevering"));

    [Theory]
    [CoversRule("CS058", RuleOutcome.Passes)]
    [InlineData("JW305", Start)]
    [InlineData("JW307", Stop)]
    public void cs058_delete_delivery_status_3_passes(string sample, string product) =>
        Expect.Valid(Sample.Load(sample).Set($"{product}/StatusAanlevering", "3").Validate());

    // ---- TR018: stop Einddatum not before Begindatum ----

    [Fact]
    [CoversRule("TR018", RuleOutcome.Fails)]
    public void tr018_stop_einddatum_before_begindatum_fails() =>
        Expect.Level2(Sample.Load("JW307").Set($"{Stop}/Einddatum", "2026-01-04").Validate(), "TR018", At($"{Stop}/Einddatum"));

    [Fact]
    [CoversRule("TR018", RuleOutcome.Passes)]
    public void tr018_stop_on_the_day_it_started_passes() =>
        Expect.Valid(Sample.Load("JW307").Set($"{Stop}/Einddatum", "2026-01-05").Validate());

    // ---- TR101: start/stop keys ----

    [Fact]
    [CoversRule("TR101", RuleOutcome.Fails)]
    public void tr101_the_same_start_twice_fails() =>
        Expect.Level2(Sample.Load("JW305").Duplicate(Start).Validate(), "TR101", At($"{Start}[2]"));

    [Fact]
    [CoversRule("TR101", RuleOutcome.Fails)]
    public void tr101_the_same_stop_twice_fails() =>
        Expect.Level2(Sample.Load("JW307").Duplicate(Stop).Validate(), "TR101", At($"{Stop}[2]"));

    [Fact]
    [CoversRule("TR101", RuleOutcome.Passes)]
    public void tr101_delete_and_corrected_start_with_another_begindatum_in_one_message_passes()
    {
        // IV008: the Begindatum is part of the key, so the delete and its replacement may share a message.
        var result = Sample.Load("JW305")
            .Duplicate(Start)
            .Set($"{Start}[1]/StatusAanlevering", "3")
            .Set($"{Start}[2]/Begindatum", "2026-01-06")
            .Validate();

        Expect.Valid(result);
    }

    [Fact]
    [CoversRule("TR101", RuleOutcome.Passes)]
    public void tr101_stops_differing_only_in_redenbeeindiging_pass() =>
        Expect.Valid(Sample.Load("JW307").Duplicate(Stop).Set($"{Stop}[2]/RedenBeeindiging", "20").Validate());

    // ---- TR134 on start and stop dates ----

    [Fact]
    [CoversRule("TR134", RuleOutcome.Fails)]
    public void tr134_start_begindatum_after_dagtekening_fails() =>
        Expect.Level2(Sample.Load("JW305").Set($"{Start}/Begindatum", "2026-01-08").Validate(), "TR134", At($"{Start}/Begindatum"));

    [Fact]
    [CoversRule("TR134", RuleOutcome.Fails)]
    public void tr134_stop_einddatum_after_dagtekening_fails() =>
        Expect.Level2(Sample.Load("JW307").Set($"{Stop}/Einddatum", "2026-03-04").Validate(), "TR134", At($"{Stop}/Einddatum"));

    [Fact]
    [CoversRule("TR134", RuleOutcome.Passes)]
    public void tr134_start_and_stop_on_their_dagtekening_pass()
    {
        Expect.Valid(Sample.Load("JW305").Set($"{Start}/Begindatum", "2026-01-07").Validate());
        Expect.Valid(Sample.Load("JW307").Set($"{Stop}/Einddatum", "2026-03-03").Validate());
    }

    // ---- CS139 and TR002 on the shortened client of 305/307 ----

    [Theory]
    [CoversRule("CS139", RuleOutcome.Fails)]
    [InlineData("JW305")]
    [InlineData("JW307")]
    [InlineData("JW315")]
    public void cs139_datumgebruik_2_with_a_full_date_fails(string sample) =>
        Expect.Level2(
            Sample.Load(sample).InsertAfter("Client/Geboortedatum/Datum", "<ijw:DatumGebruik>2</ijw:DatumGebruik>").Validate(),
            "CS139",
            At("Client/Geboortedatum"));

    [Theory]
    [CoversRule("TR002", RuleOutcome.Passes)]
    [CoversRule("CS139", RuleOutcome.Passes)]
    [InlineData("JW305")]
    [InlineData("JW307")]
    [InlineData("JW315")]
    public void tr002_unknown_birth_date_passes_in_start_stop_and_request(string sample) =>
        Expect.Valid(Sample.Load(sample)
            .Set("Client/Geboortedatum/Datum", "1900-01-01")
            .InsertAfter("Client/Geboortedatum/Datum", "<ijw:DatumGebruik>3</ijw:DatumGebruik>")
            .Validate());
}
