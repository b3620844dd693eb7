using System.Globalization;
using Berichtenverkeer.Audit.Sampling;
using Berichtenverkeer.Cli.Arguments;

namespace Berichtenverkeer.Cli.Audit;

/// <summary>
/// <c>audit sample --db … --from yyyy-mm --to yyyy-mm --seed N (--size N | --confidence 0.95 --margin 0.05)
/// [--strata provider|category] [--gemeente …] [--agb …] --out &lt;folder&gt;</c>.
/// </summary>
internal sealed class SampleSubcommand : IAuditSubcommand
{
    public string Name => "sample";

    public string Usage =>
        "sample --db <sqlite file> | --postgres <connection> --from yyyy-mm --to yyyy-mm --seed N (--size N | --confidence 0.95 --margin 0.05) "
        + "[--strata none|provider|category] [--gemeente …] [--agb …] --out <folder>";

    public string Summary =>
        "Draw a reproducible control-audit sample of prestaties (AT8) and write the frame (frame.json, strata.csv, selected.csv, population.csv)";

    public ArgumentParser Parser { get; } = AuditStore.AddOptions(new ArgumentParser())
        .Option("--from", "yyyy-mm", "First ProductPeriode month (required)")
        .Option("--to", "yyyy-mm", "Last ProductPeriode month, inclusive (required)")
        .Option("--seed", "N", "A non-negative whole number, chosen and written down before the draw (required)")
        .Option("--size", "N", "The sample size (or give --confidence and --margin)")
        .Option("--confidence", "0.95", "Confidence level for the size calculation")
        .Option("--margin", "0.05", "Margin of error (proportion) for the size calculation")
        .Option("--proportion", "0.5", "Expected error proportion for the size calculation (default 0.5: the largest size)")
        .Option("--strata", "none|provider|category", "Stratify by provider (AGB) or product category; proportional allocation (default none)")
        .Option("--gemeente", "codes", "Only these gemeenten (comma-separated)")
        .Option("--agb", "codes", "Only these providers (comma-separated)")
        .Option("--category", "codes", "Only these product categories (comma-separated)")
        .Option("--code", "codes", "Only these product codes (comma-separated)")
        .Flag("--include-credits", "Also credit lines (default: debit lines only)")
        .Flag("--include-rejected", "Also lines the gemeente rejected (default: approved lines only)")
        .Option("--out", "folder", "Where the frame files go (required)");

    public int Run(ParsedArguments parsed, CliContext context)
    {
        var frame = Frame(parsed);
        var output = parsed.Value("--out") ?? throw new UsageException("--out <folder> is required");
        using var store = AuditStore.Open(parsed, Name, context);
        if (store is null)
        {
            return ExitCodes.UsageOrIo;
        }

        try
        {
            var units = store.SamplingUnitsAsync(frame.Population).GetAwaiter().GetResult();
            var result = Sampler.Draw(frame, units);
            var files = SampleExport.WriteAsync(output, result).GetAwaiter().GetResult();

            context.Out.WriteLine(
                $"population {N(result.PopulationCount)} prestaties ({frame.Population.PeriodStart:yyyy-MM} … {frame.Population.PeriodEnd:yyyy-MM}); "
                + $"sample {N(result.SampleSize)} ({result.SizeBasis}); seed {N(frame.Seed)}; strata: {Sampler.StrataText(frame.Strata)}");
            foreach (var stratum in result.Strata)
            {
                context.Out.WriteLine($"  {stratum.Stratum}: {N(stratum.Allocated)} of {N(stratum.PopulationCount)}");
            }

            context.Out.WriteLine($"wrote {string.Join(", ", files.Select(Path.GetFileName))} to {output}");
            return ExitCodes.Ok;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Data.Common.DbException)
        {
            context.Error.WriteLine($"berichtenverkeer audit sample: {e.Message}");
            return ExitCodes.UsageOrIo;
        }
    }

    internal static SampleFrame Frame(ParsedArguments parsed)
    {
        var from = Month(parsed, "--from");
        var to = Month(parsed, "--to");
        if (to < from)
        {
            throw new UsageException("--to must not be before --from");
        }

        var seedText = parsed.Value("--seed") ?? throw new UsageException("--seed N is required: choose and record it before the draw");
        if (!long.TryParse(seedText, NumberStyles.None, CultureInfo.InvariantCulture, out var seed))
        {
            throw new UsageException($"--seed needs a non-negative whole number; got '{seedText}'");
        }

        int? size = null;
        SamplePrecision? precision = null;
        if (parsed.Has("--size"))
        {
            if (parsed.Has("--confidence") || parsed.Has("--margin") || parsed.Has("--proportion"))
            {
                throw new UsageException("give either --size or --confidence with --margin, not both");
            }

            size = checked((int)Math.Min(parsed.PositiveInt64("--size", 1), int.MaxValue));
        }
        else if (parsed.Has("--confidence") && parsed.Has("--margin"))
        {
            precision = new SamplePrecision(Proportion(parsed, "--confidence"), Proportion(parsed, "--margin"), parsed.Has("--proportion") ? Proportion(parsed, "--proportion") : 0.5);
        }
        else
        {
            throw new UsageException("give the sample size: --size N, or --confidence 0.95 --margin 0.05");
        }

        var strata = parsed.Choice("--strata", "none", "provider", "category") switch
        {
            "provider" => Stratification.Provider,
            "category" => Stratification.Category,
            _ => Stratification.None,
        };

        return new SampleFrame
        {
            Seed = seed,
            Strata = strata,
            Size = size,
            Precision = precision,
            Population = new SamplingPopulation
            {
                UnitType = UnitType.Prestatie,
                FromMonth = from,
                ToMonth = to,
                Gemeenten = List(parsed, "--gemeente"),
                Providers = List(parsed, "--agb"),
                ProductCategories = List(parsed, "--category"),
                ProductCodes = List(parsed, "--code"),
                IncludeCredits = parsed.Has("--include-credits"),
                IncludeRejected = parsed.Has("--include-rejected"),
            },
        };
    }

    private static DateOnly Month(ParsedArguments parsed, string option)
    {
        var value = parsed.Value(option) ?? throw new UsageException($"{option} yyyy-mm is required");
        return DateOnly.TryParseExact(value + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month)
            ? month
            : throw new UsageException($"{option} must be a month yyyy-mm, not '{value}'");
    }

    private static double Proportion(ParsedArguments parsed, string option)
    {
        var value = parsed.Value(option)!;
        return double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && number is > 0 and < 1
            ? number
            : throw new UsageException($"{option} needs a proportion strictly between 0 and 1 (e.g. 0.95); got '{value}'");
    }

    private static List<string> List(ParsedArguments parsed, string option) =>
        parsed.Value(option) is { } value
            ? value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).ToList()
            : [];

    private static string N(long value) => value.ToString(CultureInfo.InvariantCulture);
}
