namespace Berichtenverkeer.Signals.Exceptions;

/// <summary>
/// Runs the engine's rules of one <see cref="SignalScope"/> (all when null) the way <see cref="SignalEngine.Evaluate"/>
/// runs them all: rules that cannot run are reported as skipped, signals are de-duplicated by id and ordered. The gateway
/// judges message-scope rules after each message and period-scope rules in its period batch.
/// </summary>
public static class ScopedEvaluation
{
    public static SignalBatch Evaluate(SignalEngine engine, SignalInput input, DateOnly periodFrom, DateOnly periodTo, SignalScope? scope)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(input);
        if (periodTo < periodFrom)
        {
            throw new ArgumentException("periodTo lies before periodFrom.", nameof(periodTo));
        }

        var rules = engine.Rules.Where(r => scope is null || r.Info.Scope == scope).ToList();
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
