using Berichtenverkeer.Signals.Rules;

namespace Berichtenverkeer.Signals;

/// <summary>
/// Runs every rule over one batch. Per-message rules (FR14, FR15, FR16, FR24 per prestatie …) and period rules run
/// alike over the state records. The engine only emits events: it never touches an answer or a retourcode (AT10).
/// </summary>
public sealed class SignalEngine
{
    public SignalEngine(SignalOptions? options = null)
    {
        Options = options ?? new SignalOptions();
        Rules = RuleSet.Create(Options);
    }

    public SignalOptions Options { get; }

    public IReadOnlyList<ISignalRule> Rules { get; }

    /// <summary>
    /// Runs the rules of <paramref name="scope"/> (all when null): the gateway judges message-scope rules after each
    /// message and every rule in its period batch.
    /// </summary>
    public SignalBatch Evaluate(SignalInput input, DateOnly periodFrom, DateOnly periodTo, SignalScope? scope = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (periodTo < periodFrom)
        {
            throw new ArgumentException("periodTo lies before periodFrom.", nameof(periodTo));
        }

        var rules = Rules.Where(r => scope is null || r.Info.Scope == scope).ToList();
        var context = new SignalContext(input, periodFrom, periodTo);
        var signals = new Dictionary<string, Signal>(StringComparer.Ordinal);
        var skipped = new List<SkippedRule>();
        foreach (var rule in rules)
        {
            if (rule.CannotRun(context) is { } reason)
            {
                skipped.Add(new SkippedRule(rule.Info.Id, rule.Info.Version, reason));
                continue;
            }

            foreach (var signal in rule.Evaluate(context))
            {
                signals.TryAdd(signal.Id, signal);
            }
        }

        var ordered = signals.Values
            .OrderBy(s => s.RuleId, StringComparer.Ordinal)
            .ThenBy(s => s.Gemeente, StringComparer.Ordinal)
            .ThenBy(s => s.Agb, StringComparer.Ordinal)
            .ThenBy(s => s.PeriodFrom)
            .ThenBy(s => s.Id, StringComparer.Ordinal)
            .ToList();
        return new SignalBatch(ordered, skipped, rules.Select(r => r.Info).ToList());
    }
}
