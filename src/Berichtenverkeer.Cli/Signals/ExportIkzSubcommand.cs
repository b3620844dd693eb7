using Berichtenverkeer.Cli.Arguments;
using Berichtenverkeer.Signals.Exceptions;

namespace Berichtenverkeer.Cli.Signals;

/// <summary><c>signals export-ikz &lt;signal-id&gt;</c>: the IKZ melding (JSON) of a confirmed signal.</summary>
internal sealed class ExportIkzSubcommand : ISignalsSubcommand
{
    public string Name => "export-ikz";

    public string Usage => "export-ikz <signal-id> (--db <file> | --postgres <conn>) [--out <file>]";

    public string Summary => "The Informatieknooppunt Zorgfraude melding of a confirmed signal (JSON; no BSN)";

    public ArgumentParser Parser { get; } = new ArgumentParser()
        .WithStore()
        .Option("--out", "file", "Write to this file instead of the terminal");

    public int Run(ParsedArguments parsed, CliContext context)
    {
        if (parsed.Positionals.Count != 1)
        {
            throw new UsageException("give exactly one signal id");
        }

        var id = parsed.Positionals[0];
        using var store = StoreOption.OpenAsync(parsed).GetAwaiter().GetResult();
        var stored = store.FindStoredSignalAsync(id).GetAwaiter().GetResult();
        if (stored is null)
        {
            context.Error.WriteLine($"berichtenverkeer signals export-ikz: no signal {id}");
            return ExitCodes.Failed;
        }

        string text;
        try
        {
            text = IkzReport.Serialize(IkzReport.Build(stored, store.SignalTrailAsync(id).GetAwaiter().GetResult()));
        }
        catch (SignalNotConfirmedException ex)
        {
            context.Error.WriteLine($"berichtenverkeer signals export-ikz: {ex.Message}");
            return ExitCodes.Failed;
        }

        if (parsed.Value("--out") is { } file)
        {
            File.WriteAllText(file, text + Environment.NewLine);
            context.Out.WriteLine($"IKZ melding for {id} written to {file}");
        }
        else
        {
            context.Out.WriteLine(text);
        }

        return ExitCodes.Ok;
    }
}
