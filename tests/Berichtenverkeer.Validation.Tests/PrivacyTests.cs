using Berichtenverkeer.Validation.Tests.Support;

namespace Berichtenverkeer.Validation.Tests;

/// <summary>
/// Validation errors end up in logs, out-of-band reports and support tickets; the BSN of the message must never
/// appear in them, whether the message fails at level 1 or level 2 and whether the BSN itself is the problem.
/// </summary>
public sealed class PrivacyTests
{
    private const string Bsn = "999900006";

    public static TheoryData<string> Variants => new(Mutations.Keys);

    /// <summary>Invalid variants of BSN-carrying messages; the key names the case.</summary>
    private static readonly Dictionary<string, Func<Sample>> Mutations = new(StringComparer.Ordinal)
    {
        ["301 bsn fails 11-test"] = () => Sample.Load("JW301").Set("Client/Bsn", "999900007"),
        ["305 bsn fails 11-test"] = () => Sample.Load("JW305").Set("Client/Bsn", "999900007"),
        ["317 bsn fails 11-test"] = () => Sample.Load("JW317").Set("Client/Bsn", "999900007"),
        ["323 bsn fails 11-test"] = () => Sample.Load("JW323").Set("Declaratie/Clienten/Client/Bsn", "999900007"),
        ["325 bsn fails 11-test"] = () => Sample.Load("JW325").Set("DeclaratieAntwoord/Clienten/Client/Bsn", "999900007"),
        ["301 bsn with an extra digit"] = () => Sample.Load("JW301").Set("Client/Bsn", Bsn + "1"),
        ["301 bsn with a letter"] = () => Sample.Load("JW301").Set("Client/Bsn", "99990000X"),
        ["301 bsn one digit short"] = () => Sample.Load("JW301").Set("Client/Bsn", "99990000"),
        ["301 bsn with spaces"] = () => Sample.Load("JW301").Set("Client/Bsn", " " + Bsn + " "),
        ["301 bsn with dots"] = () => Sample.Load("JW301").Set("Client/Bsn", "9999.00.006"),
        ["307 bsn with an extra digit"] = () => Sample.Load("JW307").Set("Client/Bsn", Bsn + "0"),
        ["315 bsn as a number with sign"] = () => Sample.Load("JW315").Set("Client/Bsn", "+" + Bsn),
        ["323 bsn with an extra digit"] = () => Sample.Load("JW323").Set("Declaratie/Clienten/Client/Bsn", Bsn + "9"),
        ["323 duplicate client"] = () => Sample.Load("JW323")
            .Duplicate("Declaratie/Clienten/Client")
            .Set("Declaratie/Clienten/Client[2]/Prestaties/Prestatie/ProductReferentie/ReferentieNummer", "P2026010002")
            .Set("Declaratie/TotaalIngediendBedrag/TotaalBedrag", "450000"),
        ["325 duplicate client"] = () => Sample.Load("JW325")
            .Duplicate("DeclaratieAntwoord/Clienten/Client")
            .Set("DeclaratieAntwoord/TotaalIngediendBedrag/TotaalBedrag", "450000"),
        ["301 bsn element with a child"] = () => Sample.Load("JW301").Replace("Client/Bsn", $"<m:Bsn>{Bsn}<m:Nummer>1</m:Nummer></m:Bsn>"),
        ["301 bsn out of order"] = () => Sample.Load("JW301").Remove("Client/Bsn").InsertAfter("Client/Geslacht", $"<m:Bsn>{Bsn}</m:Bsn>"),
        ["301 bsn twice"] = () => Sample.Load("JW301").Duplicate("Client/Bsn"),
        ["301 other level-1 error"] = () => Sample.Load("JW301").Set("Client/Geslacht", "7"),
        ["301 other level-2 error"] = () => Sample.Load("JW301").Set("Client/Geboortedatum/Datum", "1900-06-15"),
        ["305 other level-2 error"] = () => Sample.Load("JW305").Set("Client/StartProducten/StartProduct/StatusAanlevering", "2"),
    };

    [Theory]
    [MemberData(nameof(Variants))]
    public void no_validation_error_contains_the_bsn_of_the_message(string variant)
    {
        var sample = Mutations[variant]();
        var bsnValues = sample.Root.Descendants().Where(e => e.Name.LocalName == "Bsn").Select(e => e.Value.Trim()).Append(Bsn).ToList();

        var result = sample.Validate();

        Assert.False(result.IsValid, $"{variant}: the variant should be invalid");
        foreach (var error in result.Errors)
        {
            foreach (var bsn in bsnValues.Where(b => b.Length > 0))
            {
                Assert.DoesNotContain(bsn, error.Message, StringComparison.Ordinal);
                Assert.DoesNotContain(bsn, error.Path, StringComparison.Ordinal);
            }

            // Nor a recognisable part of it: eight of its nine digits identify a person almost as well.
            Assert.DoesNotContain("99990000", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void the_parsed_message_still_carries_the_bsn_for_the_retour()
    {
        // The retour needs the BSN (IV028): only errors are scrubbed, not the message itself.
        var result = Sample.Load("JW301").Set("Client/Geboortedatum/Datum", "1900-06-15").Validate();

        Assert.Equal(2, result.FailedLevel);
        Assert.Equal([Bsn], result.Message!.Bsns);
        Assert.Equal(Bsn, result.Tree!.Find("/Bericht/Client/Bsn")!.Text);
    }
}
