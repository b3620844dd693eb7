using System.Globalization;

namespace Berichtenverkeer.Generator;

/// <summary>Sizes a run. Every value a preset sets can be overridden through <see cref="GeneratorOptions"/>.</summary>
public enum GeneratorPreset
{
    /// <summary>2 municipalities (Amsterdam, Diemen), 3 providers, about 20 clients, 4 months: tests and the README demo.</summary>
    Tiny,

    /// <summary>10 municipalities (region Utrecht), 150 providers, about 10,000 active clients: a care region, 3 months.</summary>
    Region,

    /// <summary>About 340 municipalities, 3,500 providers, about 350,000 active clients and 500,000 prestaties a month, 1 month.</summary>
    Country,
}

/// <summary>
/// What to generate. Null properties take the preset's value (see <see cref="GeneratorSettings.Resolve"/>).
/// </summary>
public sealed class GeneratorOptions
{
    public GeneratorPreset Preset { get; set; } = GeneratorPreset.Tiny;

    /// <summary>The same seed and options give byte-identical output.</summary>
    public ulong Seed { get; set; } = 1;

    /// <summary>Number of municipalities. Real CBS codes are used first; beyond them synthetic 9xxx codes are derived.</summary>
    public int? Municipalities { get; set; }

    /// <summary>Explicit CBS codes to use (must be in the generator's list of real municipalities); overrides <see cref="Municipalities"/>.</summary>
    public IReadOnlyList<string>? MunicipalityCodes { get; set; }

    public int? Providers { get; set; }

    /// <summary>Target number of clients in care at any moment (the stock at the start, kept steady by inflow).</summary>
    public int? Clients { get; set; }

    /// <summary>First month of traffic (day is ignored). The history that makes the first month valid (assignments and
    /// starts of clients already in care) is dated before it.</summary>
    public DateOnly? StartMonth { get; set; }

    /// <summary>Number of calendar months of traffic. Each month carries the declarations for the month before.</summary>
    public int? Months { get; set; }

    /// <summary>Share of heen-messages in the traffic months that carry one technical defect (0 … 0.5).</summary>
    public double? DefectRate { get; set; }

    /// <summary>Share of providers that commit one fraud pattern (0 … 0.5); at least one when the rate is above 0 and a pattern fits.</summary>
    public double? FraudRate { get; set; }

    /// <summary>Relative weights per TR code (see <see cref="DefectCodes.All"/>); codes left out are not injected. Null = all, equal weight.</summary>
    public IReadOnlyDictionary<string, double>? DefectMix { get; set; }

    /// <summary>Fraud patterns to use (see <see cref="FraudCodes.All"/>). Null = all.</summary>
    public IReadOnlyList<string>? FraudPatterns { get; set; }

    /// <summary>Months of history before <see cref="StartMonth"/> over which the starting stock of assignments is spread.</summary>
    public int? HistoryMonths { get; set; }

    /// <summary>Largest number of clients in one JW323; a provider with more clients for one municipality sends several declarations.</summary>
    public int? MaxClientsPerDeclaration { get; set; }
}

/// <summary>The TR codes the generator can inject as technical defects.</summary>
public static class DefectCodes
{
    /// <summary>Duplicate BerichtIdentificatie/Identificatie (header; 9056).</summary>
    public const string TR056 = "TR056";

    /// <summary>Delete (StatusAanlevering 3) of a start or stop that was never delivered (9063).</summary>
    public const string TR063 = "TR063";

    /// <summary>ProductPeriode begins before the assignment (9307; TR387 fires too).</summary>
    public const string TR307 = "TR307";

    /// <summary>ProductPeriode ends after the assignment (9308; TR388 fires too).</summary>
    public const string TR308 = "TR308";

    /// <summary>Reused ReferentieNummer (8021).</summary>
    public const string TR314 = "TR314";

    /// <summary>GeleverdVolume above the maximum for the ProductPeriode (9321; TR322 may fire too).</summary>
    public const string TR321 = "TR321";

    /// <summary>Duplicate DeclaratieNummer (9333).</summary>
    public const string TR333 = "TR333";

    /// <summary>Prestatie on an unknown ToewijzingNummer (9338).</summary>
    public const string TR338 = "TR338";

    /// <summary>Second debit for the same assignment, product and ProductPeriode without a credit (9389).</summary>
    public const string TR389 = "TR389";

    /// <summary>ProductTarief differs from the contract tariff (0611).</summary>
    public const string TR418 = "TR418";

    public static readonly IReadOnlyList<string> All = [TR056, TR063, TR307, TR308, TR314, TR321, TR333, TR338, TR389, TR418];

    public static string Retourcode(string code) => code switch
    {
        TR056 => "9056",
        TR063 => "9063",
        TR307 => "9307",
        TR308 => "9308",
        TR314 => "8021",
        TR321 => "9321",
        TR333 => "9333",
        TR338 => "9338",
        TR389 => "9389",
        TR418 => "0611",
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, "Unknown defect code."),
    };
}

/// <summary>The fraud patterns of fraud-signals.md the generator can inject.</summary>
public static class FraudCodes
{
    /// <summary>Care declared after death (a JW307 with reason 02, then declarations).</summary>
    public const string FR14 = "FR14";

    /// <summary>Declared after a definitive stop.</summary>
    public const string FR15 = "FR15";

    /// <summary>Declared during a temporary stop.</summary>
    public const string FR16 = "FR16";

    /// <summary>Declared but never started.</summary>
    public const string FR17 = "FR17";

    /// <summary>Physically impossible volume (within the assignment's maxima).</summary>
    public const string FR24 = "FR24";

    /// <summary>Max-out billing: ≥ 98% of the assigned volume for every client every month over ≥ 3 months.</summary>
    public const string FR26 = "FR26";

    /// <summary>Sudden growth of a provider's clients and amount.</summary>
    public const string FR32 = "FR32";

    /// <summary>Client migration: ≥ 5 clients stop at one provider (reason 38) and start at another within 30 days.</summary>
    public const string FR34 = "FR34";

    public static readonly IReadOnlyList<string> All = [FR14, FR15, FR16, FR17, FR24, FR26, FR32, FR34];
}

/// <summary>The options of a run with every preset value filled in; written to manifest.json.</summary>
public sealed record GeneratorSettings
{
    public required GeneratorPreset Preset { get; init; }

    public required ulong Seed { get; init; }

    public required int Municipalities { get; init; }

    public IReadOnlyList<string>? MunicipalityCodes { get; init; }

    public required int Providers { get; init; }

    public required int Clients { get; init; }

    public required DateOnly StartMonth { get; init; }

    public required int Months { get; init; }

    public required double DefectRate { get; init; }

    public required double FraudRate { get; init; }

    public required IReadOnlyDictionary<string, double> DefectMix { get; init; }

    public required IReadOnlyList<string> FraudPatterns { get; init; }

    public required int HistoryMonths { get; init; }

    public required int MaxClientsPerDeclaration { get; init; }

    /// <summary>First day after the last month of traffic; no message is dated on or after it.</summary>
    public DateOnly EndExclusive => StartMonth.AddMonths(Months);

    public static GeneratorSettings Resolve(GeneratorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var (municipalities, providers, clients, months, defectRate, fraudRate) = options.Preset switch
        {
            GeneratorPreset.Tiny => (2, 3, 20, 4, 0.04, 0.34),
            GeneratorPreset.Region => (10, 150, 10_000, 3, 0.01, 0.05),
            GeneratorPreset.Country => (340, 3_500, 350_000, 1, 0.005, 0.03),
            _ => throw new ArgumentOutOfRangeException(nameof(options), options.Preset, "Unknown preset."),
        };
        var codes = options.MunicipalityCodes ?? options.Preset switch
        {
            GeneratorPreset.Tiny when options.Municipalities is null => World.Municipalities.TinyPreset,
            GeneratorPreset.Region when options.Municipalities is null => World.Municipalities.RegionPreset,
            _ => null,
        };
        var start = options.StartMonth ?? new DateOnly(2025, 1, 1);
        var settings = new GeneratorSettings
        {
            Preset = options.Preset,
            Seed = options.Seed,
            Municipalities = codes?.Count ?? options.Municipalities ?? municipalities,
            MunicipalityCodes = codes,
            Providers = options.Providers ?? providers,
            Clients = options.Clients ?? clients,
            StartMonth = new DateOnly(start.Year, start.Month, 1),
            Months = options.Months ?? months,
            DefectRate = options.DefectRate ?? defectRate,
            FraudRate = options.FraudRate ?? fraudRate,
            DefectMix = options.DefectMix ?? DefectCodes.All.ToDictionary(c => c, _ => 1.0, StringComparer.Ordinal),
            FraudPatterns = options.FraudPatterns ?? FraudCodes.All,
            HistoryMonths = options.HistoryMonths ?? 12,
            MaxClientsPerDeclaration = options.MaxClientsPerDeclaration ?? 1_000,
        };
        settings.Validate();
        return settings;
    }

    private void Validate()
    {
        Check(Municipalities is >= 1 and <= 999 + 170, "Municipalities must be between 1 and 1169.");
        Check(Providers >= 1, "Providers must be at least 1.");
        Check(Clients >= 1 && Clients <= 800_000, "Clients must be between 1 and 800,000.");
        Check(Months is >= 1 and <= 60, "Months must be between 1 and 60.");
        Check(StartMonth >= new DateOnly(2022, 1, 1), "StartMonth must be 2022-01 or later (CS100 needs periods from 2021-01-01; the history precedes the start).");
        Check(DefectRate is >= 0 and <= 0.5, "DefectRate must be between 0 and 0.5.");
        Check(FraudRate is >= 0 and <= 0.5, "FraudRate must be between 0 and 0.5.");
        Check(HistoryMonths is >= 1 and <= 24, "HistoryMonths must be between 1 and 24.");
        Check(MaxClientsPerDeclaration >= 1, "MaxClientsPerDeclaration must be at least 1.");
        foreach (var code in DefectMix.Keys)
        {
            Check(DefectCodes.All.Contains(code), string.Create(CultureInfo.InvariantCulture, $"Unknown defect code '{code}'."));
        }

        Check(DefectMix.Values.All(w => w >= 0), "DefectMix weights must not be negative.");
        foreach (var code in FraudPatterns)
        {
            Check(FraudCodes.All.Contains(code), string.Create(CultureInfo.InvariantCulture, $"Unknown fraud pattern '{code}'."));
        }

        if (MunicipalityCodes is not null)
        {
            foreach (var code in MunicipalityCodes)
            {
                Check(World.Municipalities.Find(code) is not null, string.Create(CultureInfo.InvariantCulture, $"'{code}' is not in the generator's list of real CBS codes."));
            }

            Check(MunicipalityCodes.Distinct(StringComparer.Ordinal).Count() == MunicipalityCodes.Count, "MunicipalityCodes contains duplicates.");
        }
    }

    private static void Check(bool condition, string message)
    {
        if (!condition)
        {
            throw new ArgumentException(message);
        }
    }
}
