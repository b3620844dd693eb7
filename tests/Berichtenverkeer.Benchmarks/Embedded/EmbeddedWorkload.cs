using Berichtenverkeer.Generator;

namespace Berichtenverkeer.Benchmarks.Embedded;

/// <summary>
/// A month of generated traffic for the embedded default: a care region (the Region preset, one month) or the country
/// (the Country preset, ~500,000 prestaties). The country can be generated as a fraction (municipalities, providers and
/// clients scaled alike), whose processing time is then extrapolated linearly.
/// </summary>
public sealed record EmbeddedWorkload(string Name, GeneratorOptions Options, double Fraction)
{
    public static EmbeddedWorkload Region(bool quick) => quick
        ? new("region-month", new GeneratorOptions { Preset = GeneratorPreset.Tiny, Months = 1 }, 1)
        : new("region-month", new GeneratorOptions { Preset = GeneratorPreset.Region, Months = 1 }, 1);

    public static EmbeddedWorkload Country(double fraction)
    {
        var options = new GeneratorOptions { Preset = GeneratorPreset.Country, Months = 1 };
        if (fraction < 1)
        {
            options.Municipalities = Math.Max(2, (int)Math.Round(340 * fraction));
            options.Providers = Math.Max(3, (int)Math.Round(3_500 * fraction));
            options.Clients = Math.Max(20, (int)Math.Round(350_000 * fraction));
        }

        return new("national-month", options, fraction);
    }
}
