using Berichtenverkeer.Ijw.Model;
using Berichtenverkeer.Validation.Rules;
using Berichtenverkeer.Validation.Tests.Support;
using FsCheck;
using FsCheck.Xunit;

namespace Berichtenverkeer.Validation.Tests.Level2;

/// <summary>
/// Rules checked on the typed model directly: where the XSD already rejects the breaking value (CS319), so that no
/// message can reach level 2 with it, and a property over the 11-test that no handful of examples could cover.
/// The models start from a parsed valid sample and are changed with <c>with</c> expressions.
/// </summary>
public sealed class RuleUnitTests
{
    private static T Parse<T>(string sample)
        where T : IjwMessage
    {
        var result = Validators.Default.Validate(Sample.Bytes(sample));
        Expect.Valid(result);
        return Assert.IsType<T>(result.Message);
    }

    private static Jw323Message WithDeclaratieNummer(string nummer)
    {
        var message = Parse<Jw323Message>("JW323");
        return message with { Declaratie = message.Declaratie with { DeclaratieNummer = nummer } };
    }

    // ---- CS319: DeclaratieNummer letters and digits only ----

    [Theory]
    [CoversRule("CS319", RuleOutcome.Fails)]
    [InlineData("D-2026/01")]
    [InlineData("D 202601")]
    [InlineData("Dé202601")]
    [InlineData("D202601_1")]
    [InlineData("")]
    public void cs319_declaratienummer_with_other_than_letters_and_digits_fails(string nummer)
    {
        var violation = Assert.Single(RuleCatalog.Default["CS319"].Check(WithDeclaratieNummer(nummer)));

        Assert.Equal("/Bericht/Declaratie/DeclaratieNummer", violation.Path);
    }

    [Theory]
    [CoversRule("CS319", RuleOutcome.Passes)]
    [InlineData("D202601001")]
    [InlineData("abcXYZ012789")]
    public void cs319_declaratienummer_of_letters_and_digits_passes(string nummer) =>
        Assert.Empty(RuleCatalog.Default["CS319"].Check(WithDeclaratieNummer(nummer)));

    [Fact]
    public void cs319_is_also_the_jw323_xsd_pattern_so_end_to_end_it_is_a_level_1_error()
    {
        var result = Sample.Load("JW323").Set("Declaratie/DeclaratieNummer", "D-2026/01").Validate();

        var error = Assert.Single(Expect.SchemaError(result));
        Assert.Equal("/Bericht/Declaratie/DeclaratieNummer", error.Path);
    }

    // ---- CS002 as a property: the 11-test catches every single wrong digit ----

    /// <summary>A valid BSN from any eight leading digits whose check digit exists (the weighted sum mod 11 is not 10).</summary>
    private static string? ValidBsn(int prefix)
    {
        var digits = (prefix * 9_999_991L % 100_000_000).ToString("D8", System.Globalization.CultureInfo.InvariantCulture);
        var sum = digits.Select((c, i) => (9 - i) * (c - '0')).Sum();
        var check = sum % 11;
        return check == 10 || sum == 0 ? null : digits + (char)('0' + check);
    }

    private static IEnumerable<string> Cs002Violations(string bsn)
    {
        var message = Parse<Jw317Message>("JW317");
        return RuleCatalog.Default["CS002"].Check(message with { Client = message.Client with { Bsn = bsn } }).Select(v => v.Path);
    }

    [Property(MaxTest = 200)]
    [CoversRule("CS002", RuleOutcome.Passes)]
    [CoversRule("CS002", RuleOutcome.Fails)]
    public bool cs002_any_bsn_with_one_wrong_digit_fails_and_the_original_passes(NonNegativeInt prefix, NonNegativeInt position, NonNegativeInt change)
    {
        if (ValidBsn(prefix.Get) is not { } bsn)
        {
            return true;
        }

        var at = position.Get % 9;
        var wrong = bsn[..at] + (char)('0' + ((bsn[at] - '0' + 1 + (change.Get % 9)) % 10)) + bsn[(at + 1)..];

        return !Cs002Violations(bsn).Any() && Cs002Violations(wrong).SequenceEqual(["/Bericht/Client/Bsn"]);
    }

    [Theory]
    [InlineData("999900006", true)]
    [InlineData("999900018", true)]
    [InlineData("123456782", true)]
    [InlineData("999900007", false)]
    [InlineData("000000000", false)]
    public void cs002_known_test_bsns(string bsn, bool valid) =>
        Assert.Equal(valid, !Cs002Violations(bsn).Any());
}
