using Berichtenverkeer.Ijw.Model;

namespace Berichtenverkeer.Validation.Rules;

/// <summary>The recurring parts of messages that several rules visit, found once here instead of in every rule.</summary>
internal static class MessageParts
{
    /// <summary>Persons with a birth date: the client of 301/305/307/315 and the relations of 301.</summary>
    public static IEnumerable<(string Path, Geboortedatum Geboortedatum)> BirthDates(IjwMessage message)
    {
        if (ClientOf(message) is { } client)
        {
            yield return ($"{client.Path}/Geboortedatum", client.Gegevens.Geboortedatum);
        }

        if (message is Jw301Message m301)
        {
            foreach (var relatie in m301.Client.Relaties.Where(r => r.Geboortedatum is not null))
            {
                yield return ($"{relatie.Path}/Geboortedatum", relatie.Geboortedatum!);
            }
        }
    }

    public static (string Path, ClientGegevens Gegevens)? ClientOf(IjwMessage message) => message switch
    {
        Jw301Message m => (m.Client.Path, m.Client.Gegevens),
        Jw305Message m => (m.Client.Path, m.Client.Gegevens),
        Jw307Message m => (m.Client.Path, m.Client.Gegevens),
        Jw315Message m => (m.Client.Path, m.Client.Gegevens),
        _ => null,
    };

    /// <summary>Every BSN element with its path.</summary>
    public static IEnumerable<(string Path, string Bsn)> Bsns(IjwMessage message) => message switch
    {
        Jw317Message m => [($"{m.Client.Path}/Bsn", m.Client.Bsn)],
        Jw323Message m => m.Declaratie.Clienten.Select(c => ($"{c.Path}/Bsn", c.Bsn)),
        Jw325Message m => m.DeclaratieAntwoord?.Clienten.Select(c => ($"{c.Path}/Bsn", c.Bsn)) ?? [],
        _ => ClientOf(message) is { } c ? [($"{c.Path}/Bsn", c.Gegevens.Bsn)] : [],
    };

    /// <summary>Every Contact of a JW301: those in Contactgegevens and the one inside each Relatie.</summary>
    public static IEnumerable<Contact> Contacts(IjwMessage message) => message is Jw301Message m
        ? m.Client.Contactgegevens.Concat(m.Client.Relaties.Select(r => r.Contact))
        : [];

    /// <summary>Assigned, requested, to-change and new products: the classes the product conditions (CD041, CD075–CD080 …) apply to.</summary>
    public static IEnumerable<IProductPeriod> ProductPeriods(IjwMessage message) => message switch
    {
        Jw301Message m => m.Client.ToegewezenProducten,
        Jw315Message m => m.Client.AangevraagdeProducten,
        Jw317Message m => m.Client.Verzoek.TeWijzigenProducten.Cast<IProductPeriod>().Concat(m.Client.Verzoek.NieuweProducten),
        _ => [],
    };

    /// <summary>The products whose own Product element is sent (TeWijzigenProduct never carries one).</summary>
    public static IEnumerable<IProductPeriod> ProductsWithOwnProduct(IjwMessage message) =>
        ProductPeriods(message).Where(p => p is not TeWijzigenProduct);

    public static IEnumerable<Prestatie> Prestaties(IjwMessage message) => message switch
    {
        Jw323Message m => m.Declaratie.Prestaties,
        Jw325Message m => m.DeclaratieAntwoord?.Clienten.SelectMany(c => c.Prestaties) ?? [],
        _ => [],
    };

    /// <summary>The element name of a product's end date: ToewijzingEinddatum in a VOT, Einddatum elsewhere.</summary>
    public static string EinddatumName(IProductPeriod product) => product is AangevraagdProduct ? "ToewijzingEinddatum" : "Einddatum";

    public static string IngangsdatumName(IProductPeriod product) => product switch
    {
        AangevraagdProduct => "ToewijzingIngangsdatum",
        TeWijzigenProduct or NieuwProduct => "GewensteIngangsdatum",
        _ => "Ingangsdatum",
    };

    /// <summary>"Einddatum is > 2020-12-31 or empty": the condition under which CD080/CD095/CD096/CS338/CS343 apply.</summary>
    public static bool EndsAfter2020OrOpen(IProductPeriod product) =>
        product.Einddatum is null || product.Einddatum > new DateOnly(2020, 12, 31);
}
