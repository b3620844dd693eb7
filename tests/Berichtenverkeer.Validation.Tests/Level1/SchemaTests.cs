using Berichtenverkeer.Ijw.Catalog;
using Berichtenverkeer.Validation.Tests.Support;

namespace Berichtenverkeer.Validation.Tests.Level1;

/// <summary>
/// Control level 1 (XSD) for every message type: each kind of restriction of datatypes.md (RS codes, structure) is
/// broken once in a valid sample. A level-1 failure has no retourcode and no typed message, and each error says
/// where it is (line, column, path).
/// </summary>
public sealed class SchemaTests
{
    /// <summary>The 14 message types, each with its own valid sample named after it.</summary>
    public static TheoryData<string> Types => new(MessageTypes.All.Select(t => t.Name));

    private static Sample Load(string type) => Sample.Load(type);

    /// <summary>The header element holding the provider's AGB code (Afzender or Ontvanger, depending on the sender).</summary>
    private static string AgbElement(string type) =>
        MessageTypes.FromName(type)!.HeaderAfzender == Party.Aanbieder ? "Header/Afzender" : "Header/Ontvanger";

    private static string GemeenteElement(string type) =>
        MessageTypes.FromName(type)!.HeaderAfzender == Party.Gemeente ? "Header/Afzender" : "Header/Ontvanger";

    private static ValidationError SingleErrorAt(ValidationResult result, string path)
    {
        var errors = Expect.SchemaError(result);
        var error = Assert.Single(errors);
        Assert.Equal(path, error.Path);
        return error;
    }

    // ---- RS047: BerichtCode ----

    [Theory]
    [MemberData(nameof(Types))]
    public void rs047_berichtcode_of_another_message_names_the_message_it_belongs_to(string type)
    {
        var own = MessageTypes.FromName(type)!;
        var other = MessageTypes.All.First(t => t != own);
        var result = Load(type).Set("Header/BerichtCode", other.BerichtCode).Validate();

        var error = SingleErrorAt(result, "/Bericht/Header/BerichtCode");
        Assert.Equal("RS047", error.Rule);
        Assert.Equal(own, result.Type);
        Assert.Contains($"belongs to {other.Name}", error.Message, StringComparison.Ordinal);
        Assert.Contains($"expected {own.BerichtCode}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void rs047_unknown_berichtcode_says_it_belongs_to_no_ijw_message()
    {
        var error = SingleErrorAt(Load("JW301").Set("Header/BerichtCode", "999").Validate(), "/Bericht/Header/BerichtCode");

        Assert.Equal("RS047", error.Rule);
        Assert.Contains("'999' belongs to no iJw message", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void rs047_retour_code_in_the_heen_message_names_the_retour()
    {
        var error = SingleErrorAt(Load("JW301").Set("Header/BerichtCode", "437").Validate(), "/Bericht/Header/BerichtCode");

        Assert.Contains("belongs to JW302", error.Message, StringComparison.Ordinal);
    }

    // ---- CS025 / CS015 fixed by pattern ----

    [Theory]
    [MemberData(nameof(Types))]
    public void berichtversie_other_than_3_fails(string type) =>
        SingleErrorAt(Load(type).Set("Header/BerichtVersie", "4").Validate(), "/Bericht/Header/BerichtVersie");

    [Theory]
    [MemberData(nameof(Types))]
    public void berichtsubversie_other_than_2_fails(string type) =>
        SingleErrorAt(Load(type).Set("Header/BerichtSubversie", "1").Validate(), "/Bericht/Header/BerichtSubversie");

    // ---- RS032: dates without time zone ----

    [Theory]
    [MemberData(nameof(Types))]
    public void rs032_dagtekening_with_utc_time_zone_fails(string type)
    {
        var dagtekening = Load(type).Text("Header/BerichtIdentificatie/Dagtekening");
        SingleErrorAt(Load(type).Set("Header/BerichtIdentificatie/Dagtekening", dagtekening + "Z").Validate(), "/Bericht/Header/BerichtIdentificatie/Dagtekening");
    }

    [Theory]
    [MemberData(nameof(Types))]
    public void rs032_dagtekening_with_offset_fails(string type)
    {
        var dagtekening = Load(type).Text("Header/BerichtIdentificatie/Dagtekening");
        SingleErrorAt(Load(type).Set("Header/BerichtIdentificatie/Dagtekening", dagtekening + "+01:00").Validate(), "/Bericht/Header/BerichtIdentificatie/Dagtekening");
    }

    [Theory]
    [InlineData("2026-02-30")]
    [InlineData("2026-1-02")]
    [InlineData("02-01-2026")]
    public void dagtekening_that_is_no_existing_date_fails(string date) =>
        SingleErrorAt(Load("JW301").Set("Header/BerichtIdentificatie/Dagtekening", date).Validate(), "/Bericht/Header/BerichtIdentificatie/Dagtekening");

    // ---- RS017 / RS033: too long and blank strings ----

    [Theory]
    [MemberData(nameof(Types))]
    public void rs017_identificatie_of_13_characters_fails(string type) =>
        SingleErrorAt(Load(type).Set("Header/BerichtIdentificatie/Identificatie", "ABCDEFGHIJKLM").Validate(), "/Bericht/Header/BerichtIdentificatie/Identificatie");

    [Theory]
    [MemberData(nameof(Types))]
    public void rs017_identificatie_of_12_characters_passes_level_1(string type) =>
        Assert.NotEqual(1, Load(type).Set("Header/BerichtIdentificatie/Identificatie", "ABCDEFGHIJKL").Validate().FailedLevel);

    [Theory]
    [MemberData(nameof(Types))]
    public void rs033_blank_identificatie_fails(string type) =>
        SingleErrorAt(Load(type).Set("Header/BerichtIdentificatie/Identificatie", "   ").Validate(), "/Bericht/Header/BerichtIdentificatie/Identificatie");

    // ---- RS036 / RS035: AGB and municipality code patterns ----

    [Theory]
    [MemberData(nameof(Types))]
    public void rs036_agb_code_of_13_digits_fails(string type) =>
        Assert.Contains(Expect.SchemaError(Load(type).Set(AgbElement(type), "1234567890123").Validate()), e => e.Path == "/Bericht/" + AgbElement(type));

    [Theory]
    [MemberData(nameof(Types))]
    public void rs036_agb_code_with_letters_fails(string type) =>
        SingleErrorAt(Load(type).Set(AgbElement(type), "1234567A").Validate(), "/Bericht/" + AgbElement(type));

    [Theory]
    [MemberData(nameof(Types))]
    public void rs035_gemeente_code_of_3_digits_fails(string type) =>
        SingleErrorAt(Load(type).Set(GemeenteElement(type), "363").Validate(), "/Bericht/" + GemeenteElement(type));

    [Theory]
    [MemberData(nameof(Types))]
    public void rs048_xsdversie_with_leading_zero_fails(string type) =>
        SingleErrorAt(Load(type).Set("Header/XsdVersie/BerichtXsdVersie", "1.00.0").Validate(), "/Bericht/Header/XsdVersie/BerichtXsdVersie");

    // ---- Structure: missing, out of order, unexpected ----

    [Theory]
    [MemberData(nameof(Types))]
    public void missing_mandatory_afzender_fails(string type)
    {
        var errors = Expect.SchemaError(Load(type).Remove("Header/Afzender").Validate());

        Assert.Contains(errors, e => e.Path == "/Bericht/Header" && e.Message.Contains("Afzender", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Types))]
    public void missing_mandatory_dagtekening_fails(string type)
    {
        var errors = Expect.SchemaError(Load(type).Remove("Header/BerichtIdentificatie/Dagtekening").Validate());

        Assert.Contains(errors, e => e.Path == "/Bericht/Header/BerichtIdentificatie" && e.Message.Contains("Dagtekening", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Types))]
    public void afzender_and_ontvanger_out_of_order_fail(string type)
    {
        var sample = Load(type);
        var afzender = sample.Text("Header/Afzender");
        var errors = Expect.SchemaError(sample.Remove("Header/Afzender").InsertAfter("Header/Ontvanger", $"<m:Afzender>{afzender}</m:Afzender>").Validate());

        Assert.Contains(errors, e => e.Path == "/Bericht/Header" && e.Message.Contains("Ontvanger", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Types))]
    public void unexpected_extra_header_element_fails(string type)
    {
        var errors = Expect.SchemaError(Load(type).InsertAfter("Header/XsdVersie", "<m:Prioriteit>hoog</m:Prioriteit>").Validate());

        Assert.Contains(errors, e => e.Path == "/Bericht/Header" && e.Message.Contains("Prioriteit", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Types))]
    public void element_in_the_wrong_namespace_fails(string type)
    {
        // Identificatie is a child of a CDT and so lives in the base namespace; in the message namespace it is unknown.
        var sample = Load(type);
        var id = sample.Text("Header/BerichtIdentificatie/Identificatie");
        var errors = Expect.SchemaError(sample.Replace("Header/BerichtIdentificatie/Identificatie", $"<m:Identificatie>{id}</m:Identificatie>").Validate());

        Assert.Contains(errors, e => e.Path == "/Bericht/Header/BerichtIdentificatie");
    }

    [Theory]
    [MemberData(nameof(Types))]
    public void unexpected_attribute_fails(string type)
    {
        var sample = Load(type);
        sample.Get("Header/BerichtCode").SetAttributeValue("versie", "2");

        Expect.SchemaError(sample.Validate());
    }

    // ---- Per message type: enumeration, range, length, pattern, structure in the body ----

    public static TheoryData<string, string, string> UnknownEnumerationValues => new()
    {
        { "JW301", "Client/Geslacht", "3" },
        { "JW301", "Client/Relaties/Relatie/Soort", "02" },
        { "JW301", "Client/Contactgegevens/Contact/Adres/LandCode", "XX" },
        { "JW301", "Client/ToegewezenProducten/ToegewezenProduct/Omvang/Eenheid", "1" },
        { "JW301", "Client/ToegewezenProducten/ToegewezenProduct/Omvang/Frequentie", "3" },
        { "JW301", "Client/ToegewezenProducten/ToegewezenProduct/Product/Categorie", "39" },
        { "JW305", "Client/StartProducten/StartProduct/StatusAanlevering", "4" },
        { "JW306-rejected", "Client/StartProducten/StartProduct/RetourCodes/RetourCode", "9999" },
        { "JW307", "Client/StopProducten/StopProduct/RedenBeeindiging", "21" },
        { "JW315", "Client/AangevraagdeProducten/AangevraagdProduct/Verwijzer/Type", "07" },
        { "JW315", "Client/GezagsdragerBekend", "0" },
        { "JW317", "Client/Verzoek/RedenVerzoek", "3" },
        { "JW319", "Antwoord/VerzoekAntwoord", "3" },
        { "JW323", "Declaratie/Clienten/Client/Prestaties/Prestatie/Eenheid", "02" },
        { "JW323", "Declaratie/TotaalIngediendBedrag/DebetCredit", "d" },
        { "JW325", "DeclaratieAntwoord/RetourCodes/RetourCode", "8000" },
    };

    [Theory]
    [MemberData(nameof(UnknownEnumerationValues))]
    public void unknown_enumeration_value_fails(string sample, string path, string value) =>
        SingleErrorAt(Sample.Load(sample).Set(path, value).Validate(), "/Bericht/" + path);

    [Theory]
    [InlineData("JW302")]
    [InlineData("JW306")]
    [InlineData("JW308")]
    [InlineData("JW316")]
    [InlineData("JW318")]
    [InlineData("JW320")]
    public void unknown_retourcode_in_a_retour_header_fails(string type) =>
        SingleErrorAt(
            Load(type).Append("Header", "<m:RetourCodes><m:RetourCode>0002</m:RetourCode></m:RetourCodes>").Validate(),
            "/Bericht/Header/RetourCodes/RetourCode");

    public static TheoryData<string, string, string> OutOfRangeValues => new()
    {
        { "JW301", "Client/ToegewezenProducten/ToegewezenProduct/Omvang/Volume", "-1" },
        { "JW301", "Client/ToegewezenProducten/ToegewezenProduct/Omvang/Volume", "100000000" },
        { "JW301", "Client/ToegewezenProducten/ToegewezenProduct/ToewijzingNummer", "1000000000" },
        { "JW301", "Client/Relaties/Relatie/Volgorde", "100" },
        { "JW301", "Client/Contactgegevens/Contact/Adres/Huis/Huisnummer", "100000" },
        { "JW305", "Client/StartProducten/StartProduct/ToewijzingNummer", "-5" },
        { "JW307", "Client/StopProducten/StopProduct/ToewijzingNummer", "-5" },
        { "JW315", "Client/AangevraagdeProducten/AangevraagdProduct/Omvang/Volume", "-1" },
        { "JW317", "Client/Verzoek/TeWijzigenProducten/TeWijzigenProduct/Omvang/Volume", "-8" },
        { "JW323", "Declaratie/Clienten/Client/Prestaties/Prestatie/IngediendBedrag/Bedrag", "100000000" },
        { "JW323", "Declaratie/Clienten/Client/Prestaties/Prestatie/GeleverdVolume", "-30" },
        { "JW323", "Declaratie/Clienten/Client/Prestaties/Prestatie/ProductTarief", "-1" },
        { "JW323", "Declaratie/TotaalIngediendBedrag/TotaalBedrag", "1000000000000" },
        { "JW325", "DeclaratieAntwoord/Clienten/Client/Prestaties/Prestatie/IngediendBedrag/Bedrag", "100000000" },
        { "JW325", "DeclaratieAntwoord/TotaalToegekendBedrag/TotaalBedrag", "-1" },
    };

    [Theory]
    [MemberData(nameof(OutOfRangeValues))]
    public void value_out_of_range_fails(string sample, string path, string value) =>
        SingleErrorAt(Sample.Load(sample).Set(path, value).Validate(), "/Bericht/" + path);

    [Fact]
    public void amounts_at_their_maximum_pass_level_1()
    {
        var result = Sample.Load("JW323")
            .Set("Declaratie/Clienten/Client/Prestaties/Prestatie/IngediendBedrag/Bedrag", "99999999")
            .Set("Declaratie/TotaalIngediendBedrag/TotaalBedrag", "99999999")
            .Set("Declaratie/Clienten/Client/Prestaties/Prestatie/GeleverdVolume", "0")
            .Validate();

        Expect.Valid(result);
    }

    [Fact]
    public void integer_with_sign_and_leading_zeros_is_an_xs_integer_and_passes() =>
        Expect.Valid(Sample.Load("JW301").Set("Client/ToegewezenProducten/ToegewezenProduct/Omvang/Volume", "+008").Validate());

    [Fact]
    public void decimal_volume_fails() =>
        SingleErrorAt(
            Sample.Load("JW301").Set("Client/ToegewezenProducten/ToegewezenProduct/Omvang/Volume", "8.5").Validate(),
            "/Bericht/Client/ToegewezenProducten/ToegewezenProduct/Omvang/Volume");

    public static TheoryData<string, string, string> TooLongOrMalformedStrings => new()
    {
        { "JW301", "Client/Naam/Geslachtsnaam/Achternaam", new string('a', 201) },
        { "JW301", "Client/Naam/Geslachtsnaam/Voorvoegsel", "van der van" },
        { "JW301", "Client/Naam/Voorletters", "S.M." },
        { "JW301", "Client/Naam/Voorletters", "ABCDEFG" },
        { "JW301", "Client/Contactgegevens/Contact/Telefoon/Telefoon01/Telefoonnummer", "+31201234567" },
        { "JW301", "Client/Contactgegevens/Contact/Adres/Postcode", "1012 AB CD" },
        { "JW301", "Client/Contactgegevens/Contact/Adres/Huis/Huisletter", "AB" },
        { "JW301", "Client/Bsn", "99990000" },
        { "JW301", "Client/ToegewezenProducten/ToegewezenProduct/Toewijzingstijd", "14:30:00Z" },
        { "JW301", "Client/ToegewezenProducten/ToegewezenProduct/Commentaar", "   " },
        { "JW305", "Client/StartProducten/StartProduct/Product/Code", "45A04X" },
        { "JW315", "Client/AangevraagdeProducten/AangevraagdProduct/ReferentieAanbieder", new string('R', 37) },
        { "JW315", "Client/AangevraagdeProducten/AangevraagdProduct/Verwijzer/ZorgverlenerCode", "0101234567890" },
        { "JW317", "Client/Verzoek/ReferentieAanbieder", " " },
        { "JW319", "Antwoord/ReferentieAanbieder", new string('R', 37) },
        { "JW323", "Declaratie/DeclaratieNummer", "D2026010010001" },
        { "JW323", "Declaratie/Clienten/Client/Prestaties/Prestatie/ProductReferentie/ReferentieNummer", new string('P', 21) },
        { "JW325", "DeclaratieAntwoord/DeclaratieNummer", "D2026010010001" },
        { "JW302", "Header/IdentificatieRetour", "R302-00000001" },
    };

    [Theory]
    [MemberData(nameof(TooLongOrMalformedStrings))]
    public void string_too_long_or_breaking_its_pattern_fails(string sample, string path, string value) =>
        SingleErrorAt(Sample.Load(sample).Set(path, value).Validate(), "/Bericht/" + path);

    public static TheoryData<string, string> MissingMandatoryBodyElements => new()
    {
        { "JW301", "Client/ToegewezenProducten" },
        { "JW301", "Client/ToegewezenProducten/ToegewezenProduct/Toewijzingstijd" },
        { "JW305", "Client/StartProducten/StartProduct/Begindatum" },
        { "JW307", "Client/StopProducten/StopProduct/RedenBeeindiging" },
        { "JW315", "Client/AangevraagdeProducten/AangevraagdProduct/Verwijzer" },
        { "JW317", "Client/Verzoek/RedenVerzoek" },
        { "JW319", "Antwoord/VerzoekAntwoord" },
        { "JW323", "Declaratie/Clienten/Client/Prestaties/Prestatie/IngediendBedrag" },
        { "JW325", "DeclaratieAntwoord/RetourCodes" },
        { "JW306-rejected", "Client/RetourCodes" },
        { "JW302", "Header/DagtekeningRetour" },
    };

    [Theory]
    [MemberData(nameof(MissingMandatoryBodyElements))]
    public void missing_mandatory_body_element_fails(string sample, string path)
    {
        var missing = path[(path.LastIndexOf('/') + 1)..];
        var errors = Expect.SchemaError(Sample.Load(sample).Remove(path).Validate());

        Assert.Contains(errors, e => e.Message.Contains(missing, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("JW301", "Client/ToegewezenProducten/ToegewezenProduct/Einddatum", "Client/ToegewezenProducten/ToegewezenProduct/Ingangsdatum")]
    [InlineData("JW305", "Client/StartProducten/StartProduct/StatusAanlevering", "Client/StartProducten/StartProduct/Begindatum")]
    [InlineData("JW315", "Client/AangevraagdeProducten/AangevraagdProduct/Verwijzer", "Client/AangevraagdeProducten/AangevraagdProduct/Omvang")]
    [InlineData("JW323", "Declaratie/DeclaratieDagtekening", "Declaratie/DeclaratiePeriode")]
    [InlineData("JW325", "DeclaratieAntwoord/TotaalToegekendBedrag", "DeclaratieAntwoord/TotaalIngediendBedrag")]
    public void body_elements_out_of_order_fail(string sample, string move, string before)
    {
        var s = Sample.Load(sample);
        var element = new System.Xml.Linq.XElement(s.Get(move));
        s.Remove(move);
        s.Get(before).AddBeforeSelf(element);

        Expect.SchemaError(s.Validate());
    }

    [Theory]
    [InlineData("JW301", "Client/ToegewezenProducten/ToegewezenProduct/Commentaar")]
    [InlineData("JW317", "Client/Verzoek/RedenVerzoek")]
    [InlineData("JW319", "Antwoord/VerzoekAntwoord")]
    [InlineData("JW323", "Declaratie/Clienten/Client/Prestaties/Prestatie/IngediendBedrag")]
    public void unexpected_extra_body_element_fails(string sample, string after)
    {
        var errors = Expect.SchemaError(Sample.Load(sample).InsertAfter(after, "<m:Opmerking>extra</m:Opmerking>").Validate());

        Assert.Contains(errors, e => e.Message.Contains("Opmerking", StringComparison.Ordinal));
    }

    [Fact]
    public void a_cardinality_of_one_repeated_fails()
    {
        var errors = Expect.SchemaError(Sample.Load("JW319").Duplicate("Antwoord").Validate());

        Assert.Contains(errors, e => e.Message.Contains("Antwoord", StringComparison.Ordinal));
    }

    [Fact]
    public void level_2_is_not_evaluated_when_level_1_fails()
    {
        // CS002 would fail too, but a message that fails the XSD counts as not sent: no level-2 result, no 0001.
        var result = Sample.Load("JW301").Set("Client/Bsn", "999900007").Set("Client/Geslacht", "7").Validate();

        var error = SingleErrorAt(result, "/Bericht/Client/Geslacht");
        Assert.Null(error.Rule);
        Assert.Empty(result.FailedRules);
    }

    [Fact]
    public void error_on_a_self_closing_element_is_located_at_that_element() =>
        SingleErrorAt(Load("JW301").Replace("Header/Afzender", "<m:Afzender/>").Validate(), "/Bericht/Header/Afzender");

    [Fact]
    public void many_errors_stop_at_the_configured_maximum()
    {
        var sample = Sample.Load("JW323");
        for (var i = 0; i < 30; i++)
        {
            sample.Duplicate("Declaratie/Clienten/Client/Prestaties/Prestatie");
        }

        sample.ReplaceValue("04", "99");
        var result = sample.Validate(new ValidatorOptions { MaxErrors = 10 });

        var errors = Expect.Level1(result);
        Assert.Equal(11, errors.Count);
        Assert.Contains("Stopped after 10 errors", errors[^1].Message, StringComparison.Ordinal);
    }
}
