using Berichtenverkeer.Ijw.Catalog;

namespace Berichtenverkeer.Generator.World;

/// <summary>A product a municipality can assign, with the ranges the generator draws extent, tariff and duration from.</summary>
internal sealed record ProductDef
{
    public required int Id { get; init; }

    public required string Categorie { get; init; }

    /// <summary>Null for an aspecific assignment (category only, with a budget).</summary>
    public string? Code { get; init; }

    public required string Naam { get; init; }

    /// <summary>Assigned unit; null for an aspecific assignment with budget.</summary>
    public string? Eenheid { get; init; }

    public string? Frequentie { get; init; }

    public int VolumeMin { get; init; }

    public int VolumeMax { get; init; }

    public long BudgetMin { get; init; }

    public long BudgetMax { get; init; }

    /// <summary>Contract tariff range in cents per declared unit.</summary>
    public required long TariffMin { get; init; }

    public required long TariffMax { get; init; }

    public required int DurationMinMonths { get; init; }

    public required int DurationMaxMonths { get; init; }

    /// <summary>Share of assignments without Einddatum (only where the frequency allows it, CD076).</summary>
    public double OpenEndedShare { get; init; }

    /// <summary>The code a declaration uses: the assigned code, or for an aspecific assignment a code of its category (IV075).</summary>
    public required string DeclareCode { get; init; }

    /// <summary>The unit a declaration uses (and the contract's unit).</summary>
    public required string DeclareEenheid { get; init; }

    /// <summary>A municipality's own product code (not on the national list).</summary>
    public bool Local { get; init; }

    public bool IsAspecific => Code is null;

    public bool HasOmvang => Eenheid is not null;

    public bool IsWeekly => Frequentie == Ijw.Catalog.Frequentie.PerWeek;

    public bool IsTotal => Frequentie == Ijw.Catalog.Frequentie.Totaal;

    public bool IsResidentialDays => Eenheid == Ijw.Catalog.Eenheid.Etmaal && Frequentie == Ijw.Catalog.Frequentie.PerMaand;
}

/// <summary>
/// The product mix. Codes have the shape of the national list 021 (category + letter + two digits) but are
/// illustrative: the generator writes the list it uses to <c>productcodes.csv</c>, so the traffic and the reference
/// data always agree.
/// </summary>
internal static class ProductCatalog
{
    public static readonly ProductDef AmbulantBegeleiding = new()
    {
        Id = 0, Categorie = "45", Code = "45A01", Naam = "Ambulante begeleiding", Eenheid = Eenheid.Uur, Frequentie = Frequentie.PerWeek,
        VolumeMin = 1, VolumeMax = 6, TariffMin = 6_500, TariffMax = 8_500, DurationMinMonths = 3, DurationMaxMonths = 12,
        DeclareCode = "45A01", DeclareEenheid = Eenheid.Uur,
    };

    public static readonly ProductDef AmbulantBehandeling = new()
    {
        Id = 1, Categorie = "45", Code = "45A04", Naam = "Ambulante behandeling", Eenheid = Eenheid.Uur, Frequentie = Frequentie.PerWeek,
        VolumeMin = 1, VolumeMax = 4, TariffMin = 9_000, TariffMax = 12_500, DurationMinMonths = 3, DurationMaxMonths = 9,
        DeclareCode = "45A04", DeclareEenheid = Eenheid.Uur,
    };

    public static readonly ProductDef AmbulantSpecialistisch = new()
    {
        Id = 2, Categorie = "45", Code = "45A07", Naam = "Ambulante specialistische behandeling (uren per maand)", Eenheid = Eenheid.Uur,
        Frequentie = Frequentie.PerMaand, VolumeMin = 4, VolumeMax = 20, TariffMin = 10_000, TariffMax = 14_000,
        DurationMinMonths = 3, DurationMaxMonths = 12, OpenEndedShare = 0.2, DeclareCode = "45A07", DeclareEenheid = Eenheid.Uur,
    };

    public static readonly ProductDef Diagnostiek = new()
    {
        Id = 3, Categorie = "45", Code = "45A10", Naam = "Diagnostiek (totaal binnen de toewijzing)", Eenheid = Eenheid.Uur, Frequentie = Frequentie.Totaal,
        VolumeMin = 6, VolumeMax = 20, TariffMin = 10_000, TariffMax = 13_000, DurationMinMonths = 2, DurationMaxMonths = 4,
        DeclareCode = "45A10", DeclareEenheid = Eenheid.Uur,
    };

    public static readonly ProductDef Dagbehandeling = new()
    {
        Id = 4, Categorie = "41", Code = "41A01", Naam = "Dagbehandeling", Eenheid = Eenheid.Dagdeel, Frequentie = Frequentie.PerWeek,
        VolumeMin = 2, VolumeMax = 8, TariffMin = 6_000, TariffMax = 9_500, DurationMinMonths = 3, DurationMaxMonths = 12,
        DeclareCode = "41A01", DeclareEenheid = Eenheid.Dagdeel,
    };

    public static readonly ProductDef VerblijfMetBehandeling = new()
    {
        Id = 5, Categorie = "43", Code = "43A01", Naam = "Verblijf inclusief behandeling", Eenheid = Eenheid.Etmaal, Frequentie = Frequentie.PerMaand,
        VolumeMin = 31, VolumeMax = 31, TariffMin = 25_000, TariffMax = 40_000, DurationMinMonths = 6, DurationMaxMonths = 12,
        OpenEndedShare = 0.5, DeclareCode = "43A01", DeclareEenheid = Eenheid.Etmaal,
    };

    public static readonly ProductDef Gezinshuis = new()
    {
        Id = 6, Categorie = "44", Code = "44A01", Naam = "Verblijf exclusief behandeling (gezinshuis)", Eenheid = Eenheid.Etmaal,
        Frequentie = Frequentie.PerMaand, VolumeMin = 31, VolumeMax = 31, TariffMin = 12_000, TariffMax = 20_000,
        DurationMinMonths = 6, DurationMaxMonths = 12, OpenEndedShare = 0.5, DeclareCode = "44A01", DeclareEenheid = Eenheid.Etmaal,
    };

    public static readonly ProductDef Logeeropvang = new()
    {
        Id = 7, Categorie = "44", Code = "44A05", Naam = "Logeeropvang (etmalen totaal)", Eenheid = Eenheid.Etmaal, Frequentie = Frequentie.Totaal,
        VolumeMin = 12, VolumeMax = 40, TariffMin = 14_000, TariffMax = 22_000, DurationMinMonths = 3, DurationMaxMonths = 6,
        DeclareCode = "44A05", DeclareEenheid = Eenheid.Etmaal,
    };

    public static readonly ProductDef GgzTraject = new()
    {
        Id = 8, Categorie = "54", Code = "54A02", Naam = "Jeugd-ggz traject per maand (output)", Eenheid = Eenheid.StuksOutput,
        Frequentie = Frequentie.PerMaand, VolumeMin = 1, VolumeMax = 1, TariffMin = 60_000, TariffMax = 150_000,
        DurationMinMonths = 3, DurationMaxMonths = 12, DeclareCode = "54A02", DeclareEenheid = Eenheid.StuksOutput,
    };

    public static readonly ProductDef GgzBudget = new()
    {
        Id = 9, Categorie = "54", Code = null, Naam = "Specialistische jeugd-ggz (aspecifiek, budget)", BudgetMin = 300_000, BudgetMax = 2_500_000,
        TariffMin = 11_000, TariffMax = 14_000, DurationMinMonths = 6, DurationMaxMonths = 12,
        DeclareCode = "54B01", DeclareEenheid = Eenheid.Uur,
    };

    public static readonly ProductDef LokaleOndersteuning = new()
    {
        Id = 10, Categorie = "45", Code = "45X01", Naam = "Lichte ambulante ondersteuning (lokale productcode)", Eenheid = Eenheid.Uur,
        Frequentie = Frequentie.PerWeek, VolumeMin = 1, VolumeMax = 3, TariffMin = 5_500, TariffMax = 7_000,
        DurationMinMonths = 3, DurationMaxMonths = 6, DeclareCode = "45X01", DeclareEenheid = Eenheid.Uur, Local = true,
    };

    public static readonly IReadOnlyList<ProductDef> All =
    [
        AmbulantBegeleiding, AmbulantBehandeling, AmbulantSpecialistisch, Diagnostiek, Dagbehandeling,
        VerblijfMetBehandeling, Gezinshuis, Logeeropvang, GgzTraject, GgzBudget, LokaleOndersteuning,
    ];

    /// <summary>National product codes written to productcodes.csv (category, code) — also codes only used in declarations.</summary>
    public static IEnumerable<(string Categorie, string Code)> NationalCodes() =>
        All.Where(p => !p.Local).Select(p => (p.Categorie, p.DeclareCode)).Distinct();
}

/// <summary>What a provider offers; decides its product mix.</summary>
internal enum ProviderProfile
{
    Ambulant,
    Dagbehandeling,
    Residentieel,
    Ggz,

    /// <summary>Only hours per month (F4): the profile of the FR26 max-out provider.</summary>
    UrenPerMaand,
}

internal static class ProviderProfiles
{
    public static (ProductDef Product, double Weight)[] Mix(ProviderProfile profile) => profile switch
    {
        ProviderProfile.Ambulant =>
        [
            (ProductCatalog.AmbulantBegeleiding, 40), (ProductCatalog.AmbulantBehandeling, 25), (ProductCatalog.AmbulantSpecialistisch, 15),
            (ProductCatalog.Diagnostiek, 10), (ProductCatalog.LokaleOndersteuning, 10),
        ],
        ProviderProfile.Dagbehandeling =>
            [(ProductCatalog.Dagbehandeling, 60), (ProductCatalog.AmbulantBehandeling, 25), (ProductCatalog.Diagnostiek, 15)],
        ProviderProfile.Residentieel =>
        [
            (ProductCatalog.VerblijfMetBehandeling, 30), (ProductCatalog.Gezinshuis, 35), (ProductCatalog.Logeeropvang, 15),
            (ProductCatalog.AmbulantBegeleiding, 20),
        ],
        ProviderProfile.Ggz => [(ProductCatalog.GgzTraject, 55), (ProductCatalog.GgzBudget, 25), (ProductCatalog.Diagnostiek, 20)],
        _ => [(ProductCatalog.AmbulantSpecialistisch, 100)],
    };
}
