using System.Globalization;
using Berichtenverkeer.Cli.Arguments;
using Berichtenverkeer.Generator;

namespace Berichtenverkeer.Cli.Generate;

/// <summary><c>berichtenverkeer generate [--preset tiny|region|country] [--seed N] [--months N] [--start yyyy-mm] … --out &lt;folder&gt;</c>.</summary>
internal sealed class GenerateCommand : ICommand
{
    private static readonly ArgumentParser Parser = new ArgumentParser()
        .Option("--preset", "tiny|region|country", "Size of the run (default tiny): 2 municipalities / a region of 10 with 150 providers / the country")
        .Option("--seed", "N", "The same seed and options give byte-identical output (default 1)")
        .Option("--months", "N", "Months of traffic (default: the preset's)")
        .Option("--start", "yyyy-mm", "First month of traffic (default 2025-01)")
        .Option("--defect-rate", "x", "Share of messages with one technical defect, 0 … 0.5 (default: the preset's)")
        .Option("--fraud-rate", "x", "Share of providers with one fraud pattern, 0 … 0.5 (default: the preset's)")
        .Option("--out", "folder", "Where messages/, reference/, answer-key.jsonl and manifest.json are written (required)");

    public string Name => "generate";

    public string Summary => "Write deterministic, realistic iJw 3.2 traffic with its reference data and an answer key";

    public void WriteHelp(TextWriter writer)
    {
        writer.WriteLine("Usage: berichtenverkeer generate [--preset tiny|region|country] [--seed N] [--months N] [--start yyyy-mm]");
        writer.WriteLine("                                 [--defect-rate x] [--fraud-rate x] --out <folder>");
        writer.WriteLine();
        Parser.WriteOptions(writer);
    }

    public int Run(IReadOnlyList<string> args, CliContext context)
    {
        var parsed = Parser.Parse(args);
        var output = parsed.Value("--out") ?? throw new UsageException("--out <folder> is required");
        var report = TrafficGenerator.Generate(Options(parsed), output);
        context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{report.Messages} messages ({report.Prestaties} prestaties) for {report.Municipalities} municipalities in {output}"));
        foreach (var (type, count) in report.MessagesPerType.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            context.Out.WriteLine($"  {type} {count}");
        }

        return ExitCodes.Ok;
    }

    internal static GeneratorOptions Options(ParsedArguments parsed)
    {
        var preset = parsed.Choice("--preset", "tiny", "region", "country") switch
        {
            "region" => GeneratorPreset.Region,
            "country" => GeneratorPreset.Country,
            _ => GeneratorPreset.Tiny,
        };
        return new GeneratorOptions
        {
            Preset = preset,
            Seed = (ulong)parsed.PositiveInt64("--seed", 1),
            Months = parsed.Has("--months") ? (int)parsed.PositiveInt64("--months", 1) : null,
            StartMonth = parsed.Value("--start") is { } start ? Month(start) : null,
            DefectRate = Rate(parsed.Value("--defect-rate"), "--defect-rate"),
            FraudRate = Rate(parsed.Value("--fraud-rate"), "--fraud-rate"),
        };
    }

    private static DateOnly Month(string value) =>
        DateOnly.TryParseExact(value + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new UsageException($"--start must be a month yyyy-mm, not '{value}'");

    private static double? Rate(string? value, string option) =>
        value is null ? null
        : double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var rate) && rate is >= 0 and <= 0.5 ? rate
        : throw new UsageException($"{option} must be a number from 0 to 0.5, not '{value}'");
}
