using System.Text;
using Berichtenverkeer.Cli.Arguments;
using Berichtenverkeer.Signals.Exceptions;

namespace Berichtenverkeer.Cli.Signals;

/// <summary>
/// <c>signals list</c>: stored signals filtered like GET /signals, as a table (default), CSV (';', UTF-8 with BOM) or a
/// JSON array, to the terminal or a file.
/// </summary>
internal sealed class ListSubcommand : ISignalsSubcommand
{
    public string Name => "list";

    public string Usage => "list (--db <file> | --postgres <conn>) [--gemeente] [--agb] [--rule] [--severity] [--period] [--state] [--format] [--out]";

    public string Summary => "The signals the gateway raised, filtered";

    public ArgumentParser Parser { get; } = new ArgumentParser()
        .WithStore()
        .Option("--gemeente", "code", "Only this municipality")
        .Option("--agb", "code", "Only this provider")
        .Option("--rule", "id", "Only this rule, e.g. FR14")
        .Option("--severity", "L|M|H|C[+]", "Only this severity; with '+' this one and stronger (H+ = H and C)")
        .Option("--period", "yyyy-mm|from..to", "Signals whose period overlaps this month or range (yyyy-mm or yyyy-mm-dd each side)")
        .Option("--state", "state", "Only this triage state: new, under_review, dismissed, confirmed")
        .Option("--limit", "n", $"At most this many (default {SignalQuery.DefaultLimit})")
        .Option("--format", "table|csv|json", "table (default), csv (';' separated, UTF-8 with BOM) or json")
        .Option("--out", "file", "Write to this file instead of the terminal");

    public int Run(ParsedArguments parsed, CliContext context)
    {
        var format = parsed.Choice("--format", "table", "csv", "json");
        SignalQuery query;
        try
        {
            // --format also offers "table", which the shared filter (json|csv, for HTTP) does not know: it is read above.
            query = SignalQueryText.Parse(name => name == "format" ? null : parsed.Value("--" + name)).Query;
        }
        catch (FormatException ex)
        {
            throw new UsageException(ex.Message);
        }

        using var store = StoreOption.OpenAsync(parsed).GetAwaiter().GetResult();
        var signals = store.QuerySignalsAsync(query).GetAwaiter().GetResult();
        byte[] bytes = format switch
        {
            "csv" => SignalCsv.ToBytes(signals),
            "json" => Encoding.UTF8.GetBytes(SignalListJson.Serialize(signals) + Environment.NewLine),
            _ => Encoding.UTF8.GetBytes(SignalTable.Format(signals)),
        };

        if (parsed.Value("--out") is { } file)
        {
            File.WriteAllBytes(file, bytes);
            context.Out.WriteLine($"{signals.Count} signal(s) written to {file}");
        }
        else
        {
            // The BOM is for spreadsheets opening a file; a terminal or pipe gets the text.
            context.Out.Write(format == "csv" ? Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3) : Encoding.UTF8.GetString(bytes));
            context.Out.Flush();
        }

        return ExitCodes.Ok;
    }
}
