using Berichtenverkeer.Ijw.Model;
using Berichtenverkeer.Matching.Engine;
using Berichtenverkeer.Matching.Tests.Support;
using static Berichtenverkeer.Matching.Tests.Support.Trajectory;

namespace Berichtenverkeer.Matching.Tests.Rules;

/// <summary>
/// JW325, checked by the receiving provider against its JW323 (rules.md §4.7). No retour exists: TR337, TR371 and
/// TR376 have no code ("n.v.t."), the findings travel out of band; the JW325 is still accepted for routing.
/// </summary>
public class DeclarationAnswerRuleTests
{
    private static readonly Pr January = new() { Ref = "P1", Volume = 40 };

    private static readonly Pr February = Pr.Month(2026, 2) with { Ref = "P2", Volume = 10 };

    private readonly Gateway _gw = new();

    private readonly Jw323Message _declaration;

    public DeclarationAnswerRuleTests()
    {
        _gw.Given(new Jw301());
        var processed = _gw.Process(Jw323.Of(January, February) with { DeclaratieNummer = "D1", Dagtekening = D(2026, 3, 2) });
        Expect.Only(processed, Paths.Prestatie.Nth(1), "9321");
        _declaration = (Jw323Message)processed.Message;
    }

    private static Cl Echo(params Pr[] prestaties) => new() { Prestaties = prestaties };

    [Fact]
    public void tr337_answer_to_an_unknown_declaration_gets_nvt()
    {
        var result = _gw.Process(Jw325.Answering(_declaration, Echo(January)) with { DeclaratieIdentificatie = "UNKNOWN" });

        Expect.Header(result, "n.v.t.");
        Expect.Finding(result, "TR337", Paths.Header);
    }

    [Fact]
    public void tr337_answer_with_the_dagtekening_of_another_declaration_gets_nvt()
    {
        var result = _gw.Process(Jw325.Answering(_declaration, Echo(January)) with { DeclaratieDagtekening = D(2026, 3, 1) });

        Expect.Header(result, "n.v.t.");
        Expect.Finding(result, "TR337", Paths.Header);
    }

    [Fact]
    public void tr337_answer_to_a_sent_declaration_passes()
    {
        var result = _gw.Process(Jw325.Answering(_declaration, Echo(January)));

        Expect.Clean(result);
        Assert.Equal(Outcomes.Accepted, result.Outcome);
    }

    [Fact]
    public void tr371_other_xsdversie_than_the_declaration_gets_nvt()
    {
        var result = _gw.Process(Jw325.Answering(_declaration, Echo(January)) with { XsdVersieDeclaratie = "1.0.1" });

        Expect.Header(result, "n.v.t.");
        Expect.Finding(result, "TR371", Paths.Header);
    }

    [Fact]
    public void tr371_xsdversie_of_the_declaration_passes()
    {
        Expect.Clean(_gw.Process(Jw325.Answering(_declaration, Echo(January))));
    }

    [Fact]
    public void tr376_other_declaratienummer_gets_nvt()
    {
        var result = _gw.Process(Jw325.Answering(_declaration, Echo(January)) with { DeclaratieNummer = "D2" });

        Expect.Only(result, Paths.DeclaratieAntwoord, "n.v.t.");
        Expect.Finding(result, "TR376", Paths.DeclaratieAntwoord);
        Assert.Equal(Outcomes.Accepted, result.Outcome);
    }

    [Fact]
    public void tr376_declaratienummer_of_the_declaration_passes()
    {
        Expect.Clean(_gw.Process(Jw325.Answering(_declaration)));
    }

    [Fact]
    public void tr304_echoed_client_not_in_the_declaration_gets_8187()
    {
        var result = _gw.Process(Jw325.Answering(_declaration, new Cl { Bsn = OtherBsn, Prestaties = [January] }));

        Expect.Only(result, Paths.AntwoordClient, "8187");
    }

    [Fact]
    public void tr304_echoed_client_of_the_declaration_passes()
    {
        Expect.Clean(_gw.Process(Jw325.Answering(_declaration, Echo(January))));
    }

    [Fact]
    public void tr366_echoed_prestatie_not_in_the_declaration_gets_9366()
    {
        Expect.Only(_gw.Process(Jw325.Answering(_declaration, Echo(January with { Ref = "P9" }))), Paths.AntwoordPrestatie, "9366");
    }

    [Fact]
    public void tr366_echoed_prestatie_of_the_declaration_passes()
    {
        Expect.Clean(_gw.Process(Jw325.Answering(_declaration, Echo(February))));
    }

    [Fact]
    public void tr367_echoed_prestatie_with_a_changed_value_gets_9367()
    {
        Expect.Only(_gw.Process(Jw325.Answering(_declaration, Echo(January with { Volume = 39 }))), Paths.AntwoordPrestatie, "9367");
    }

    [Fact]
    public void tr367_echoed_prestatie_with_another_period_gets_9367()
    {
        Expect.Only(_gw.Process(Jw325.Answering(_declaration, Echo(January with { Begin = D(2026, 1, 6) }))), Paths.AntwoordPrestatie, "9367");
    }

    [Fact]
    public void tr367_echoed_prestatie_unchanged_passes()
    {
        Expect.Clean(_gw.Process(Jw325.Answering(_declaration, Echo(January, February))));
    }
}
