using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Berichtenverkeer.Audit.Sampling;

/// <summary>How the population is split before allocating the sample.</summary>
public enum Stratification
{
    /// <summary>One stratum, "all".</summary>
    None,

    /// <summary>Per provider (AGB).</summary>
    Provider,

    /// <summary>Per product category.</summary>
    Category,
}

/// <summary>
/// Everything that defines a control-audit sample (AT8), so anyone can redo it: the seed, the population, the strata and
/// either a fixed <see cref="Size"/> or the <see cref="Precision"/> it follows from.
/// </summary>
public sealed record SampleFrame
{
    /// <summary>A non-negative whole number, chosen (and written down) before the draw.</summary>
    public required long Seed { get; init; }

    public required SamplingPopulation Population { get; init; }

    public Stratification Strata { get; init; } = Stratification.None;

    /// <summary>A fixed total size (capped at the population); or null to compute it from <see cref="Precision"/>.</summary>
    public int? Size { get; init; }

    public SamplePrecision? Precision { get; init; }
}

/// <summary>One stratum: its population, its exact proportional quota n·N_h/N and the whole number allocated.</summary>
public sealed record StratumAllocation(string Stratum, int PopulationCount, double Quota, int Allocated);

/// <summary>One unit of the population with its draw hash and rank within its stratum (1 = drawn first).</summary>
public sealed record RankedUnit(string Stratum, int Rank, string Hash, bool Selected, SamplingUnit Unit);

/// <summary>The drawn sample with everything needed to redo and check it.</summary>
public sealed record SampleResult(
    SampleFrame Frame, int PopulationCount, int SampleSize, string SizeBasis, IReadOnlyList<StratumAllocation> Strata, IReadOnlyList<RankedUnit> Population)
{
    public IEnumerable<RankedUnit> Selected => Population.Where(u => u.Selected);
}

/// <summary>
/// Draws a reproducible stratified sample. The procedure, which needs nothing but SHA-256 to redo:
/// <list type="number">
/// <item>take the units the population definition selects; the stratum of a unit is its AGB (provider), its product
/// category (category), or "all";</item>
/// <item>size n: the given size, or <see cref="SampleSize.For"/> over the whole population; at most N;</item>
/// <item>allocate proportionally by largest remainder (Hamilton): each stratum gets ⌊n·N_h/N⌋, the units left go one
/// each to the strata with the largest remainders (ties: stratum name, ordinal) — so the sizes sum to n and each is
/// within 1 of its quota;</item>
/// <item>in each stratum, sort the units by lowercase hex SHA-256 of the UTF-8 text <c>seed + ":" + key</c> (ties: key,
/// ordinal) and take the first n_h.</item>
/// </list>
/// E.g. seed 42, key 12345678:R1 → <c>printf '%s' '42:12345678:R1' | sha256sum</c>.
/// </summary>
public static class Sampler
{
    public const string AllStratum = "all";

    public static SampleResult Draw(SampleFrame frame, IEnumerable<SamplingUnit> units)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(units);
        if (frame.Seed < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(frame), frame.Seed, "The seed is a non-negative whole number.");
        }

        if (frame.Size is null == frame.Precision is null)
        {
            throw new ArgumentException("Give either a sample size or a precision (confidence, margin), not both or neither.", nameof(frame));
        }

        if (frame.Size is <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(frame), frame.Size, "The sample size must be positive.");
        }

        var population = units.Where(frame.Population.Contains).ToList();
        var duplicate = population.GroupBy(u => u.Key, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Unit key '{duplicate.Key}' occurs more than once: keys must identify units.", nameof(units));
        }

        var total = population.Count;
        var (size, basis) = frame.Size is { } fixedSize
            ? (Math.Min(fixedSize, total), fixedSize > total ? $"given {Number(fixedSize)}, capped at the population" : "given")
            : (SampleSize.For(total, frame.Precision!), "normal approximation with finite population correction");

        var strata = population
            .GroupBy(u => StratumOf(u, frame.Strata), StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (Name: g.Key, Units: g.ToList()))
            .ToList();
        var allocation = Allocate(strata.Select(s => (s.Name, s.Units.Count)).ToList(), size);

        var ranked = new List<RankedUnit>(total);
        foreach (var (name, members) in strata)
        {
            var take = allocation.First(a => a.Stratum == name).Allocated;
            var order = members
                .Select(u => (Unit: u, Hash: DrawHash(frame.Seed, u.Key)))
                .OrderBy(x => x.Hash, StringComparer.Ordinal)
                .ThenBy(x => x.Unit.Key, StringComparer.Ordinal)
                .ToList();
            for (var i = 0; i < order.Count; i++)
            {
                ranked.Add(new RankedUnit(name, i + 1, order[i].Hash, i < take, order[i].Unit));
            }
        }

        return new SampleResult(frame, total, size, basis, allocation, ranked);
    }

    /// <summary>
    /// Proportional allocation of <paramref name="size"/> over strata by largest remainder, in exact integer arithmetic:
    /// Σ allocated = size, and |allocated − size·N_h/N| &lt; 1 for every stratum.
    /// </summary>
    public static IReadOnlyList<StratumAllocation> Allocate(IReadOnlyList<(string Stratum, int Count)> strata, int size)
    {
        ArgumentNullException.ThrowIfNull(strata);
        long total = strata.Sum(s => (long)s.Count);
        if (size < 0 || size > total)
        {
            throw new ArgumentOutOfRangeException(nameof(size), size, "The sample size lies between 0 and the population size.");
        }

        if (total == 0)
        {
            return strata.Select(s => new StratumAllocation(s.Stratum, s.Count, 0, 0)).ToList();
        }

        var shares = strata
            .Select(s => (s.Stratum, s.Count, Floor: (long)size * s.Count / total, Remainder: (long)size * s.Count % total))
            .ToList();
        var left = size - shares.Sum(s => s.Floor);
        var extra = shares
            .OrderByDescending(s => s.Remainder)
            .ThenBy(s => s.Stratum, StringComparer.Ordinal)
            .Take((int)left)
            .Select(s => s.Stratum)
            .ToHashSet(StringComparer.Ordinal);
        return shares
            .Select(s => new StratumAllocation(
                s.Stratum, s.Count, (double)size * s.Count / total, checked((int)s.Floor) + (extra.Contains(s.Stratum) ? 1 : 0)))
            .ToList();
    }

    /// <summary>The draw hash: lowercase hex SHA-256 of UTF-8 <c>seed ":" key</c> (seed in decimal).</summary>
    public static string DrawHash(long seed, string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var text = seed.ToString(CultureInfo.InvariantCulture) + ":" + key;
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    public static string StratumOf(SamplingUnit unit, Stratification strata)
    {
        ArgumentNullException.ThrowIfNull(unit);
        return strata switch
        {
            Stratification.None => AllStratum,
            Stratification.Provider => unit.Agb,
            Stratification.Category => unit.ProductCategorie ?? "(none)",
            _ => throw new ArgumentOutOfRangeException(nameof(strata), strata, null),
        };
    }

    public static string StrataText(Stratification strata) => strata switch
    {
        Stratification.None => "none",
        Stratification.Provider => "provider",
        Stratification.Category => "category",
        _ => throw new ArgumentOutOfRangeException(nameof(strata), strata, null),
    };

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
