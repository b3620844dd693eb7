using Berichtenverkeer.Cli.Arguments;
using Berichtenverkeer.Cli.Generate;
using Berichtenverkeer.Cli.Replay;
using Berichtenverkeer.Gateway.Replay;
using Berichtenverkeer.Generator;

namespace Berichtenverkeer.Cli.Run;

/// <summary>
/// <c>berichtenverkeer run [folder]</c>: the gateway's main job on the embedded default. Without a folder it first
/// generates a sample of traffic (the tiny preset: two municipalities, three providers) with its reference data.
/// </summary>
internal sealed class RunCommand : ICommand
{
    private static readonly ArgumentParser Parser = new ArgumentParser()
        .Option("--reference", "folder", "CSV reference data for a folder of your own (generated traffic brings its own)")
        .Option("--today", "yyyy-mm-dd", "The system date level-4 rules use; default: the end of the generated traffic, or today")
        .Option("--preset", "tiny|region", "Size of the generated sample (default tiny)")
        .Option("--seed", "N", "Seed of the generated sample (default 1)")
        .Option("--out", "folder", "Where the run's output goes (default ./berichtenverkeer-run)");

    public string Name => "run";

    public string Summary => "Run the gateway on the embedded default over generated traffic (or a folder) and summarise";

    public void WriteHelp(TextWriter writer)
    {
        writer.WriteLine("Usage: berichtenverkeer run [folder] [--reference <folder>] [--today yyyy-mm-dd] [--preset tiny|region] [--seed N] [--out <folder>]");
        writer.WriteLine();
        writer.WriteLine("Starts the gateway on the embedded default (MassTransit in-memory transport, SQLite), puts a generated");
        writer.WriteLine("sample of traffic (or the messages in <folder>) through it and prints counts per message type and outcome.");
        writer.WriteLine();
        Parser.WriteOptions(writer);
    }

    public int Run(IReadOnlyList<string> args, CliContext context)
    {
        var parsed = Parser.Parse(args);
        var output = Path.GetFullPath(parsed.Value("--out") ?? "berichtenverkeer-run");
        if (parsed.Positionals.Count > 1)
        {
            throw new UsageException("give at most one folder of messages");
        }

        if (parsed.Positionals.Count == 1)
        {
            var folder = parsed.Positionals[0];
            if (!Directory.Exists(folder))
            {
                context.Error.WriteLine($"berichtenverkeer run: folder not found: {folder}");
                return ExitCodes.UsageOrIo;
            }

            return ReplayCommand.Execute(new ReplayOptions(folder, parsed.Value("--reference"), ReplayCommand.Today(parsed.Value("--today")), output), context);
        }

        if (parsed.Value("--preset") is "country")
        {
            throw new UsageException("the country preset is for `generate` and the benchmarks; run uses tiny or region");
        }

        var generated = Path.Combine(output, "generated");
        context.Error.WriteLine($"Generating a sample of traffic in {generated} …");
        var report = TrafficGenerator.Generate(GenerateCommand.Options(parsed), generated);

        // Everything generated is dated before the end of its last month: that day as the system date keeps TR135 quiet.
        var today = parsed.Has("--today") ? ReplayCommand.Today(parsed.Value("--today")) : report.Settings.EndExclusive;
        context.Error.WriteLine($"Running {report.Messages} messages through the gateway …");
        return ReplayCommand.Execute(
            new ReplayOptions(Path.Combine(generated, "messages"), Path.Combine(generated, "reference"), today, Path.Combine(output, "gateway")),
            context);
    }
}
