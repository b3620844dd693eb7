using Berichtenverkeer.Audit.Pseudonyms;
using Berichtenverkeer.Signals;
using Berichtenverkeer.Signals.Exceptions;
using Berichtenverkeer.Store;

namespace Berichtenverkeer.Gateway.Signals;

/// <summary>What one detection run raised: the signals new to the store, and how many the rules produced in all.</summary>
public sealed record DetectionResult(IReadOnlyList<Signal> Raised, int Evaluated, IReadOnlyList<SkippedRule> Skipped);

/// <summary>
/// Loads the state of some municipalities, runs the rules of one scope over a period and saves what is new (registered
/// in triage as new). Shared by the gateway (after each message, the period batch) and `berichtenverkeer signals run`.
/// Reads only: a signal never changes an answer, a retourcode or any iJw state.
/// </summary>
public sealed class SignalDetector(RelationalStore store, BsnPseudonymizer pseudonymizer, SignalEngine engine, TimeProvider time)
{
    public async Task<DetectionResult> DetectAsync(
        IReadOnlyCollection<string> gemeenten, DateOnly historyFrom, DateOnly periodFrom, DateOnly periodTo, SignalScope? scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(gemeenten);
        if (gemeenten.Count == 0)
        {
            return new DetectionResult([], 0, []);
        }

        var source = await store.LoadSignalSourceAsync(gemeenten, historyFrom, periodTo, cancellationToken);
        var input = new SignalInput
        {
            Assignments = source.Assignments,
            Regie = source.Regie,
            Prestaties = source.Prestaties,
            Declarations = source.Declarations,
            Messages = source.Messages,
            Reference = await store.LoadReferenceSetAsync(cancellationToken),
            Pseudonymizer = pseudonymizer,
        };
        var batch = engine.Evaluate(input, periodFrom, periodTo, scope);

        // Rules look across municipalities only through the state loaded; keep what belongs to the ones asked for.
        var own = batch.Signals.Where(s => gemeenten.Contains(s.Gemeente)).ToList();
        var raised = await store.SaveSignalsAsync(own, time.GetUtcNow(), cancellationToken);
        return new DetectionResult(raised, own.Count, batch.Skipped);
    }

    /// <summary>A declaration month as a period: its first and last day.</summary>
    public static (DateOnly From, DateOnly To) Month(int year, int month)
    {
        var from = new DateOnly(year, month, 1);
        return (from, from.AddMonths(1).AddDays(-1));
    }
}
