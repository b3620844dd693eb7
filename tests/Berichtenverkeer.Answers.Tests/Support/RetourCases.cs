using System.Xml.Linq;
using Berichtenverkeer.Ijw.Catalog;
using Berichtenverkeer.Ijw.Verdicts;

namespace Berichtenverkeer.Answers.Tests.Support;

/// <summary>
/// One heen-message per retour type with level-3/4 codes on some of its classes. <see cref="ClassNames"/> are the classes
/// of messages.md §2 for that retour (test-side knowledge, independent of the builder's table).
/// </summary>
public sealed record RetourCase(
    byte[] Heen,
    MessageType RetourType,
    string[] ClassNames,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Codes,
    IReadOnlySet<string> NotAssessed)
{
    public Verdict Verdict => new() { ClassCodes = Codes, NotAssessed = NotAssessed };

    /// <summary>What the class at <paramref name="path"/> must carry: its codes, else 0233 when not assessed, else 0200.</summary>
    public string[] Expected(string path) =>
        Codes.TryGetValue(path, out var codes) ? [.. codes] : NotAssessed.Contains(path) ? ["0233"] : ["0200"];
}

public static class RetourCases
{
    public static readonly TheoryData<string> Names = new() { "JW301", "JW305", "JW307", "JW315", "JW317", "JW319", "JW319-woonplaatsbeginsel" };

    private static readonly XNamespace Ijw = Messages.Ijw;

    public static RetourCase Get(string name) => name switch
    {
        // Codes on the product, the contact inside the Relatie not assessed; the other Contact, the Relatie and the Client 0200.
        "JW301" => new(
            Messages.Sample("JW301.xml"),
            MessageTypes.JW302,
            ["Client", "Relatie", "Contact", "ToegewezenProduct"],
            Map(("/Bericht/Client/ToegewezenProducten/ToegewezenProduct", ["9379", "9385"])),
            Set("/Bericht/Client/Relaties/Relatie/Contact")),

        // Two StartProducts: the second was already received (9074), the first is fine.
        "JW305" => new(
            TwoStartProducts(),
            MessageTypes.JW306,
            ["Client", "StartProduct"],
            Map(("/Bericht/Client/StartProducten/StartProduct[2]", ["9074"])),
            Set()),

        "JW307" => new(
            Messages.Sample("JW307.xml"),
            MessageTypes.JW308,
            ["Client", "StopProduct"],
            Map(("/Bericht/Client/StopProducten/StopProduct", ["9069", "9413"])),
            Set()),

        // Error on the Client itself; the product was not assessed.
        "JW315" => new(
            Messages.Sample("JW315.xml"),
            MessageTypes.JW316,
            ["Client", "AangevraagdProduct"],
            Map(("/Bericht/Client", ["9374"])),
            Set("/Bericht/Client/AangevraagdeProducten/AangevraagdProduct")),

        "JW317" => new(
            FullVerzoekOmWijziging(),
            MessageTypes.JW318,
            ["Client", "Verzoek", "OngewijzigdProduct", "TeWijzigenProduct", "NieuwProduct"],
            Map(
                ("/Bericht/Client/Verzoek", ["9349"]),
                ("/Bericht/Client/Verzoek/TeWijzigenProducten/TeWijzigenProduct", ["9351"])),
            Set("/Bericht/Client/Verzoek/NieuweProducten/NieuwProduct")),

        "JW319" => new(
            Messages.Sample("JW319.xml"),
            MessageTypes.JW320,
            ["Antwoord", "Woonplaatsbeginsel"],
            Map(("/Bericht/Antwoord", ["9355"])),
            Set()),

        "JW319-woonplaatsbeginsel" => new(
            RejectedForWoonplaatsbeginsel(),
            MessageTypes.JW320,
            ["Antwoord", "Woonplaatsbeginsel"],
            Map(("/Bericht/Antwoord/Woonplaatsbeginsel", ["S300"])),
            Set()),

        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };

    public static byte[] TwoStartProducts() => Messages.Edit("JW305.xml", (doc, ns) =>
    {
        var first = doc.Descendants(ns + "StartProduct").Single();
        var second = new XElement(first);
        second.SetText("ToewijzingNummer", ns, "100002");
        second.Element(ns + "Product")!.Element(Ijw + "Code")!.Value = "45A05";
        second.SetText("ToewijzingIngangsdatum", ns, "2026-01-06");
        second.SetText("Begindatum", ns, "2026-01-06");
        first.AddAfterSelf(second);
    });

    /// <summary>A VOW with an unchanged, a to-be-changed and a new product, so every JW318 class occurs.</summary>
    public static byte[] FullVerzoekOmWijziging() => Messages.Edit("JW317.xml", (doc, ns) =>
    {
        var verzoek = doc.Descendants(ns + "Verzoek").Single();
        verzoek.Element(ns + "TeWijzigenProducten")!.AddBeforeSelf(
            new XElement(ns + "OngewijzigdeProducten", new XElement(ns + "OngewijzigdProduct", new XElement(ns + "ToewijzingNummer", "100002"))));
        verzoek.Add(new XElement(
            ns + "NieuweProducten",
            new XElement(
                ns + "NieuwProduct",
                new XElement(ns + "Product", new XElement(Ijw + "Categorie", "45"), new XElement(Ijw + "Code", "45A05")),
                new XElement(ns + "GewensteIngangsdatum", "2026-03-02"),
                new XElement(ns + "Einddatum", "2026-06-30"),
                new XElement(ns + "Omvang", new XElement(Ijw + "Volume", "4"), new XElement(Ijw + "Eenheid", "04"), new XElement(Ijw + "Frequentie", "2")))));
    });

    public static byte[] RejectedForWoonplaatsbeginsel() => Messages.Edit("JW319.xml", (doc, ns) =>
    {
        var antwoord = doc.Descendants(ns + "Antwoord").Single();
        antwoord.SetText("VerzoekAntwoord", ns, "1");
        antwoord.Add(new XElement(ns + "RedenAfwijzingVerzoek", "8"), new XElement(ns + "Woonplaatsbeginsel", new XElement(ns + "Gemeente", "0599")));
    });

    private static Dictionary<string, IReadOnlyList<string>> Map(params (string Path, string[] Codes)[] entries) =>
        entries.ToDictionary(e => e.Path, e => (IReadOnlyList<string>)e.Codes);

    private static HashSet<string> Set(params string[] paths) => [.. paths];
}
