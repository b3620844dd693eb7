using Berichtenverkeer.Cli.Arguments;

namespace Berichtenverkeer.Cli.Signals;

/// <summary>One verb under <c>berichtenverkeer signals</c>.</summary>
internal interface ISignalsSubcommand
{
    string Name { get; }

    string Usage { get; }

    string Summary { get; }

    ArgumentParser Parser { get; }

    int Run(ParsedArguments parsed, CliContext context);
}

/// <summary>
/// <c>berichtenverkeer signals list|export-ikz|run …</c>: the fraud-suspicion signals the gateway raised, for auditors —
/// query and export them, write the IKZ melding of a confirmed one, run the period rules for a month on demand.
/// </summary>
internal sealed class SignalsCommand : ICommand
{
    private static readonly ISignalsSubcommand[] Subcommands = [new ListSubcommand(), new ExportIkzSubcommand(), new RunSubcommand()];

    public string Name => "signals";

    public string Summary => "Fraud-suspicion signals: list and export (table, CSV, JSON), IKZ melding, period run on demand";

    public void WriteHelp(TextWriter writer)
    {
        writer.WriteLine("Usage: berichtenverkeer signals <list|export-ikz|run> [arguments] [options]");
        foreach (var sub in Subcommands)
        {
            writer.WriteLine();
            writer.WriteLine($"berichtenverkeer signals {sub.Usage}");
            writer.WriteLine($"  {sub.Summary}");
            sub.Parser.WriteOptions(writer);
        }

        writer.WriteLine();
        writer.WriteLine("Exit status: 0 done, 1 the signal is unknown or not confirmed (export-ikz), 2 usage or I/O error.");
    }

    public int Run(IReadOnlyList<string> args, CliContext context)
    {
        if (args.Count == 0)
        {
            throw new UsageException("say what to do: list, export-ikz or run");
        }

        var sub = Subcommands.FirstOrDefault(s => s.Name == args[0])
            ?? throw new UsageException($"unknown signals command '{args[0]}': use list, export-ikz or run");
        return sub.Run(sub.Parser.Parse(args.Skip(1).ToList()), context);
    }
}
