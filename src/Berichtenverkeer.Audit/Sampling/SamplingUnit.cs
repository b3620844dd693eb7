using System.Globalization;
using Berichtenverkeer.Audit.Trail;

namespace Berichtenverkeer.Audit.Sampling;

/// <summary>What a sampling unit is.</summary>
public static class UnitType
{
    /// <summary>One declared prestatie (JW323); key <c>agb:referentienummer</c> (unique per provider, TR314).</summary>
    public const string Prestatie = "prestatie";

    /// <summary>One client dossier on an assignment; key <c>gemeente:clientPseudonym:toewijzingnummer</c>.</summary>
    public const string Dossier = "dossier";
}

/// <summary>
/// One unit of a control-audit population. Carries what the population definition and the strata need, never a BSN:
/// a dossier names its client only by the keyed pseudonym (<see cref="Pseudonyms.BsnPseudonymizer"/>).
/// </summary>
public sealed record SamplingUnit
{
    /// <summary>The unit's identity in the frame; the draw ranks SHA-256(seed ":" key).</summary>
    public required string Key { get; init; }

    /// <summary><see cref="UnitType.Prestatie"/> or <see cref="UnitType.Dossier"/>.</summary>
    public required string Type { get; init; }

    public required string Gemeente { get; init; }

    public required string Agb { get; init; }

    public string? ProductCategorie { get; init; }

    public string? ProductCode { get; init; }

    /// <summary>ProductPeriode begin (a prestatie's month); null for a dossier.</summary>
    public DateOnly? Periode { get; init; }

    /// <summary>IngediendBedrag in eurocents (for appraisal afterwards).</summary>
    public long? Bedrag { get; init; }

    /// <summary>True for a credit line (D/C = C).</summary>
    public bool Credit { get; init; }

    /// <summary>Whether the gemeente approved the line (JW325); dossiers count as approved.</summary>
    public bool Approved { get; init; } = true;

    public static SamplingUnit Prestatie(
        string agb, string referentieNummer, string gemeente, string productCategorie, string productCode, DateOnly periode,
        long bedrag, bool credit = false, bool approved = true)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(agb);
        ArgumentException.ThrowIfNullOrWhiteSpace(referentieNummer);
        return new SamplingUnit
        {
            Key = $"{agb}:{referentieNummer}",
            Type = UnitType.Prestatie,
            Gemeente = gemeente,
            Agb = agb,
            ProductCategorie = productCategorie,
            ProductCode = productCode,
            Periode = periode,
            Bedrag = bedrag,
            Credit = credit,
            Approved = approved,
        };
    }

    /// <summary>A dossier; <paramref name="clientPseudonym"/> must be a pseudonym, never a BSN (refused when it looks like one).</summary>
    public static SamplingUnit Dossier(
        string gemeente, string clientPseudonym, long toewijzingNummer, string agb, string? productCategorie = null, string? productCode = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(gemeente);
        ArgumentException.ThrowIfNullOrWhiteSpace(clientPseudonym);
        if (TriageRules.ContainsLikelyBsn(clientPseudonym) || clientPseudonym.All(char.IsAsciiDigit))
        {
            throw new ArgumentException("A dossier names its client by pseudonym, never by BSN.", nameof(clientPseudonym));
        }

        return new SamplingUnit
        {
            Key = $"{gemeente}:{clientPseudonym}:{toewijzingNummer.ToString(CultureInfo.InvariantCulture)}",
            Type = UnitType.Dossier,
            Gemeente = gemeente,
            Agb = agb,
            ProductCategorie = productCategorie,
            ProductCode = productCode,
        };
    }
}

/// <summary>
/// Which units form the population (AT8): a period of ProductPeriode months and optional filters. An empty filter list
/// means "all". By default only approved debit lines count (what was paid); credits and rejected lines on request.
/// </summary>
public sealed record SamplingPopulation
{
    public string UnitType { get; init; } = Sampling.UnitType.Prestatie;

    /// <summary>First month (inclusive): ProductPeriode begins on or after its first day.</summary>
    public required DateOnly FromMonth { get; init; }

    /// <summary>Last month (inclusive): ProductPeriode begins on or before its last day.</summary>
    public required DateOnly ToMonth { get; init; }

    public IReadOnlyList<string> Gemeenten { get; init; } = [];

    public IReadOnlyList<string> Providers { get; init; } = [];

    public IReadOnlyList<string> ProductCategories { get; init; } = [];

    public IReadOnlyList<string> ProductCodes { get; init; } = [];

    public bool IncludeCredits { get; init; }

    public bool IncludeRejected { get; init; }

    /// <summary>The first day of <see cref="FromMonth"/>.</summary>
    public DateOnly PeriodStart => new(FromMonth.Year, FromMonth.Month, 1);

    /// <summary>The last day of <see cref="ToMonth"/>.</summary>
    public DateOnly PeriodEnd => new DateOnly(ToMonth.Year, ToMonth.Month, 1).AddMonths(1).AddDays(-1);

    public bool Contains(SamplingUnit unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        return unit.Type == UnitType
            && (unit.Periode is not { } periode || (periode >= PeriodStart && periode <= PeriodEnd))
            && In(Gemeenten, unit.Gemeente)
            && In(Providers, unit.Agb)
            && In(ProductCategories, unit.ProductCategorie)
            && In(ProductCodes, unit.ProductCode)
            && (IncludeCredits || !unit.Credit)
            && (IncludeRejected || unit.Approved);

        static bool In(IReadOnlyList<string> filter, string? value) => filter.Count == 0 || (value is not null && filter.Contains(value, StringComparer.Ordinal));
    }
}

/// <summary>Reads a population's units from where the gateway keeps them (the relational store implements it).</summary>
public interface ISamplingSource
{
    /// <summary>The prestaties <paramref name="population"/> selects, without any BSN.</summary>
    Task<IReadOnlyList<SamplingUnit>> SamplingUnitsAsync(SamplingPopulation population, CancellationToken cancellationToken = default);
}
