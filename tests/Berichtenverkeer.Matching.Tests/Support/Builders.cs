using System.Globalization;
using System.Text;
using System.Xml.Linq;
using Berichtenverkeer.Ijw.Model;
using Berichtenverkeer.Validation;

namespace Berichtenverkeer.Matching.Tests.Support;

// The test-data builders: one record per message with valid defaults (the trajectory of Trajectory), so a test
// overrides only what matters with `with { … }`. Every builder writes real XML and parses it with the production
// validator: a message a test feeds the matcher has passed levels 1 and 2, as in the gateway.

/// <summary>Parses builder XML with the real validator; a builder that writes an invalid message fails the test loudly.</summary>
public static class IjwXml
{
    private static readonly MessageValidator Validator = new();
    private static int s_sequence;

    public static IjwMessage Parse(string xml)
    {
        var result = Validator.Validate(Encoding.UTF8.GetBytes(xml));
        if (!result.IsValid || result.Message is null)
        {
            var errors = string.Join(Environment.NewLine, result.Errors.Select(e => $"  level {e.Level} {e.Rule} {e.Path}: {e.Message}"));
            throw new InvalidOperationException($"The builder wrote a message that fails level 1/2:{Environment.NewLine}{errors}{Environment.NewLine}{xml}");
        }

        return result.Message;
    }

    /// <summary>A fresh value for identifiers the test does not care about (unique per test run).</summary>
    public static string Next(string prefix) =>
        prefix + Interlocked.Increment(ref s_sequence).ToString("D6", CultureInfo.InvariantCulture);

    internal static string F(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    internal static string F(long number) => number.ToString(CultureInfo.InvariantCulture);
}

/// <summary>The message and base namespace of one message type, with element factories (null content is left out).</summary>
public sealed class Ns(int number)
{
    public XNamespace M { get; } = $"http://www.istandaarden.nl/ijw/3_2/jw{number}/schema";

    public XNamespace B { get; } = "http://www.istandaarden.nl/ijw/3_2/basisschema/schema";

    public string Prefix { get; } = $"jw{number}";

    /// <summary>An element in the message namespace.</summary>
    public XElement E(string name, params object?[] content) => new(M + name, content);

    /// <summary>An element in the base namespace (a child of a CDT).</summary>
    public XElement I(string name, params object?[] content) => new(B + name, content);

    public XElement? Product(string name, Product? product) =>
        product is null ? null : E(name, I("Categorie", product.Categorie), product.Code is null ? null : I("Code", product.Code));

    public XElement? Omvang(Omvang? omvang) =>
        omvang is null ? null : E("Omvang", I("Volume", IjwXml.F(omvang.Volume)), I("Eenheid", omvang.Eenheid), I("Frequentie", omvang.Frequentie));

    public XElement Bedrag(string name, long signed, bool total = false) =>
        E(name, I(total ? "TotaalBedrag" : "Bedrag", IjwXml.F(Math.Abs(signed))), I("DebetCredit", signed < 0 ? "C" : "D"));

    public XElement Periode(string name, DateOnly begin, DateOnly end) => E(name, I("Begindatum", IjwXml.F(begin)), I("Einddatum", IjwXml.F(end)));

    public XElement XsdVersie(string name, string bericht = "1.0.0") =>
        E(name, I("BasisschemaXsdVersie", "1.0.0"), I("BerichtXsdVersie", bericht));

    /// <summary>Bsn, Geboortedatum, Geslacht and Naam of the client (JW301 adds NaamGebruik).</summary>
    public IEnumerable<XElement> ClientGegevens(string bsn, bool naamGebruik) =>
    [
        E("Bsn", bsn),
        E("Geboortedatum", I("Datum", "2012-05-14")),
        E("Geslacht", "2"),
        E("Naam", I("Geslachtsnaam", I("Achternaam", "Vries"), I("Voorvoegsel", "de")), I("Voorletters", "SM"), naamGebruik ? I("NaamGebruik", "1") : null),
    ];
}

/// <summary>Header items 1–7 shared by every heen-message; the body comes from the message record.</summary>
public abstract record IjwBuilder
{
    /// <summary>Null: a fresh one at every <see cref="ToXml"/>. Set it to re-use one (TR056) or to answer a JW323.</summary>
    public string? Identificatie { get; init; }

    public DateOnly Dagtekening { get; init; } = Trajectory.Dagtekening;

    public string Gemeente { get; init; } = Trajectory.Gemeente;

    public string Agb { get; init; } = Trajectory.Agb;

    protected abstract int Number { get; }

    protected abstract string BerichtCode { get; }

    protected abstract bool FromGemeente { get; }

    public string ToXml()
    {
        var ns = new Ns(Number);
        var root = ns.E(
            "Bericht",
            new XAttribute(XNamespace.Xmlns + ns.Prefix, ns.M),
            new XAttribute(XNamespace.Xmlns + "ijw", ns.B),
            ns.E(
                "Header",
                ns.E("BerichtCode", BerichtCode),
                ns.E("BerichtVersie", "3"),
                ns.E("BerichtSubversie", "2"),
                ns.E("Afzender", FromGemeente ? Gemeente : Agb),
                ns.E("Ontvanger", FromGemeente ? Agb : Gemeente),
                ns.E("BerichtIdentificatie", ns.I("Identificatie", Identificatie ?? IjwXml.Next($"T{Number}-")), ns.I("Dagtekening", IjwXml.F(Dagtekening))),
                ns.XsdVersie("XsdVersie"),
                HeaderTail(ns)),
            Body(ns));
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\r\n" + root.ToString(SaveOptions.None);
    }

    public IjwMessage Parse() => IjwXml.Parse(ToXml());

    protected virtual IEnumerable<object?> HeaderTail(Ns ns) => [];

    protected abstract IEnumerable<object?> Body(Ns ns);
}

// ---------------------------------------------------------------- JW301

/// <summary>JW301 Toewijzing: one client, its ToegewezenProducten (default: the trajectory's assignment).</summary>
public sealed record Jw301 : IjwBuilder
{
    public string Bsn { get; init; } = Trajectory.Bsn;

    public IReadOnlyList<Toegewezen> Producten { get; init; } = [new Toegewezen()];

    protected override int Number => 301;

    protected override string BerichtCode => "436";

    protected override bool FromGemeente => true;

    public static Jw301 With(params Toegewezen[] producten) => new() { Producten = producten };

    protected override IEnumerable<object?> Body(Ns ns) =>
    [
        ns.E(
            "Client",
            ns.ClientGegevens(Bsn, naamGebruik: true),
            ns.E(
                "Contactgegevens",
                ns.E(
                    "Contact",
                    ns.E("Soort", "01"),
                    ns.E(
                        "Adres",
                        ns.I("Huis", ns.I("Huisnummer", "12")),
                        ns.I("Postcode", "1012AB"),
                        ns.I("Straatnaam", "Voorbeeldstraat"),
                        ns.I("Plaatsnaam", "Amsterdam"),
                        ns.I("LandCode", "NL")))),
            ns.E("ToegewezenProducten", Producten.Select(p => p.ToXml(ns)))),
    ];
}

/// <summary>A ToegewezenProduct; default the trajectory's: 100001, 45/45A04, 8 h/week, 2026-01-05 … 2026-12-31.</summary>
public sealed record Toegewezen
{
    public long Nummer { get; init; } = Trajectory.Nummer;

    public string? Referentie { get; init; }

    public Product? Product { get; init; } = Trajectory.Product;

    public DateOnly Toewijzingsdatum { get; init; } = Trajectory.Toewijzingsdatum;

    public TimeOnly Toewijzingstijd { get; init; } = Trajectory.Toewijzingstijd;

    public DateOnly Ingangsdatum { get; init; } = Trajectory.Ingangsdatum;

    public DateOnly? Einddatum { get; init; } = Trajectory.Einddatum;

    public string? RedenWijziging { get; init; }

    public Omvang? Omvang { get; init; } = Trajectory.Omvang;

    public long? Budget { get; init; }

    /// <summary>Aspecific: only the category, no Omvang.</summary>
    public static Toegewezen Aspecific(long nummer, long? budget = null) =>
        new() { Nummer = nummer, Product = new Product("45", null), Omvang = null, Budget = budget };

    /// <summary>Generic: no Product at all, a Budget (CD079) and so an Einddatum (CD075).</summary>
    public static Toegewezen Generic(long nummer, long budget) =>
        new() { Nummer = nummer, Product = null, Omvang = null, Budget = budget };

    /// <summary>A later version (IV013): decided at <paramref name="toewijzingsdatum"/> 09:00.</summary>
    public Toegewezen Version(DateOnly toewijzingsdatum, string redenWijziging) =>
        this with { Toewijzingsdatum = toewijzingsdatum, Toewijzingstijd = new TimeOnly(9, 0), RedenWijziging = redenWijziging };

    /// <summary>The delete of OP033x1: Einddatum = Ingangsdatum with RedenWijziging 13, as a later version.</summary>
    public Toegewezen Deleted(DateOnly toewijzingsdatum) => Version(toewijzingsdatum, "13") with { Einddatum = Ingangsdatum };

    internal XElement ToXml(Ns ns) => ns.E(
        "ToegewezenProduct",
        ns.E("ToewijzingNummer", IjwXml.F(Nummer)),
        Referentie is null ? null : ns.E("ReferentieAanbieder", Referentie),
        ns.Product("Product", Product),
        ns.E("Toewijzingsdatum", IjwXml.F(Toewijzingsdatum)),
        ns.E("Toewijzingstijd", Toewijzingstijd.ToString("HH:mm:ss", CultureInfo.InvariantCulture)),
        ns.E("Ingangsdatum", IjwXml.F(Ingangsdatum)),
        Einddatum is { } eind ? ns.E("Einddatum", IjwXml.F(eind)) : null,
        RedenWijziging is null ? null : ns.E("RedenWijziging", RedenWijziging),
        ns.Omvang(Omvang),
        Budget is { } budget ? ns.E("Budget", IjwXml.F(budget)) : null);
}

// ---------------------------------------------------------------- JW305 / JW307

/// <summary>JW305 Start jeugdhulp; default one start of the trajectory on its Ingangsdatum.</summary>
public sealed record Jw305 : IjwBuilder
{
    public string Bsn { get; init; } = Trajectory.Bsn;

    public IReadOnlyList<Start> Starts { get; init; } = [new Start()];

    protected override int Number => 305;

    protected override string BerichtCode => "438";

    protected override bool FromGemeente => false;

    public static Jw305 With(params Start[] starts) => new() { Starts = starts };

    protected override IEnumerable<object?> Body(Ns ns) =>
        [ns.E("Client", ns.ClientGegevens(Bsn, naamGebruik: false), ns.E("StartProducten", Starts.Select(s => s.ToXml(ns))))];
}

/// <summary>JW307 Stop jeugdhulp; default a definitive stop (34) on 2026-02-27 of the default start.</summary>
public sealed record Jw307 : IjwBuilder
{
    public string Bsn { get; init; } = Trajectory.Bsn;

    public IReadOnlyList<Stop> Stops { get; init; } = [new Stop()];

    protected override int Number => 307;

    protected override string BerichtCode => "440";

    protected override bool FromGemeente => false;

    public static Jw307 With(params Stop[] stops) => new() { Stops = stops };

    protected override IEnumerable<object?> Body(Ns ns) =>
        [ns.E("Client", ns.ClientGegevens(Bsn, naamGebruik: false), ns.E("StopProducten", Stops.Select(s => s.ToXml(ns))))];
}

/// <summary>A StartProduct. Key: ToewijzingNummer + Product + Begindatum.</summary>
public sealed record Start
{
    public long? Nummer { get; init; } = Trajectory.Nummer;

    public Product? Product { get; init; } = Trajectory.Product;

    public DateOnly? ToewijzingIngangsdatum { get; init; } = Trajectory.Ingangsdatum;

    public DateOnly Begindatum { get; init; } = Trajectory.Ingangsdatum;

    public string Status { get; init; } = "1";

    /// <summary>The same key with StatusAanlevering 3 (IV008).</summary>
    public Start Delete() => this with { Status = "3" };

    /// <summary>A stop that copies this start's key (TR382).</summary>
    public Stop Stopped(string reden, DateOnly einddatum) => new()
    {
        Nummer = Nummer,
        Product = Product,
        ToewijzingIngangsdatum = ToewijzingIngangsdatum,
        Begindatum = Begindatum,
        RedenBeeindiging = reden,
        Einddatum = einddatum,
    };

    internal XElement ToXml(Ns ns) => ns.E(
        "StartProduct",
        Nummer is { } n ? ns.E("ToewijzingNummer", IjwXml.F(n)) : null,
        ns.Product("Product", Product),
        ToewijzingIngangsdatum is { } i ? ns.E("ToewijzingIngangsdatum", IjwXml.F(i)) : null,
        ns.E("Begindatum", IjwXml.F(Begindatum)),
        ns.E("StatusAanlevering", Status));
}

/// <summary>A StopProduct. Key: the start's key + RedenBeeindiging + Einddatum. Reason 20 is the temporary stop.</summary>
public sealed record Stop
{
    public const string Temporary = "20";

    public const string Definitive = "34";

    public long? Nummer { get; init; } = Trajectory.Nummer;

    public Product? Product { get; init; } = Trajectory.Product;

    public DateOnly? ToewijzingIngangsdatum { get; init; } = Trajectory.Ingangsdatum;

    public DateOnly Begindatum { get; init; } = Trajectory.Ingangsdatum;

    public string RedenBeeindiging { get; init; } = Definitive;

    public DateOnly Einddatum { get; init; } = new(2026, 2, 27);

    public string Status { get; init; } = "1";

    public Stop Delete() => this with { Status = "3" };

    internal XElement ToXml(Ns ns) => ns.E(
        "StopProduct",
        Nummer is { } n ? ns.E("ToewijzingNummer", IjwXml.F(n)) : null,
        ns.Product("Product", Product),
        ToewijzingIngangsdatum is { } i ? ns.E("ToewijzingIngangsdatum", IjwXml.F(i)) : null,
        ns.E("Begindatum", IjwXml.F(Begindatum)),
        ns.E("RedenBeeindiging", RedenBeeindiging),
        ns.E("Einddatum", IjwXml.F(Einddatum)),
        ns.E("StatusAanlevering", Status));
}

// ---------------------------------------------------------------- JW315 / JW317 / JW319

/// <summary>JW315 VOT; default one requested product: the trajectory's, reference VOT-0001.</summary>
public sealed record Jw315 : IjwBuilder
{
    public string Bsn { get; init; } = Trajectory.Bsn;

    public IReadOnlyList<Aangevraagd> Producten { get; init; } = [new Aangevraagd()];

    protected override int Number => 315;

    protected override string BerichtCode => "446";

    protected override bool FromGemeente => false;

    public static Jw315 With(params Aangevraagd[] producten) => new() { Producten = producten };

    public static Jw315 For(string referentie) => With(new Aangevraagd { Referentie = referentie });

    protected override IEnumerable<object?> Body(Ns ns) =>
        [ns.E("Client", ns.ClientGegevens(Bsn, naamGebruik: false), ns.E("AangevraagdeProducten", Producten.Select(p => p.ToXml(ns))))];
}

public sealed record Aangevraagd
{
    public string Referentie { get; init; } = "VOT-0001";

    public Product? Product { get; init; } = Trajectory.Product;

    public DateOnly Ingangsdatum { get; init; } = Trajectory.Ingangsdatum;

    public DateOnly? Einddatum { get; init; } = Trajectory.Einddatum;

    public Omvang? Omvang { get; init; } = Trajectory.Omvang;

    public long? Budget { get; init; }

    internal XElement ToXml(Ns ns) => ns.E(
        "AangevraagdProduct",
        ns.E("ReferentieAanbieder", Referentie),
        ns.Product("Product", Product),
        ns.E("ToewijzingIngangsdatum", IjwXml.F(Ingangsdatum)),
        Einddatum is { } eind ? ns.E("ToewijzingEinddatum", IjwXml.F(eind)) : null,
        ns.Omvang(Omvang),
        Budget is { } budget ? ns.E("Budget", IjwXml.F(budget)) : null,
        ns.E("Verwijzer", ns.I("Type", "06")));
}

/// <summary>JW317 VOW, reference VOW-0001; default: change the trajectory's assignment to end on 2026-06-30.</summary>
public sealed record Jw317 : IjwBuilder
{
    public string Bsn { get; init; } = Trajectory.Bsn;

    public string Referentie { get; init; } = "VOW-0001";

    public IReadOnlyList<long> Ongewijzigd { get; init; } = [];

    public IReadOnlyList<TeWijzigen> TeWijzigen { get; init; } = [new TeWijzigen()];

    public IReadOnlyList<Nieuw> Nieuw { get; init; } = [];

    protected override int Number => 317;

    protected override string BerichtCode => "486";

    protected override bool FromGemeente => false;

    protected override IEnumerable<object?> Body(Ns ns) =>
    [
        ns.E(
            "Client",
            ns.E("Bsn", Bsn),
            ns.E(
                "Verzoek",
                ns.E("ReferentieAanbieder", Referentie),
                ns.E("RedenVerzoek", "1"),
                Ongewijzigd.Count == 0 ? null : ns.E("OngewijzigdeProducten", Ongewijzigd.Select(n => ns.E("OngewijzigdProduct", ns.E("ToewijzingNummer", IjwXml.F(n))))),
                TeWijzigen.Count == 0 ? null : ns.E("TeWijzigenProducten", TeWijzigen.Select(p => p.ToXml(ns))),
                Nieuw.Count == 0 ? null : ns.E("NieuweProducten", Nieuw.Select(p => p.ToXml(ns))))),
    ];
}

public sealed record TeWijzigen
{
    public long Nummer { get; init; } = Trajectory.Nummer;

    public DateOnly GewensteIngangsdatum { get; init; } = Trajectory.Ingangsdatum;

    public DateOnly? Einddatum { get; init; } = new(2026, 6, 30);

    public Omvang? Omvang { get; init; } = Trajectory.Omvang;

    public long? Budget { get; init; }

    internal XElement ToXml(Ns ns) => ns.E(
        "TeWijzigenProduct",
        ns.E("ToewijzingNummer", IjwXml.F(Nummer)),
        ns.E("GewensteIngangsdatum", IjwXml.F(GewensteIngangsdatum)),
        Einddatum is { } eind ? ns.E("Einddatum", IjwXml.F(eind)) : null,
        ns.Omvang(Omvang),
        Budget is { } budget ? ns.E("Budget", IjwXml.F(budget)) : null);
}

/// <summary>A NieuwProduct; default 45/45A05, 4 h/week from 2026-04-01 (after the default Dagtekening, TR380).</summary>
public sealed record Nieuw
{
    public Product? Product { get; init; } = new("45", "45A05");

    public DateOnly GewensteIngangsdatum { get; init; } = new(2026, 4, 1);

    public DateOnly? Einddatum { get; init; } = Trajectory.Einddatum;

    public Omvang? Omvang { get; init; } = new(4, "04", "2");

    public long? Budget { get; init; }

    internal XElement ToXml(Ns ns) => ns.E(
        "NieuwProduct",
        ns.Product("Product", Product),
        ns.E("GewensteIngangsdatum", IjwXml.F(GewensteIngangsdatum)),
        Einddatum is { } eind ? ns.E("Einddatum", IjwXml.F(eind)) : null,
        ns.Omvang(Omvang),
        Budget is { } budget ? ns.E("Budget", IjwXml.F(budget)) : null);
}

/// <summary>JW319 Antwoordbericht; default "under investigation" (2) on VOT-0001.</summary>
public sealed record Jw319 : IjwBuilder
{
    public string Referentie { get; init; } = "VOT-0001";

    public string VerzoekAntwoord { get; init; } = "2";

    public string? RedenAfwijzing { get; init; }

    public string? Woonplaatsbeginsel { get; init; }

    protected override int Number => 319;

    protected override string BerichtCode => "488";

    protected override bool FromGemeente => true;

    public static Jw319 UnderInvestigation(string referentie) => new() { Referentie = referentie };

    /// <summary>A rejection (1) with reason 7 (care content), or 8 (woonplaatsbeginsel) naming the responsible municipality.</summary>
    public static Jw319 Rejected(string referentie, string? woonplaatsbeginsel = null) => new()
    {
        Referentie = referentie,
        VerzoekAntwoord = "1",
        RedenAfwijzing = woonplaatsbeginsel is null ? "7" : "8",
        Woonplaatsbeginsel = woonplaatsbeginsel,
    };

    protected override IEnumerable<object?> Body(Ns ns) =>
    [
        ns.E(
            "Antwoord",
            ns.E("ReferentieAanbieder", Referentie),
            ns.E("VerzoekAntwoord", VerzoekAntwoord),
            RedenAfwijzing is null ? null : ns.E("RedenAfwijzingVerzoek", RedenAfwijzing),
            Woonplaatsbeginsel is null ? null : ns.E("Woonplaatsbeginsel", ns.E("Gemeente", Woonplaatsbeginsel))),
    ];
}

// ---------------------------------------------------------------- JW323 / JW325

/// <summary>
/// JW323 Declaratie. DeclaratieNummer defaults to a fresh one, the DeclaratiePeriode to the month of the latest
/// ProductPeriode, DeclaratieDagtekening to the Dagtekening, TotaalIngediendBedrag to the signed sum (TR358).
/// </summary>
public sealed record Jw323 : IjwBuilder
{
    public string? DeclaratieNummer { get; init; }

    /// <summary>Any day in the declared month; null = the month of the latest ProductPeriode.</summary>
    public DateOnly? Maand { get; init; }

    public IReadOnlyList<Cl> Clienten { get; init; } = [];

    protected override int Number => 323;

    protected override string BerichtCode => "490";

    protected override bool FromGemeente => false;

    /// <summary>A declaration of these prestaties for the trajectory's client.</summary>
    public static Jw323 Of(params Pr[] prestaties) => new() { Clienten = [new Cl { Prestaties = prestaties }] };

    public static long SignedTotal(IEnumerable<Pr> prestaties) => prestaties.Sum(p => p.Signed);

    protected override IEnumerable<object?> Body(Ns ns)
    {
        var all = Clienten.SelectMany(c => c.Prestaties).ToList();
        var month = Maand ?? all.Max(p => p.Eind);
        var first = new DateOnly(month.Year, month.Month, 1);
        return
        [
            ns.E(
                "Declaratie",
                ns.E("DeclaratieNummer", DeclaratieNummer ?? IjwXml.Next("D")),
                ns.Periode("DeclaratiePeriode", first, first.AddMonths(1).AddDays(-1)),
                ns.E("DeclaratieDagtekening", IjwXml.F(Dagtekening)),
                ns.Bedrag("TotaalIngediendBedrag", SignedTotal(all), total: true),
                ns.E("Clienten", Clienten.Select(c => ns.E("Client", ns.E("Bsn", c.Bsn), ns.E("Prestaties", c.Prestaties.Select(p => p.ToXml(ns))))))),
        ];
    }
}

/// <summary>A client of a declaration (or of a declaration answer).</summary>
public sealed record Cl
{
    public string Bsn { get; init; } = Trajectory.Bsn;

    public IReadOnlyList<Pr> Prestaties { get; init; } = [];
}

/// <summary>
/// A Prestatie; default 30 hours in January on the trajectory (2026-01-05 … 2026-01-31) at € 75 per hour.
/// IngediendBedrag defaults to GeleverdVolume × ProductTarief (the volume itself for unit 83, which has no tariff).
/// </summary>
public sealed record Pr
{
    /// <summary>Null: a fresh ReferentieNummer at every ToXml. Set it when a credit or an answer must refer to it.</summary>
    public string? Ref { get; init; }

    public string? Vorig { get; init; }

    public long Nummer { get; init; } = Trajectory.Nummer;

    public string Categorie { get; init; } = Trajectory.Product.Categorie;

    public string Code { get; init; } = Trajectory.Product.Code!;

    public DateOnly Begin { get; init; } = Trajectory.Ingangsdatum;

    public DateOnly Eind { get; init; } = new(2026, 1, 31);

    public long Volume { get; init; } = 30;

    public string Eenheid { get; init; } = "04";

    public long? Tarief { get; init; } = Trajectory.Tarief;

    public long? Bedrag { get; init; }

    public string DebetCredit { get; init; } = "D";

    public bool IsEuros => Eenheid == "83";

    public long Amount => Bedrag ?? (IsEuros ? Volume : Volume * (Tarief ?? 0));

    public long Signed => DebetCredit == "C" ? -Amount : Amount;

    /// <summary>The ProductPeriode of IV089 for a month: from the 1st or the Ingangsdatum, to the last day or the Einddatum.</summary>
    public static Pr Month(int year, int month, DateOnly? ingangsdatum = null, DateOnly? einddatum = null)
    {
        var first = new DateOnly(year, month, 1);
        var last = first.AddMonths(1).AddDays(-1);
        var ingang = ingangsdatum ?? Trajectory.Ingangsdatum;
        var eind = einddatum ?? Trajectory.Einddatum;
        return new Pr { Begin = ingang > first ? ingang : first, Eind = eind < last ? eind : last };
    }

    /// <summary>IV091: identical to the debit except a new ReferentieNummer, VorigReferentieNummer = the debit's, DebetCredit C.</summary>
    public Pr Credit(string? referentie = null) => this with
    {
        Ref = referentie,
        Vorig = Ref ?? throw new InvalidOperationException("Give the debit a Ref to credit it."),
        DebetCredit = "C",
    };

    internal XElement ToXml(Ns ns, IEnumerable<string>? retourCodes = null) => ns.E(
        "Prestatie",
        ns.E("ProductReferentie", ns.I("ReferentieNummer", Ref ?? IjwXml.Next("P")), Vorig is null ? null : ns.I("VorigReferentieNummer", Vorig)),
        ns.E("ToewijzingNummer", IjwXml.F(Nummer)),
        ns.E("ProductCategorie", Categorie),
        ns.E("ProductCode", Code),
        ns.Periode("ProductPeriode", Begin, Eind),
        ns.E("GeleverdVolume", IjwXml.F(Volume)),
        ns.E("Eenheid", Eenheid),
        Tarief is { } tarief && !IsEuros ? ns.E("ProductTarief", IjwXml.F(tarief)) : null,
        ns.Bedrag("IngediendBedrag", Signed),
        retourCodes is null ? null : ns.E("RetourCodes", retourCodes.Select(c => ns.E("RetourCode", c))));
}

/// <summary>
/// JW325 Declaratie-antwoord from the municipality, answering a JW323 (give its identification, number and total);
/// <see cref="Rejected"/> are the echoed prestaties, each with code 9321; the granted total follows (TR342).
/// </summary>
public sealed record Jw325 : IjwBuilder
{
    public required string DeclaratieIdentificatie { get; init; }

    public required DateOnly DeclaratieDagtekening { get; init; }

    public string XsdVersieDeclaratie { get; init; } = "1.0.0";

    public required string DeclaratieNummer { get; init; }

    /// <summary>Signed TotaalIngediendBedrag of the JW323.</summary>
    public required long Ingediend { get; init; }

    public IReadOnlyList<Cl> Rejected { get; init; } = [];

    protected override int Number => 325;

    protected override string BerichtCode => "491";

    protected override bool FromGemeente => true;

    /// <summary>An answer on a parsed JW323 that echoes <paramref name="rejected"/>.</summary>
    public static Jw325 Answering(Jw323Message declaration, params Cl[] rejected) => new()
    {
        DeclaratieIdentificatie = declaration.Header.BerichtIdentificatie.Identificatie,
        DeclaratieDagtekening = declaration.Header.Dagtekening,
        DeclaratieNummer = declaration.Declaratie.DeclaratieNummer,
        Ingediend = declaration.Declaratie.TotaalIngediendBedrag.Signed,
        Rejected = rejected,
        Dagtekening = declaration.Header.Dagtekening.AddDays(7),
    };

    protected override IEnumerable<object?> HeaderTail(Ns ns) =>
    [
        ns.E("DeclaratieIdentificatie", ns.I("Identificatie", DeclaratieIdentificatie), ns.I("Dagtekening", IjwXml.F(DeclaratieDagtekening))),
        ns.XsdVersie("XsdVersieDeclaratie", XsdVersieDeclaratie),
        ns.E("RetourCodes", ns.E("RetourCode", "0200")),
    ];

    protected override IEnumerable<object?> Body(Ns ns)
    {
        var echoed = Rejected.SelectMany(c => c.Prestaties).ToList();
        var toegekend = Ingediend - Jw323.SignedTotal(echoed);
        var code = echoed.Count == 0 ? "8001" : "0200";
        return
        [
            ns.E(
                "DeclaratieAntwoord",
                ns.E("DeclaratieNummer", DeclaratieNummer),
                ns.Bedrag("TotaalIngediendBedrag", Ingediend, total: true),
                ns.Bedrag("TotaalToegekendBedrag", toegekend, total: true),
                Rejected.Count == 0
                    ? null
                    : ns.E(
                        "Clienten",
                        Rejected.Select(c => ns.E(
                            "Client",
                            ns.E("Bsn", c.Bsn),
                            ns.E("Prestaties", c.Prestaties.Select(p => p.ToXml(ns, ["9321"]))),
                            ns.E("RetourCodes", ns.E("RetourCode", "0200"))))),
                ns.E("RetourCodes", ns.E("RetourCode", code))),
        ];
    }
}
