using Berichtenverkeer.Ijw.Catalog;

namespace Berichtenverkeer.Ijw.Model;

/// <summary>A berichtklasse: a complex element that gets its own RetourCodes in an answer. Path identifies it in the message.</summary>
public abstract record IjwClass
{
    public required string Path { get; init; }
}

public sealed record BerichtIdentificatie(string Identificatie, DateOnly Dagtekening);

public sealed record XsdVersie(string BasisschemaXsdVersie, string BerichtXsdVersie);

/// <summary>Header items 1–7 shared by every message (messages.md §1.1).</summary>
public sealed record Header : IjwClass
{
    public required string BerichtCode { get; init; }

    public required string Afzender { get; init; }

    public required string Ontvanger { get; init; }

    public required BerichtIdentificatie BerichtIdentificatie { get; init; }

    public required XsdVersie XsdVersie { get; init; }

    public DateOnly Dagtekening => BerichtIdentificatie.Dagtekening;
}

/// <summary>CDT_Product. No Code = aspecific; a whole absent Product = generic.</summary>
public sealed record Product(string Categorie, string? Code);

public sealed record Omvang(long Volume, string Eenheid, string Frequentie);

public sealed record Geboortedatum(DateOnly Datum, string? DatumGebruik);

public sealed record OpenPeriode(DateOnly? Begindatum, DateOnly? Einddatum);

public sealed record GeslotenPeriode(DateOnly Begindatum, DateOnly Einddatum)
{
    public bool Contains(DateOnly date) => date >= Begindatum && date <= Einddatum;
}

/// <summary>CDT_BedragMetDC / CDT_TotaalBedragMetDC, in euro cents (IV024).</summary>
public sealed record Bedrag(long Waarde, string DebetCredit)
{
    public long Signed => Catalog.DebetCredit.Signed(Waarde, DebetCredit);
}

public sealed record Achternaam(string Naam, string? Voorvoegsel);

/// <summary>CDT_VolledigeNaam (JW301) and CDT_VerkorteNaam (others: no Partnernaam, no NaamGebruik).</summary>
public sealed record Naam(Achternaam Geslachtsnaam, Achternaam? Partnernaam, string? Voornamen, string? Voorletters, string? NaamGebruik);

/// <summary>The client data common to JW301/305/307/315. JW317 and JW323 carry only the BSN.</summary>
public sealed record ClientGegevens(string Bsn, Geboortedatum Geboortedatum, string Geslacht, Naam Naam);

/// <summary>
/// The fields of a ToegewezenProduct, AangevraagdProduct, TeWijzigenProduct or NieuwProduct that the
/// product rules (CD041, CD075–CD080, CS003, CS338, overlap TR302/TR386/TR410) look at, under one name.
/// </summary>
public interface IProductPeriod
{
    string Path { get; }

    Product? Product { get; }

    DateOnly Ingangsdatum { get; }

    DateOnly? Einddatum { get; }

    Omvang? Omvang { get; }

    long? Budget { get; }
}
