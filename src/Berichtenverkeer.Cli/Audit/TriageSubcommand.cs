using System.Data.Common;
using System.Globalization;
using Berichtenverkeer.Audit.Trail;
using Berichtenverkeer.Cli.Arguments;

namespace Berichtenverkeer.Cli.Audit;

/// <summary>
/// <c>audit triage &lt;signal-id&gt; --to review|dismiss|confirm [--reason text] --by &lt;user&gt;</c> and
/// <c>audit triage list [--state …]</c>: an auditor's decisions on fraud-suspicion signals, each stored with its trail
/// entry in one transaction. Exit 1 when the decision is refused (unknown signal, a transition the rules do not allow,
/// a missing reason, a BSN in the text, someone else acting first).
/// </summary>
internal sealed class TriageSubcommand : IAuditSubcommand
{
    public string Name => "triage";

    public string Usage =>
        "triage <signal-id> --to review|dismiss|confirm [--reason <text>] --by <user> --db <sqlite file> | --postgres <connection>\n"
        + "berichtenverkeer audit triage list [--state new|under_review|dismissed|confirmed] --db <sqlite file> | --postgres <connection>";

    public string Summary =>
        "Move a fraud-suspicion signal to review, dismissed (reason required) or confirmed, recorded in the audit trail; or list signals by state";

    public ArgumentParser Parser { get; } = AuditStore.AddOptions(new ArgumentParser())
        .Option("--to", "review|dismiss|confirm", "Where the signal goes; 'review' on a dismissed or confirmed signal reopens it (reason required)")
        .Option("--reason", "text", "Why (required to dismiss or reopen); never a BSN — use the client's pseudonym")
        .Option("--by", "user", "Who decides (required)")
        .Option("--state", "state", "list: only signals in this state");

    public int Run(ParsedArguments parsed, CliContext context)
    {
        if (parsed.Positionals.Count != 1)
        {
            throw new UsageException("give one signal id (or 'list')");
        }

        return parsed.Positionals[0] == "list" ? List(parsed, context) : Move(parsed.Positionals[0], parsed, context);
    }

    private int Move(string signalId, ParsedArguments parsed, CliContext context)
    {
        if (parsed.Has("--state"))
        {
            throw new UsageException("--state belongs to 'triage list'");
        }

        var target = TriageTarget.Parse(parsed.Value("--to") ?? throw new UsageException($"--to is required: {TriageTarget.Accepted}"))
            ?? throw new UsageException($"--to is {TriageTarget.Accepted}, not '{parsed.Value("--to")}'");
        var by = parsed.Value("--by") is { Length: > 0 } user && !string.IsNullOrWhiteSpace(user)
            ? user
            : throw new UsageException("--by <user> is required: every triage decision records who made it");
        using var store = AuditStore.Open(parsed, Name, context);
        if (store is null)
        {
            return ExitCodes.UsageOrIo;
        }

        try
        {
            var record = new AuditTrail(store, store).MoveTriageAsync(signalId, target, by, parsed.Value("--reason")).GetAwaiter().GetResult();
            context.Out.WriteLine(
                $"signal {record.Signal.SignalId} is {TriageRules.StateText(record.State)} (by {record.UpdatedBy}, trail entry {N(record.TrailSequence)})");
            return ExitCodes.Ok;
        }
        catch (Exception e) when (e is UnknownSignalException or InvalidTriageTransitionException)
        {
            context.Error.WriteLine($"berichtenverkeer audit triage: {e.Message}");
            return ExitCodes.Failed;
        }
        catch (TriageConflictException e)
        {
            context.Error.WriteLine($"berichtenverkeer audit triage: changed meanwhile: {e.Message}");
            return ExitCodes.Failed;
        }
        catch (DbException e)
        {
            context.Error.WriteLine($"berichtenverkeer audit triage: {e.Message}");
            return ExitCodes.UsageOrIo;
        }
    }

    private int List(ParsedArguments parsed, CliContext context)
    {
        if (parsed.Has("--to") || parsed.Has("--reason") || parsed.Has("--by"))
        {
            throw new UsageException("'triage list' takes only --state and the database");
        }

        TriageState? state = null;
        if (parsed.Value("--state") is { } text)
        {
            try
            {
                state = TriageRules.ParseState(text);
            }
            catch (FormatException)
            {
                throw new UsageException($"--state is new, under_review, dismissed or confirmed, not '{text}'");
            }
        }

        using var store = AuditStore.Open(parsed, Name, context);
        if (store is null)
        {
            return ExitCodes.UsageOrIo;
        }

        try
        {
            var records = store.ListSignalsAsync(state).GetAwaiter().GetResult();
            context.Out.WriteLine("signal\tstate\trule\tgemeente\tagb\tupdated_by\tupdated_at\treason");
            foreach (var r in records)
            {
                context.Out.WriteLine(string.Join(
                    '\t',
                    r.Signal.SignalId,
                    TriageRules.StateText(r.State),
                    r.Signal.RuleId,
                    r.Signal.Gemeente,
                    r.Signal.Agb,
                    r.UpdatedBy,
                    AuditTime.Format(r.UpdatedAt),
                    OneLine(r.Reason)));
            }

            context.Error.WriteLine($"{N(records.Count)} signals" + (state is { } s ? $" {TriageRules.StateText(s)}" : string.Empty));
            return ExitCodes.Ok;
        }
        catch (DbException e)
        {
            context.Error.WriteLine($"berichtenverkeer audit triage list: {e.Message}");
            return ExitCodes.UsageOrIo;
        }
    }

    // A reason may hold tabs or line breaks; the listing keeps one signal per line.
    private static string OneLine(string? text) =>
        text is null ? string.Empty : string.Join(' ', text.Split(['\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries));

    private static string N(long value) => value.ToString(CultureInfo.InvariantCulture);
}
