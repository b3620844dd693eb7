using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Berichtenverkeer.Audit.Sampling;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Berichtenverkeer.Audit.Tests.Sampling;

/// <summary>AT8: a reproducible sampling frame; size from confidence and margin; proportional allocation.</summary>
public sealed class SamplingTests
{
    private static readonly SamplingPopulation March = new() { FromMonth = new DateOnly(2026, 3, 1), ToMonth = new DateOnly(2026, 3, 1) };

    [Theory]
    [InlineData(10_000, 0.95, 0.05, 0.5, 370)]
    [InlineData(1_000, 0.95, 0.05, 0.5, 278)]
    [InlineData(100, 0.95, 0.05, 0.5, 80)]
    [InlineData(1_000_000, 0.95, 0.05, 0.5, 384)]
    [InlineData(10_000, 0.99, 0.05, 0.5, 623)]
    [InlineData(10_000, 0.95, 0.03, 0.5, 965)]
    [InlineData(10_000, 0.95, 0.05, 0.1, 137)]
    [InlineData(5, 0.95, 0.05, 0.5, 5)]
    [InlineData(0, 0.95, 0.05, 0.5, 0)]
    public void the_size_follows_the_normal_approximation_with_finite_population_correction(int population, double confidence, double margin, double p, int expected)
    {
        Assert.Equal(expected, SampleSize.For(population, new SamplePrecision(confidence, margin, p)));
    }

    [Fact]
    public void the_critical_values_are_the_normal_quantiles()
    {
        Assert.Equal(1.959963984540054, SampleSize.Z(0.95), 12);
        Assert.Equal(2.5758293035489, SampleSize.Z(0.99), 12);
        Assert.Equal(1.6448536269514715, SampleSize.Z(0.90), 12);
        Assert.Equal(-6.361340902404056, SampleSize.NormalQuantile(1e-10), 10);
    }

    [Fact]
    public void the_same_seed_draws_the_same_units_and_another_seed_others()
    {
        var units = Units(500);
        var frame = new SampleFrame { Seed = 20260310, Population = March, Size = 40, Strata = Stratification.Provider };

        var first = Sampler.Draw(frame, units);
        var again = Sampler.Draw(frame, units.AsEnumerable().Reverse());
        var other = Sampler.Draw(frame with { Seed = 7 }, units);

        Assert.Equal(Keys(first), Keys(again));
        Assert.NotEqual(Keys(first), Keys(other));
        Assert.Equal(40, first.Selected.Count());
        Assert.Equal(SampleExport.FrameJson(first), SampleExport.FrameJson(again));
        Assert.Equal(SampleExport.PopulationCsv(first), SampleExport.PopulationCsv(again));
    }

    [Fact]
    public void anyone_can_redo_the_draw_with_sha256_alone()
    {
        var units = Units(60);
        var result = Sampler.Draw(new SampleFrame { Seed = 42, Population = March, Size = 9, Strata = Stratification.Category }, units);

        // The documented procedure, without the sampler: per stratum, sort by SHA-256("42:" + key), take n_h.
        var redone = units
            .GroupBy(u => u.ProductCategorie!)
            .SelectMany(g =>
            {
                var take = result.Strata.Single(s => s.Stratum == g.Key).Allocated;
                return g.Select(u => (u.Key, Hash: Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("42:" + u.Key)))))
                    .OrderBy(x => x.Hash, StringComparer.Ordinal)
                    .Take(take)
                    .Select(x => x.Key);
            })
            .Order(StringComparer.Ordinal);

        Assert.Equal(redone, Keys(result));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData("42:12345678:R1"u8)), Sampler.DrawHash(42, "12345678:R1"));
    }

    [Fact]
    public void the_size_can_come_from_confidence_and_margin_and_the_population_filters_apply()
    {
        var units = Units(10_000).Concat(Units(50, month: 4)).Append(Unit(99_999, credit: true)).Append(Unit(99_998, approved: false)).ToList();
        var frame = new SampleFrame { Seed = 1, Population = March, Precision = new SamplePrecision(0.95, 0.05) };

        var result = Sampler.Draw(frame, units);

        Assert.Equal((10_000, 370), (result.PopulationCount, result.SampleSize));
        Assert.Contains("finite population correction", result.SizeBasis, StringComparison.Ordinal);
        var filtered = Sampler.Draw(frame with { Population = March with { Providers = ["10000001"], IncludeCredits = true } }, units);
        Assert.All(filtered.Population, u => Assert.Equal("10000001", u.Unit.Agb));
    }

    [Fact]
    public void a_size_larger_than_the_population_takes_everything_and_duplicate_keys_are_refused()
    {
        var units = Units(7);

        var result = Sampler.Draw(new SampleFrame { Seed = 3, Population = March, Size = 50 }, units);

        Assert.Equal(7, result.Selected.Count());
        Assert.Contains("capped", result.SizeBasis, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => Sampler.Draw(new SampleFrame { Seed = 3, Population = March, Size = 2 }, units.Append(units[0])));
        Assert.Throws<ArgumentException>(() => Sampler.Draw(new SampleFrame { Seed = 3, Population = March }, units));
    }

    [Fact]
    public void largest_remainder_allocation_gives_the_leftover_units_to_the_largest_remainders()
    {
        var allocation = Sampler.Allocate([("a", 10), ("b", 30), ("c", 60)], 7);

        // quotas 0.7, 2.1, 4.2 → floors 0, 2, 4, one left → "a" (remainder 0.7).
        Assert.Equal([1, 2, 4], allocation.Select(a => a.Allocated));
    }

    [Property(MaxTest = 300)]
    public Property proportional_allocation_sums_to_n_and_stays_within_one_of_each_quota()
    {
        var cases =
            from strataCount in Gen.Choose(1, 12)
            from counts in Gen.ArrayOf(Gen.Choose(0, 5000), strataCount)
            let total = counts.Sum()
            from size in Gen.Choose(0, Math.Max(0, total))
            select (counts, size);
        return Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var (counts, size) = c;
            var total = counts.Sum();
            var allocation = Sampler.Allocate(counts.Select((n, i) => ($"s{i:00}", n)).ToList(), size);
            return allocation.Sum(a => a.Allocated) == size
                && allocation.All(a => a.Allocated >= 0 && a.Allocated <= a.PopulationCount)
                && allocation.All(a => total == 0 || Math.Abs(a.Allocated - ((double)size * a.PopulationCount / total)) < 1);
        });
    }

    [Property(MaxTest = 100)]
    public Property a_drawn_sample_has_n_units_spread_over_the_strata_as_allocated()
    {
        var cases =
            from count in Gen.Choose(1, 400)
            from providers in Gen.Choose(1, 9)
            from seed in Gen.Choose(0, int.MaxValue)
            from size in Gen.Choose(1, 450)
            select (count, providers, seed, size);
        return Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var units = Units(c.count, providers: c.providers);
            var result = Sampler.Draw(new SampleFrame { Seed = c.seed, Population = March, Size = c.size, Strata = Stratification.Provider }, units);
            var perStratum = result.Selected.GroupBy(u => u.Stratum).ToDictionary(g => g.Key, g => g.Count());
            return result.Selected.Count() == Math.Min(c.size, c.count)
                && result.Strata.All(s => perStratum.GetValueOrDefault(s.Stratum) == s.Allocated)
                && result.Selected.All(u => u.Rank <= result.Strata.Single(s => s.Stratum == u.Stratum).Allocated);
        });
    }

    [Fact]
    public async Task the_export_holds_the_frame_and_no_bsn()
    {
        var units = Units(30);
        var result = Sampler.Draw(new SampleFrame { Seed = 5, Population = March with { Gemeenten = ["0363"] }, Size = 6, Strata = Stratification.Provider }, units);
        var folder = Directory.CreateTempSubdirectory("bv-sample-").FullName;
        try
        {
            var files = await SampleExport.WriteAsync(folder, result);

            Assert.Equal(4, files.Count);
            var frame = await File.ReadAllTextAsync(Path.Combine(folder, SampleExport.FrameFile));
            using var json = System.Text.Json.JsonDocument.Parse(frame);
            Assert.Equal(5, json.RootElement.GetProperty("seed").GetInt64());
            Assert.Equal(30, json.RootElement.GetProperty("population").GetProperty("count").GetInt32());
            Assert.Equal(6, json.RootElement.GetProperty("selected").GetArrayLength());
            Assert.Equal("provider", json.RootElement.GetProperty("strata").GetProperty("by").GetString());
            var strata = await File.ReadAllLinesAsync(Path.Combine(folder, SampleExport.StrataFile));
            Assert.Equal("stratum,population,quota,allocated", strata[0]);
            Assert.Equal(31, (await File.ReadAllLinesAsync(Path.Combine(folder, SampleExport.PopulationFile))).Length);
            Assert.Equal(7, (await File.ReadAllLinesAsync(Path.Combine(folder, SampleExport.SelectedFile))).Length);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void a_dossier_is_keyed_by_pseudonym_and_refuses_a_bsn()
    {
        var dossier = SamplingUnit.Dossier("0363", "p-0123456789abcdef0123456789abcdef", 4711, "12345678", "45");

        Assert.Equal("0363:p-0123456789abcdef0123456789abcdef:4711", dossier.Key);
        Assert.Throws<ArgumentException>(() => SamplingUnit.Dossier("0363", "123456782", 4711, "12345678"));
    }

    internal static List<SamplingUnit> Units(int count, int month = 3, int providers = 3) =>
        Enumerable.Range(1, count).Select(i => Unit(i, month, providers)).ToList();

    private static SamplingUnit Unit(int i, int month = 3, int providers = 3, bool credit = false, bool approved = true) =>
        SamplingUnit.Prestatie(
            agb: (10_000_001 + (i % providers)).ToString(CultureInfo.InvariantCulture),
            referentieNummer: $"R{month}-{i}",
            gemeente: "0363",
            productCategorie: i % 4 == 0 ? "10" : "45",
            productCode: "45A01",
            periode: new DateOnly(2026, month, 1),
            bedrag: 1000 + i,
            credit: credit,
            approved: approved);

    private static List<string> Keys(SampleResult result) => result.Selected.Select(u => u.Unit.Key).Order(StringComparer.Ordinal).ToList();
}
