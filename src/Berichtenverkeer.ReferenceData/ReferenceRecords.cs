namespace Berichtenverkeer.ReferenceData;

/// <summary>A contracted product: what a provider may deliver for a municipality, in which unit, at which tariff (euro cents per unit).</summary>
public sealed record Contract(
    string Gemeente,
    string Agb,
    string ProductCategorie,
    string ProductCode,
    string Eenheid,
    long Tarief,
    DateOnly ValidFrom,
    DateOnly? ValidTo)
{
    public bool IsValidOn(DateOnly date) => date >= ValidFrom && (ValidTo is null || date <= ValidTo);
}

/// <summary>A municipality's decision (beschikking) granting a client a product, with the volume it allows.</summary>
public sealed record Beschikking(
    string Gemeente,
    string BeschikkingNummer,
    string Bsn,
    string ProductCategorie,
    string? ProductCode,
    DateOnly ValidFrom,
    DateOnly? ValidTo,
    long? Volume,
    string? Eenheid,
    string? Frequentie);

/// <summary>The spending room (bestedingsruimte) a municipality gives a provider for one year, in euro cents.</summary>
public sealed record Budget(string Gemeente, string Agb, int Year, long Amount);

/// <summary>A CBS municipality code, valid over a period (municipal mergers end codes; TR378).</summary>
public sealed record GemeenteCode(string Code, string Naam, DateOnly ValidFrom, DateOnly? ValidTo)
{
    public bool IsValidOn(DateOnly date) => date >= ValidFrom && (ValidTo is null || date <= ValidTo);
}

/// <summary>A product code of a category (national list 021 when Gemeente is null, else the municipality's own list; TR381).</summary>
public sealed record ProductCode(string Categorie, string Code, string? Gemeente, DateOnly? ValidFrom, DateOnly? ValidTo)
{
    public bool IsValidOn(DateOnly date) => (ValidFrom is null || date >= ValidFrom) && (ValidTo is null || date <= ValidTo);
}

/// <summary>
/// A personal budget (PGB) from the SVB/PGB register: the client buys this product himself, so the same product in kind
/// (ZIN) over the same days is paid twice (FR22; OP043: a toewijzing ends no later than the day before the PGB starts).
/// Without a product code the PGB covers the whole category.
/// </summary>
public sealed record Pgb(string Gemeente, string Bsn, string ProductCategorie, string? ProductCode, DateOnly ValidFrom, DateOnly? ValidTo)
{
    /// <summary>Whether this PGB is for the product: same category and, when the PGB names a code, the same code.</summary>
    public bool Covers(string categorie, string? code) => ProductCategorie == categorie && (ProductCode is null || ProductCode == code);
}

/// <summary>
/// One row of a contract's bundle table: the inclusive product <see cref="BundleCode"/> covers <see cref="CoveredCode"/>, so the
/// two must not be declared separately in one month (FR31). A null Gemeente or Agb applies to every municipality or provider.
/// </summary>
public sealed record BundleComponent(string? Gemeente, string? Agb, string ProductCategorie, string BundleCode, string CoveredCode)
{
    public bool AppliesTo(string gemeente, string agb) => (Gemeente is null || Gemeente == gemeente) && (Agb is null || Agb == agb);
}
