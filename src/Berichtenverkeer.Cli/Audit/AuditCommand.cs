using Berichtenverkeer.Cli.Arguments;

namespace Berichtenverkeer.Cli.Audit;

/// <summary>One verb under <c>berichtenverkeer audit</c>.</summary>
internal interface IAuditSubcommand
{
    string Name { get; }

    string Usage { get; }

    string Summary { get; }

    ArgumentParser Parser { get; }

    int Run(ParsedArguments parsed, CliContext context);
}

/// <summary>
/// <c>berichtenverkeer audit verify|export|checkpoint|sample|triage …</c>: what an auditor does with the tamper-evident trail
/// (AT3, AT6), control-audit samples (AT8) and fraud-suspicion signals.
/// </summary>
internal sealed class AuditCommand : ICommand
{
    private static readonly IAuditSubcommand[] Subcommands =
        [new VerifySubcommand(), new ExportSubcommand(), new CheckpointSubcommand(), new SampleSubcommand(), new TriageSubcommand()];

    public string Name => "audit";

    public string Summary => "Audit trail: verify, export, checkpoint; draw a reproducible control-audit sample; triage signals";

    public void WriteHelp(TextWriter writer)
    {
        writer.WriteLine("Usage: berichtenverkeer audit <verify|export|checkpoint|sample|triage> [arguments] [options]");
        foreach (var sub in Subcommands)
        {
            writer.WriteLine();
            writer.WriteLine($"berichtenverkeer audit {sub.Usage}");
            writer.WriteLine($"  {sub.Summary}");
            sub.Parser.WriteOptions(writer);
        }

        writer.WriteLine();
        writer.WriteLine("Exit status: 0 done (verify: intact), 1 verify found a broken link or triage was refused, 2 usage or I/O error.");
        writer.WriteLine("Checkpoints only protect against truncation and replacement when kept outside the gateway:");
        writer.WriteLine("copy the checkpoint file to the auditor or to WORM storage after each run.");
    }

    public int Run(IReadOnlyList<string> args, CliContext context)
    {
        if (args.Count == 0)
        {
            throw new UsageException("say what to do: verify, export, checkpoint, sample or triage");
        }

        var sub = Subcommands.FirstOrDefault(s => s.Name == args[0])
            ?? throw new UsageException($"unknown audit command '{args[0]}': use verify, export, checkpoint, sample or triage");
        return sub.Run(sub.Parser.Parse(args.Skip(1).ToList()), context);
    }
}
