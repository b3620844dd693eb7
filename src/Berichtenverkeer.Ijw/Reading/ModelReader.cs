using Berichtenverkeer.Ijw.Catalog;
using Berichtenverkeer.Ijw.Model;

namespace Berichtenverkeer.Ijw.Reading;

/// <summary>
/// Maps the element tree of a schema-valid message onto the typed model. It trusts the XSD for structure
/// and throws <see cref="MessageFormatException"/> only for values the model cannot hold.
/// </summary>
public static class ModelReader
{
    public static IjwMessage Read(MessageType type, MessageNode root)
    {
        var header = Header(root.RequiredNode("Header"));
        return type.Name switch
        {
            "JW301" => new Jw301Message { Type = type, Header = header, Client = Jw301Client(root.RequiredNode("Client")) },
            "JW305" => new Jw305Message { Type = type, Header = header, Client = RegieClient(root.RequiredNode("Client"), "StartProducten", "StartProduct", StartProduct) },
            "JW307" => new Jw307Message { Type = type, Header = header, Client = RegieClient(root.RequiredNode("Client"), "StopProducten", "StopProduct", StopProduct) },
            "JW315" => new Jw315Message { Type = type, Header = header, Client = Jw315Client(root.RequiredNode("Client")) },
            "JW317" => new Jw317Message { Type = type, Header = header, Client = Jw317Client(root.RequiredNode("Client")) },
            "JW319" => new Jw319Message { Type = type, Header = header, Antwoord = Antwoord(root.RequiredNode("Antwoord")) },
            "JW323" => new Jw323Message { Type = type, Header = header, Declaratie = Declaratie(root.RequiredNode("Declaratie")) },
            "JW325" => Jw325(type, header, root),
            _ => Retour(type, header, root),
        };
    }

    private static Header Header(MessageNode n) => new()
    {
        Path = n.Path,
        BerichtCode = n.Required("BerichtCode").Trim(),
        Afzender = n.Required("Afzender"),
        Ontvanger = n.Required("Ontvanger"),
        BerichtIdentificatie = BerichtIdentificatie(n.RequiredNode("BerichtIdentificatie")),
        XsdVersie = XsdVersie(n.RequiredNode("XsdVersie")),
    };

    private static BerichtIdentificatie BerichtIdentificatie(MessageNode n) => new(n.Required("Identificatie"), n.Date("Dagtekening"));

    private static XsdVersie XsdVersie(MessageNode n) => new(n.Required("BasisschemaXsdVersie"), n.Required("BerichtXsdVersie"));

    private static IReadOnlyList<string> RetourCodes(MessageNode? n) =>
        n?.ChildrenNamed("RetourCode").Select(c => c.Text ?? string.Empty).ToList() ?? [];

    private static ClientGegevens Gegevens(MessageNode n) =>
        new(n.Required("Bsn"), Geboortedatum(n.RequiredNode("Geboortedatum")), n.Required("Geslacht"), Naam(n.RequiredNode("Naam")));

    private static Geboortedatum Geboortedatum(MessageNode n) => new(n.Date("Datum"), n.Optional("DatumGebruik"));

    private static Naam Naam(MessageNode n) => new(
        Achternaam(n.RequiredNode("Geslachtsnaam")),
        n.Child("Partnernaam") is { } partner ? Achternaam(partner) : null,
        n.Optional("Voornamen"),
        n.Optional("Voorletters"),
        n.Optional("NaamGebruik"));

    private static Achternaam Achternaam(MessageNode n) => new(n.Required("Achternaam"), n.Optional("Voorvoegsel"));

    private static Product? Product(MessageNode? n) => n is null ? null : new(n.Required("Categorie"), n.Optional("Code"));

    private static Omvang? Omvang(MessageNode? n) => n is null ? null : new(n.Long("Volume"), n.Required("Eenheid"), n.Required("Frequentie"));

    private static GeslotenPeriode Periode(MessageNode n) => new(n.Date("Begindatum"), n.Date("Einddatum"));

    private static Bedrag Bedrag(MessageNode n, string amountName) => new(n.Long(amountName), n.Required("DebetCredit"));

    private static Jw301Client Jw301Client(MessageNode n) => new()
    {
        Path = n.Path,
        Gegevens = Gegevens(n),
        HasCommunicatie = n.Child("Communicatie") is not null,
        CommunicatieVorm = n.Child("Communicatie")?.Optional("Vorm"),
        CommunicatieTaal = n.Child("Communicatie")?.Optional("Taal"),
        JuridischeStatus = n.Optional("JuridischeStatus"),
        WettelijkeVertegenwoordiging = n.Optional("WettelijkeVertegenwoordiging"),
        Commentaar = n.Optional("Commentaar"),
        Relaties = n.List("Relaties", "Relatie").Select(Relatie).ToList(),
        Contactgegevens = n.List("Contactgegevens", "Contact").Select(Contact).ToList(),
        ToegewezenProducten = n.List("ToegewezenProducten", "ToegewezenProduct").Select(ToegewezenProduct).ToList(),
    };

    private static Relatie Relatie(MessageNode n) => new()
    {
        Path = n.Path,
        Nummer = n.Required("Nummer"),
        Volgorde = n.OptionalLong("Volgorde"),
        Soort = n.Required("Soort"),
        Geboortedatum = n.Child("Geboortedatum") is { } g ? Geboortedatum(g) : null,
        Geslacht = n.Optional("Geslacht"),
        Naam = Naam(n.RequiredNode("Naam")),
        Contact = Contact(n.RequiredNode("Contact")),
    };

    private static Contact Contact(MessageNode n) => new()
    {
        Path = n.Path,
        Soort = n.Required("Soort"),
        Adres = n.Child("Adres") is { } a ? Adres(a) : null,
        Organisatie = n.Optional("Organisatie"),
        Telefoon = n.Child("Telefoon") is { } t
            ? new Telefoon(t.RequiredNode("Telefoon01").Required("Telefoonnummer"), t.Child("Telefoon02")?.Optional("Telefoonnummer"))
            : null,
        Emailadres = n.Optional("Emailadres"),
        Periode = n.Child("Periode") is { } p ? new OpenPeriode(p.OptionalDate("Begindatum"), p.OptionalDate("Einddatum")) : null,
    };

    private static Adres Adres(MessageNode n) => new(
        n.Child("Huis") is { } h
            ? new Huis(h.Long("Huisnummer"), h.Optional("Huisletter"), h.Optional("HuisnummerToevoeging"), h.Optional("AanduidingWoonadres"))
            : null,
        n.Optional("Postcode"),
        n.Optional("Straatnaam"),
        n.Optional("Plaatsnaam"),
        n.Optional("LandCode"));

    private static ToegewezenProduct ToegewezenProduct(MessageNode n) => new()
    {
        Path = n.Path,
        ToewijzingNummer = n.Long("ToewijzingNummer"),
        ReferentieAanbieder = n.Optional("ReferentieAanbieder"),
        Product = Product(n.Child("Product")),
        Toewijzingsdatum = n.Date("Toewijzingsdatum"),
        Toewijzingstijd = n.Time("Toewijzingstijd"),
        Ingangsdatum = n.Date("Ingangsdatum"),
        Einddatum = n.OptionalDate("Einddatum"),
        RedenWijziging = n.Optional("RedenWijziging"),
        Omvang = Omvang(n.Child("Omvang")),
        Budget = n.OptionalLong("Budget"),
        Commentaar = n.Optional("Commentaar"),
    };

    private static RegieClient<T> RegieClient<T>(MessageNode n, string listName, string itemName, Func<MessageNode, T> product)
        where T : RegieProduct => new()
        {
            Path = n.Path,
            Gegevens = Gegevens(n),
            Products = n.List(listName, itemName).Select(product).ToList(),
        };

    private static StartProduct StartProduct(MessageNode n) => new()
    {
        Path = n.Path,
        ToewijzingNummer = n.OptionalLong("ToewijzingNummer"),
        Product = Product(n.Child("Product")),
        ToewijzingIngangsdatum = n.OptionalDate("ToewijzingIngangsdatum"),
        Begindatum = n.Date("Begindatum"),
        StatusAanlevering = n.Required("StatusAanlevering"),
    };

    private static StopProduct StopProduct(MessageNode n) => new()
    {
        Path = n.Path,
        ToewijzingNummer = n.OptionalLong("ToewijzingNummer"),
        Product = Product(n.Child("Product")),
        ToewijzingIngangsdatum = n.OptionalDate("ToewijzingIngangsdatum"),
        Begindatum = n.Date("Begindatum"),
        RedenBeeindiging = n.Required("RedenBeeindiging"),
        Einddatum = n.Date("Einddatum"),
        StatusAanlevering = n.Required("StatusAanlevering"),
    };

    private static Jw315Client Jw315Client(MessageNode n) => new()
    {
        Path = n.Path,
        Gegevens = Gegevens(n),
        GezagsdragerBekend = n.Optional("GezagsdragerBekend"),
        Commentaar = n.Optional("Commentaar"),
        AangevraagdeProducten = n.List("AangevraagdeProducten", "AangevraagdProduct").Select(AangevraagdProduct).ToList(),
    };

    private static AangevraagdProduct AangevraagdProduct(MessageNode n) => new()
    {
        Path = n.Path,
        ReferentieAanbieder = n.Required("ReferentieAanbieder"),
        BeschikkingNummer = n.OptionalLong("BeschikkingNummer"),
        Product = Product(n.Child("Product")),
        BeschikkingIngangsdatum = n.OptionalDate("BeschikkingIngangsdatum"),
        ToewijzingIngangsdatum = n.Date("ToewijzingIngangsdatum"),
        ToewijzingEinddatum = n.OptionalDate("ToewijzingEinddatum"),
        Omvang = Omvang(n.Child("Omvang")),
        Budget = n.OptionalLong("Budget"),
        Verwijzer = Verwijzer(n.RequiredNode("Verwijzer")),
        Raamcontract = n.Optional("Raamcontract"),
        Commentaar = n.Optional("Commentaar"),
    };

    private static Verwijzer Verwijzer(MessageNode v) => new(v.Required("Type"), v.Optional("Naam"), v.Optional("ZorgverlenerCode"));

    private static Jw317Client Jw317Client(MessageNode n)
    {
        var v = n.RequiredNode("Verzoek");
        return new Jw317Client
        {
            Path = n.Path,
            Bsn = n.Required("Bsn"),
            Verzoek = new Verzoek
            {
                Path = v.Path,
                ReferentieAanbieder = v.Required("ReferentieAanbieder"),
                RedenVerzoek = v.Required("RedenVerzoek"),
                OngewijzigdeProducten = v.List("OngewijzigdeProducten", "OngewijzigdProduct")
                    .Select(p => new OngewijzigdProduct { Path = p.Path, ToewijzingNummer = p.Long("ToewijzingNummer") })
                    .ToList(),
                TeWijzigenProducten = v.List("TeWijzigenProducten", "TeWijzigenProduct")
                    .Select(p => new TeWijzigenProduct
                    {
                        Path = p.Path,
                        ToewijzingNummer = p.Long("ToewijzingNummer"),
                        GewensteIngangsdatum = p.Date("GewensteIngangsdatum"),
                        Einddatum = p.OptionalDate("Einddatum"),
                        Omvang = Omvang(p.Child("Omvang")),
                        Budget = p.OptionalLong("Budget"),
                    })
                    .ToList(),
                NieuweProducten = v.List("NieuweProducten", "NieuwProduct")
                    .Select(p => new NieuwProduct
                    {
                        Path = p.Path,
                        Product = Product(p.Child("Product")),
                        GewensteIngangsdatum = p.Date("GewensteIngangsdatum"),
                        Einddatum = p.OptionalDate("Einddatum"),
                        Omvang = Omvang(p.Child("Omvang")),
                        Budget = p.OptionalLong("Budget"),
                    })
                    .ToList(),
            },
        };
    }

    private static Antwoord Antwoord(MessageNode n) => new()
    {
        Path = n.Path,
        ReferentieAanbieder = n.Required("ReferentieAanbieder"),
        VerzoekAntwoord = n.Required("VerzoekAntwoord"),
        RedenAfwijzingVerzoek = n.Optional("RedenAfwijzingVerzoek"),
        WoonplaatsbeginselGemeente = n.Child("Woonplaatsbeginsel")?.Optional("Gemeente"),
        WoonplaatsbeginselPath = n.Child("Woonplaatsbeginsel")?.Path,
    };

    private static Declaratie Declaratie(MessageNode n) => new()
    {
        Path = n.Path,
        DeclaratieNummer = n.Required("DeclaratieNummer"),
        DeclaratiePeriode = Periode(n.RequiredNode("DeclaratiePeriode")),
        DeclaratieDagtekening = n.Date("DeclaratieDagtekening"),
        TotaalIngediendBedrag = Bedrag(n.RequiredNode("TotaalIngediendBedrag"), "TotaalBedrag"),
        Clienten = n.List("Clienten", "Client")
            .Select(c => new DeclaratieClient { Path = c.Path, Bsn = c.Required("Bsn"), Prestaties = Prestaties(c) })
            .ToList(),
    };

    private static List<Prestatie> Prestaties(MessageNode client) => client.List("Prestaties", "Prestatie").Select(Prestatie).ToList();

    private static Prestatie Prestatie(MessageNode n)
    {
        var referentie = n.RequiredNode("ProductReferentie");
        return new Prestatie
        {
            Path = n.Path,
            ReferentieNummer = referentie.Required("ReferentieNummer"),
            VorigReferentieNummer = referentie.Optional("VorigReferentieNummer"),
            ToewijzingNummer = n.Long("ToewijzingNummer"),
            ProductCategorie = n.Required("ProductCategorie"),
            ProductCode = n.Required("ProductCode"),
            ProductPeriode = Periode(n.RequiredNode("ProductPeriode")),
            GeleverdVolume = n.Long("GeleverdVolume"),
            Eenheid = n.Required("Eenheid"),
            ProductTarief = n.OptionalLong("ProductTarief"),
            IngediendBedrag = Bedrag(n.RequiredNode("IngediendBedrag"), "Bedrag"),
            RetourCodes = RetourCodes(n.Child("RetourCodes")),
        };
    }

    private static Jw325Message Jw325(MessageType type, Header header, MessageNode root)
    {
        var h = root.RequiredNode("Header");
        var a = root.Child("DeclaratieAntwoord");
        return new Jw325Message
        {
            Type = type,
            Header = header,
            DeclaratieIdentificatie = BerichtIdentificatie(h.RequiredNode("DeclaratieIdentificatie")),
            XsdVersieDeclaratie = XsdVersie(h.RequiredNode("XsdVersieDeclaratie")),
            HeaderRetourCodes = RetourCodes(h.Child("RetourCodes")),
            DeclaratieAntwoord = a is null
                ? null
                : new DeclaratieAntwoord
                {
                    Path = a.Path,
                    DeclaratieNummer = a.Required("DeclaratieNummer"),
                    TotaalIngediendBedrag = Bedrag(a.RequiredNode("TotaalIngediendBedrag"), "TotaalBedrag"),
                    TotaalToegekendBedrag = Bedrag(a.RequiredNode("TotaalToegekendBedrag"), "TotaalBedrag"),
                    Clienten = a.List("Clienten", "Client")
                        .Select(c => new AntwoordClient
                        {
                            Path = c.Path,
                            Bsn = c.Required("Bsn"),
                            Prestaties = Prestaties(c),
                            RetourCodes = RetourCodes(c.Child("RetourCodes")),
                        })
                        .ToList(),
                    RetourCodes = RetourCodes(a.Child("RetourCodes")),
                },
        };
    }

    private static RetourMessage Retour(MessageType type, Header header, MessageNode root)
    {
        var h = root.RequiredNode("Header");
        return new RetourMessage
        {
            Type = type,
            Header = header,
            IdentificatieRetour = h.Required("IdentificatieRetour"),
            DagtekeningRetour = h.Date("DagtekeningRetour"),
            RetourCodes = RetourCodes(h.Child("RetourCodes")),
            Bsn = root.Child("Client")?.Optional("Bsn"),
        };
    }
}
