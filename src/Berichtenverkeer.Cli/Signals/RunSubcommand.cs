using System.Globalization;
using Berichtenverkeer.Audit.Pseudonyms;
using Berichtenverkeer.Cli.Arguments;
using Berichtenverkeer.Gateway.Signals;
using Berichtenverkeer.Signals;
using Berichtenverkeer.Store;

namespace Berichtenverkeer.Cli.Signals;

/// <summary>
/// <c>signals run --period yyyy-mm</c>: the period batch for one declaration month, now. New signals are stored and
/// registered in triage; a running gateway on the same database publishes them. The pseudonym key must be the gateway's
/// (Gateway__PseudonymKey), or the same finding would get another client pseudonym and so another signal id.
/// </summary>
internal sealed class RunSubcommand : ISignalsSubcommand
{
    public const string PseudonymKeyVariable = "Gateway__PseudonymKey";

    public string Name => "run";

    public string Usage => "run --period yyyy-mm (--db <file> | --postgres <conn>) [--gemeente a,b] [--history-months n] [--pseudonym-key <base64>]";

    public string Summary => "Run every signal rule over one declaration month now (as the gateway's period batch does)";

    public ArgumentParser Parser { get; } = new ArgumentParser()
        .WithStore()
        .Option("--period", "yyyy-mm", "The declaration month (required)")
        .Option("--gemeente", "codes", "Only these municipalities (comma separated; default: every one with state)")
        .Option("--history-months", "n", "Months before the period the rules compare against (default 12)")
        .Option("--pseudonym-key", "base64", $"The gateway's pseudonym key (default: the {PseudonymKeyVariable} environment variable)");

    public int Run(ParsedArguments parsed, CliContext context)
    {
        var period = parsed.Value("--period") ?? throw new UsageException("--period yyyy-mm is required");
        if (!DateOnly.TryParseExact(period + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from))
        {
            throw new UsageException($"'{period}' is not a month yyyy-mm");
        }

        var history = (int)parsed.PositiveInt64("--history-months", 12);
        var key = parsed.Value("--pseudonym-key") ?? Environment.GetEnvironmentVariable(PseudonymKeyVariable)
            ?? throw new UsageException($"give the gateway's pseudonym key (--pseudonym-key or {PseudonymKeyVariable}): signal ids rest on client pseudonyms");
        BsnPseudonymizer pseudonymizer;
        try
        {
            pseudonymizer = BsnPseudonymizer.FromBase64(key);
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException)
        {
            throw new UsageException($"the pseudonym key is not valid: {ex.Message}");
        }

        using var opened = StoreOption.OpenAsync(parsed).GetAwaiter().GetResult();
        var store = (RelationalStore)opened;
        var gemeenten = parsed.Value("--gemeente")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            ?? store.SignalGemeentenAsync().GetAwaiter().GetResult();
        var to = from.AddMonths(1).AddDays(-1);
        var detector = new SignalDetector(store, pseudonymizer, new SignalEngine(), TimeProvider.System);
        var result = detector.DetectAsync(gemeenten, from.AddMonths(-history), from, to, scope: null, CancellationToken.None).GetAwaiter().GetResult();

        context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{period}: {gemeenten.Count} municipality(ies), {result.Evaluated} signal(s) found, {result.Raised.Count} new (registered as new)"));
        foreach (var skipped in result.Skipped)
        {
            context.Out.WriteLine($"  {skipped.RuleId} not run: {skipped.Reason}");
        }

        return ExitCodes.Ok;
    }
}
