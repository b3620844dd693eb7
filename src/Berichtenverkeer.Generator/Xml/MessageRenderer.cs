using System.Globalization;
using System.Text;
using System.Xml;
using Berichtenverkeer.Generator.World;
using Berichtenverkeer.Ijw.Catalog;

namespace Berichtenverkeer.Generator.Xml;

/// <summary>The header of a heen-message.</summary>
internal readonly record struct HeaderInfo(MessageType Type, string Afzender, string Ontvanger, string Identificatie, DateOnly Dagtekening);

/// <summary>One StartProduct (JW305) or StopProduct (JW307).</summary>
internal readonly record struct RegieLine(
    long ToewijzingNummer,
    string Categorie,
    string? Code,
    DateOnly ToewijzingIngangsdatum,
    DateOnly Begindatum,
    string? RedenBeeindiging,
    DateOnly? Einddatum,
    string StatusAanlevering);

/// <summary>One AangevraagdProduct (JW315).</summary>
internal readonly record struct RequestLine(Assignment Assignment, string Referentie, bool WithBeschikking, DateOnly BeschikkingIngangsdatum, string VerwijzerType, int VerwijzerSeed);

/// <summary>One client of a declaration with its prestaties in document order.</summary>
internal readonly record struct DeclaredClient(Client Client, List<Prestatie> Prestaties);

/// <summary>
/// Writes iJw 3.2 messages with <see cref="XmlWriter"/> — streaming, no DOM — in the element order of the XSDs:
/// message elements in the jwNNN namespace, children of CDT types in the ijw namespace (README §2.1), UTF-8 without
/// byte-order mark and CR/LF line ends (OP192). One instance per thread; the buffer is reused between messages.
/// </summary>
internal sealed class MessageRenderer
{
    private const string Ijw = "ijw";
    private const string XsdVersie = "1.0.0";

    private static readonly XmlWriterSettings Settings = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        Indent = true,
        IndentChars = "  ",
        NewLineChars = "\r\n",

        // Our text never holds line breaks or invalid characters: skip the scans.
        NewLineHandling = NewLineHandling.None,
        CheckCharacters = false,
        CloseOutput = false,
    };

    private readonly MemoryStream _buffer = new(64 * 1024);
    private readonly char[] _chars = new char[32];
    private XmlWriter? _writer;
    private string _prefix = string.Empty;
    private string _ns = string.Empty;

    private XmlWriter W => _writer!;

    public byte[] Jw301(HeaderInfo h, Client client, IEnumerable<(Assignment Assignment, bool Changed)> products)
    {
        Begin(h);
        Start("Client");
        ClientIdentity(client, full: true);
        if (client.WithParent)
        {
            Start("Relaties");
            Start("Relatie");
            Element("Nummer", string.Create(CultureInfo.InvariantCulture, $"P{client.Index:D8}"));
            Element("Volgorde", 1);
            Element("Soort", "10");
            Start("Naam");
            var (surname, prefix) = Names.Surnames[client.Surname];
            Achternaam("Geslachtsnaam", surname, prefix);
            var parent = Names.AdultFirstNames[client.ParentFirstName % Names.AdultFirstNames.Length];
            BasisElement("Voornamen", parent);
            BasisElement("Voorletters", Names.Initials(parent));
            BasisElement("NaamGebruik", "1");
            End();
            Contact(client, "01", (client.Bsn % 10_000_000) + 610_000_000);
            End();
            End();
        }

        Start("Contactgegevens");
        Contact(client, "01", null);
        End();
        Start("ToegewezenProducten");
        foreach (var (a, changed) in products)
        {
            Start("ToegewezenProduct");
            Element("ToewijzingNummer", a.Nummer);
            if (changed && a.ReferentieAanbieder is { } referentie && a.RedenWijziging is null)
            {
                Element("ReferentieAanbieder", referentie);
            }

            Product(a.Product);
            Element("Toewijzingsdatum", a.Toewijzingsdatum);
            Element("Toewijzingstijd", Time(a.Toewijzingstijd));
            Element("Ingangsdatum", a.Ingangsdatum);
            if (a.Einddatum is { } einde)
            {
                Element("Einddatum", einde);
            }

            if (changed && a.RedenWijziging is { } reden)
            {
                Element("RedenWijziging", reden);
            }

            if (a.Product.HasOmvang)
            {
                Start("Omvang");
                BasisElement("Volume", a.Volume);
                BasisElement("Eenheid", a.Product.Eenheid!);
                BasisElement("Frequentie", a.Product.Frequentie!);
                End();
            }
            else if (a.Budget is { } budget)
            {
                Element("Budget", budget);
            }

            End();
        }

        End();
        End();
        return Finish();
    }

    public byte[] Jw305(HeaderInfo h, Client client, IEnumerable<RegieLine> lines) => Regie(h, client, "StartProducten", "StartProduct", lines);

    public byte[] Jw307(HeaderInfo h, Client client, IEnumerable<RegieLine> lines) => Regie(h, client, "StopProducten", "StopProduct", lines);

    public byte[] Jw315(HeaderInfo h, Client client, IEnumerable<RequestLine> lines)
    {
        Begin(h);
        Start("Client");
        ClientIdentity(client, full: false);
        Element("GezagsdragerBekend", client.WithParent ? "2" : "1");
        Start("AangevraagdeProducten");
        foreach (var line in lines)
        {
            var a = line.Assignment;
            Start("AangevraagdProduct");
            Element("ReferentieAanbieder", line.Referentie);
            if (line.WithBeschikking)
            {
                Element("BeschikkingNummer", a.BeschikkingNummer);
            }

            Product(a.Product);
            if (line.WithBeschikking)
            {
                Element("BeschikkingIngangsdatum", line.BeschikkingIngangsdatum);
            }

            Element("ToewijzingIngangsdatum", a.Ingangsdatum);
            if (a.Einddatum is { } einde)
            {
                Element("ToewijzingEinddatum", einde);
            }

            if (a.Product.HasOmvang)
            {
                Start("Omvang");
                BasisElement("Volume", a.Volume);
                BasisElement("Eenheid", a.Product.Eenheid!);
                BasisElement("Frequentie", a.Product.Frequentie!);
                End();
            }
            else if (a.Budget is { } budget)
            {
                Element("Budget", budget);
            }

            Start("Verwijzer");
            BasisElement("Type", line.VerwijzerType);
            if (line.VerwijzerType is "02" or "03" or "04" or "05")
            {
                if (line.VerwijzerSeed % 3 == 0)
                {
                    BasisElement("Naam", line.VerwijzerType == "02" ? "Huisartsenpraktijk De Linde" : "Jeugdarts GGD");
                }
                else
                {
                    BasisElement("ZorgverlenerCode", (1_000_000 + (line.VerwijzerSeed % 8_999_999)).ToString("D8", CultureInfo.InvariantCulture));
                }
            }

            End();
            Element("Raamcontract", "2");
            End();
        }

        End();
        End();
        return Finish();
    }

    public byte[] Jw319(HeaderInfo h, string referentie, string antwoord, string? reden, string? woonplaatsbeginsel)
    {
        Begin(h);
        Start("Antwoord");
        Element("ReferentieAanbieder", referentie);
        Element("VerzoekAntwoord", antwoord);
        if (reden is not null)
        {
            Element("RedenAfwijzingVerzoek", reden);
        }

        if (woonplaatsbeginsel is not null)
        {
            Start("Woonplaatsbeginsel");
            Element("Gemeente", woonplaatsbeginsel);
            End();
        }

        End();
        return Finish();
    }

    public byte[] Jw323(HeaderInfo h, string declaratieNummer, DateOnly month, DateOnly declaratieDagtekening, IReadOnlyList<DeclaredClient> clients)
    {
        long total = 0;
        foreach (var c in clients)
        {
            foreach (var p in c.Prestaties)
            {
                total += p.Signed;
            }
        }

        Begin(h);
        Start("Declaratie");
        Element("DeclaratieNummer", declaratieNummer);
        Start("DeclaratiePeriode");
        BasisElement("Begindatum", month);
        BasisElement("Einddatum", Simulation.Calendar.LastOfMonth(month));
        End();
        Element("DeclaratieDagtekening", declaratieDagtekening);
        Start("TotaalIngediendBedrag");
        BasisElement("TotaalBedrag", Math.Abs(total));
        BasisElement("DebetCredit", total < 0 ? DebetCredit.Credit : DebetCredit.Debet);
        End();
        Start("Clienten");
        foreach (var c in clients)
        {
            Start("Client");
            Element("Bsn", Bsn(c.Client.Bsn));
            Start("Prestaties");
            foreach (var p in c.Prestaties)
            {
                Start("Prestatie");
                Start("ProductReferentie");
                BasisElement("ReferentieNummer", p.ReferentieNummer);
                if (p.VorigReferentieNummer is { } vorig)
                {
                    BasisElement("VorigReferentieNummer", vorig);
                }

                End();
                Element("ToewijzingNummer", p.ToewijzingNummer);
                Element("ProductCategorie", p.ProductCategorie);
                Element("ProductCode", p.ProductCode);
                Start("ProductPeriode");
                BasisElement("Begindatum", p.Begin);
                BasisElement("Einddatum", p.End);
                End();
                Element("GeleverdVolume", p.Volume);
                Element("Eenheid", p.Eenheid);
                if (p.Tarief is { } tarief)
                {
                    Element("ProductTarief", tarief);
                }

                Start("IngediendBedrag");
                BasisElement("Bedrag", p.Bedrag);
                BasisElement("DebetCredit", p.Credit ? DebetCredit.Credit : DebetCredit.Debet);
                End();
                End();
            }

            End();
            End();
        }

        End();
        End();
        return Finish();
    }

    public static string Bsn(int bsn) => bsn.ToString("D9", CultureInfo.InvariantCulture);

    private byte[] Regie(HeaderInfo h, Client client, string listName, string itemName, IEnumerable<RegieLine> lines)
    {
        Begin(h);
        Start("Client");
        ClientIdentity(client, full: false);
        Start(listName);
        foreach (var line in lines)
        {
            Start(itemName);
            Element("ToewijzingNummer", line.ToewijzingNummer);
            Start("Product");
            BasisElement("Categorie", line.Categorie);
            if (line.Code is not null)
            {
                BasisElement("Code", line.Code);
            }

            End();
            Element("ToewijzingIngangsdatum", line.ToewijzingIngangsdatum);
            Element("Begindatum", line.Begindatum);
            if (line.RedenBeeindiging is { } reden)
            {
                Element("RedenBeeindiging", reden);
                Element("Einddatum", line.Einddatum!.Value);
            }

            Element("StatusAanlevering", line.StatusAanlevering);
            End();
        }

        End();
        End();
        return Finish();
    }

    private void ClientIdentity(Client client, bool full)
    {
        Element("Bsn", Bsn(client.Bsn));
        Start("Geboortedatum");
        BasisElement("Datum", client.Geboortedatum);
        End();
        Element("Geslacht", client.Geslacht == 1 ? "1" : "2");
        Start("Naam");
        var (surname, prefix) = Names.Surnames[client.Surname];
        Achternaam("Geslachtsnaam", surname, prefix);
        var first = Names.FirstNameOf(client.Geslacht, client.FirstName);
        var voornamen = client.SecondName >= 0 ? first + " " + Names.FirstNameOf(client.Geslacht, client.SecondName) : first;
        BasisElement("Voornamen", voornamen);
        BasisElement("Voorletters", Names.Initials(voornamen));
        if (full)
        {
            BasisElement("NaamGebruik", "1");
        }

        End();
    }

    private void Contact(Client client, string soort, int? mobile)
    {
        Start("Contact");
        Element("Soort", soort);
        Start("Adres");
        W.WriteStartElement(Ijw, "Huis", MessageType.BasisNamespace);
        BasisElement("Huisnummer", client.Huisnummer);
        End();
        var letters = client.PostcodeLetters;
        Span<char> pc = stackalloc char[6];
        client.Postcode4.TryFormat(pc, out _, "D4", CultureInfo.InvariantCulture);
        pc[4] = (char)('A' + (letters / 26 % 26));
        pc[5] = (char)('A' + (letters % 26));
        BasisElement("Postcode", new string(pc));
        BasisElement("Straatnaam", Names.Streets[client.Street % Names.Streets.Length]);
        BasisElement("Plaatsnaam", client.Gemeente.Info.Naam);
        BasisElement("LandCode", "NL");
        End();
        Start("Telefoon");
        W.WriteStartElement(Ijw, "Telefoon01", MessageType.BasisNamespace);
        var number = mobile is { } m
            ? "0" + m.ToString(CultureInfo.InvariantCulture)
            : "0" + (client.Postcode4 / 10).ToString("D3", CultureInfo.InvariantCulture) + (client.Bsn % 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
        BasisElement("Telefoonnummer", number);
        BasisElement("Landnummer", "0031");
        End();
        End();
        End();
    }

    private void Achternaam(string element, string achternaam, string voorvoegsel)
    {
        W.WriteStartElement(Ijw, element, MessageType.BasisNamespace);
        BasisElement("Achternaam", achternaam);
        if (voorvoegsel.Length > 0)
        {
            BasisElement("Voorvoegsel", voorvoegsel);
        }

        End();
    }

    private void Product(ProductDef product)
    {
        Start("Product");
        BasisElement("Categorie", product.Categorie);
        if (product.Code is { } code)
        {
            BasisElement("Code", code);
        }

        End();
    }

    private void Begin(HeaderInfo h)
    {
        _buffer.SetLength(0);
        _writer = XmlWriter.Create(_buffer, Settings);
        _prefix = "jw" + h.Type.Number.ToString(CultureInfo.InvariantCulture);
        _ns = h.Type.Namespace;
        W.WriteStartDocument();
        W.WriteStartElement(_prefix, "Bericht", _ns);
        W.WriteAttributeString("xmlns", _prefix, null, _ns);
        W.WriteAttributeString("xmlns", Ijw, null, MessageType.BasisNamespace);
        Start("Header");
        Element("BerichtCode", h.Type.BerichtCode);
        Element("BerichtVersie", "3");
        Element("BerichtSubversie", "2");
        Element("Afzender", h.Afzender);
        Element("Ontvanger", h.Ontvanger);
        Start("BerichtIdentificatie");
        BasisElement("Identificatie", h.Identificatie);
        BasisElement("Dagtekening", h.Dagtekening);
        End();
        Start("XsdVersie");
        BasisElement("BasisschemaXsdVersie", XsdVersie);
        BasisElement("BerichtXsdVersie", XsdVersie);
        End();
        End();
    }

    private byte[] Finish()
    {
        W.WriteEndElement();
        W.WriteEndDocument();
        W.Flush();
        W.Dispose();
        _writer = null;
        return _buffer.ToArray();
    }

    private void Start(string name) => W.WriteStartElement(_prefix, name, _ns);

    private void End() => W.WriteEndElement();

    private void Element(string name, string value)
    {
        W.WriteStartElement(_prefix, name, _ns);
        W.WriteString(value);
        W.WriteEndElement();
    }

    private void Element(string name, long value)
    {
        W.WriteStartElement(_prefix, name, _ns);
        value.TryFormat(_chars, out var n, default, CultureInfo.InvariantCulture);
        W.WriteChars(_chars, 0, n);
        W.WriteEndElement();
    }

    private void Element(string name, DateOnly value)
    {
        W.WriteStartElement(_prefix, name, _ns);
        value.TryFormat(_chars, out var n, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        W.WriteChars(_chars, 0, n);
        W.WriteEndElement();
    }

    private void BasisElement(string name, string value)
    {
        W.WriteStartElement(Ijw, name, MessageType.BasisNamespace);
        W.WriteString(value);
        W.WriteEndElement();
    }

    private void BasisElement(string name, long value)
    {
        W.WriteStartElement(Ijw, name, MessageType.BasisNamespace);
        value.TryFormat(_chars, out var n, default, CultureInfo.InvariantCulture);
        W.WriteChars(_chars, 0, n);
        W.WriteEndElement();
    }

    private void BasisElement(string name, DateOnly value)
    {
        W.WriteStartElement(Ijw, name, MessageType.BasisNamespace);
        value.TryFormat(_chars, out var n, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        W.WriteChars(_chars, 0, n);
        W.WriteEndElement();
    }

    private static string Time(int seconds) =>
        string.Create(CultureInfo.InvariantCulture, $"{seconds / 3600:D2}:{seconds / 60 % 60:D2}:{seconds % 60:D2}");
}
