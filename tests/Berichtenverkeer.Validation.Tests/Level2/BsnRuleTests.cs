using Berichtenverkeer.Validation.Tests.Support;

namespace Berichtenverkeer.Validation.Tests.Level2;

/// <summary>CS002 on every message type that carries a BSN (the samples use 999900006 throughout).</summary>
public sealed class BsnRuleTests
{
    public static TheoryData<string, string> BsnLocations => new()
    {
        { "JW301", "/Bericht/Client/Bsn" },
        { "JW305", "/Bericht/Client/Bsn" },
        { "JW307", "/Bericht/Client/Bsn" },
        { "JW315", "/Bericht/Client/Bsn" },
        { "JW317", "/Bericht/Client/Bsn" },
        { "JW323", "/Bericht/Declaratie/Clienten/Client/Bsn" },
        { "JW325", "/Bericht/DeclaratieAntwoord/Clienten/Client/Bsn" },
    };

    [Theory]
    [CoversRule("CS002", RuleOutcome.Fails)]
    [MemberData(nameof(BsnLocations))]
    public void cs002_bsn_999900007_fails_the_11_test(string sample, string path) =>
        Expect.Level2(Sample.Load(sample).ReplaceValue("999900006", "999900007").Validate(), "CS002", path);

    [Theory]
    [CoversRule("CS002", RuleOutcome.Passes)]
    [MemberData(nameof(BsnLocations))]
    public void cs002_bsn_999900018_passes_the_11_test(string sample, string path)
    {
        var changed = Sample.Load(sample).ReplaceValue("999900006", "999900018");
        Assert.Equal("999900018", changed.Text(path["/Bericht/".Length..]));
        Expect.Valid(changed.Validate());
    }
}
