using System.Globalization;
using Berichtenverkeer.Matching.State;

namespace Berichtenverkeer.Signals.Rules;

/// <summary>A rule with its options class; <see cref="CannotRun"/> covers "switched off".</summary>
public abstract class Rule<TOptions>(TOptions options) : ISignalRule
    where TOptions : RuleOptions
{
    protected TOptions Options { get; } = options ?? throw new ArgumentNullException(nameof(options));

    public abstract RuleInfo Info { get; }

    public virtual string? CannotRun(SignalContext context) => Options.Enabled ? null : "switched off in the options";

    public abstract IEnumerable<Signal> Evaluate(SignalContext context);

    protected static Dictionary<string, double> V(params (string Name, double Value)[] values) =>
        values.ToDictionary(v => v.Name, v => v.Value, StringComparer.Ordinal);

    protected static string F(FormattableString text) => FormattableString.Invariant(text);

    protected static string Iso(DateOnly d) => SignalContext.Iso(d);

    protected static string N(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    /// <summary>Starts of one assignment: same gemeente, AGB and number, or (without a number) same client and product code.</summary>
    protected static IEnumerable<RegieRecord> RegieFor(IEnumerable<RegieRecord> regie, string gemeente, string agb, string bsn, long nummer, string productCode) =>
        regie.Where(r => r.Gemeente == gemeente && r.Agb == agb
            && (r.ToewijzingNummer == nummer || (r.ToewijzingNummer is null && r.Bsn == bsn && (r.Product?.Code ?? productCode) == productCode)));

    /// <summary>
    /// A pro-rata cap (assignment scale, hours ×60) rounded up to a whole unit of what the prestatie declares:
    /// GeleverdVolume is a whole number, so 0.9 hour of care is honestly declared as 1 hour (FR15, FR16, FR18).
    /// </summary>
    protected static double WholeDeclaredUnits(double cap, PrestatieRecord p, AssignmentRecord a)
    {
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(a);
        var unit = p.Eenheid == Ijw.Catalog.Eenheid.Uur && a.Omvang?.Eenheid == Ijw.Catalog.Eenheid.Uur ? 60.0 : 1.0;
        return Math.Ceiling((cap / unit) - 1e-9) * unit;
    }

    /// <summary>Weekdays after <paramref name="from"/> up to and including <paramref name="to"/> (no holiday calendar).</summary>
    protected static int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        var n = 0;
        for (var d = from.AddDays(1); d <= to; d = d.AddDays(1))
        {
            if (d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                n++;
            }
        }

        return n;
    }
}

/// <summary>All rules, in id order.</summary>
public static class RuleSet
{
    public static IReadOnlyList<ISignalRule> Create(SignalOptions o)
    {
        ArgumentNullException.ThrowIfNull(o);
        return
        [
            new Fr14CareAfterDeath(o.Fr14),
            new Fr15AfterStop(o.Fr15),
            new Fr16DuringTemporaryStop(o.Fr16),
            new Fr17NeverStarted(o.Fr17),
            new Fr18BeforeStart(o.Fr18),
            new Fr19LateRegie(o.Fr19),
            new Fr20Identity(o.Fr20),
            new Fr21AgeScope(o.Fr21),
            new Fr22PgbOverlap(o.Fr22),
            new Fr23ManyProviders(o.Fr23),
            new Fr24ImpossibleVolume(o.Fr24),
            new Fr25ConcurrentStays(o.Fr25),
            new Fr26MaxOut(o.Fr26),
            new Fr27Templated(o.Fr27),
            new Fr28Digits(o.Fr28),
            new Fr29PeerCost(o.Fr29),
            new Fr30Upcoding(o.Fr30),
            new Fr31Unbundling(o.Fr31),
            new Fr32Growth(o.Fr32),
            new Fr33Budget(o.Fr33),
            new Fr34Migration(o.Fr34),
            new Fr35SharedClients(o.Fr35),
            new Fr36AlteredAfterDeclaring(o.Fr36),
            new TrFailureRate(o.TrRate),
        ];
    }
}
