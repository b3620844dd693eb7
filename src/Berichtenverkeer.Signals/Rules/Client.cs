using Berichtenverkeer.Ijw.Catalog;
using Berichtenverkeer.Matching.State;

namespace Berichtenverkeer.Signals.Rules;

/// <summary>
/// FR20 as far as the state records show identity: the BSN fails the elfproef. The records keep no Geboortedatum, so
/// the cross-message birth-date comparison of the spec cannot be seen here.
/// </summary>
public sealed class Fr20Identity(Fr20Options options) : Rule<Fr20Options>(options)
{
    public override RuleInfo Info { get; } = new("FR20", 1, "Identity inconsistency (BSN elfproef only)", Severity.M, ControlStage.Formal, SignalScope.Message);

    public static bool Elfproef(string bsn)
    {
        ArgumentNullException.ThrowIfNull(bsn);
        if (bsn.Length != 9 || !bsn.All(char.IsAsciiDigit))
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < 8; i++)
        {
            sum += (9 - i) * (bsn[i] - '0');
        }

        sum -= bsn[8] - '0';
        return sum % 11 == 0 && bsn != "000000000";
    }

    public override IEnumerable<Signal> Evaluate(SignalContext context)
    {
        var seen = context.PaidInPeriod.Select(p => (p.Gemeente, p.Agb, p.Bsn, p.MessageId))
            .Concat(context.Input.Assignments.Where(a => SignalContext.Overlaps(new(a.Ingangsdatum, a.Einddatum ?? DateOnly.MaxValue), context.PeriodFrom, context.PeriodTo))
                .Select(a => (a.Gemeente, a.Agb, a.Bsn, a.MessageId)));
        foreach (var g in seen.Where(x => !Elfproef(x.Bsn)).GroupBy(x => (x.Gemeente, x.Agb, x.Bsn)))
        {
            yield return context.Make(
                Info, g.Key.Gemeente, g.Key.Agb, g.Key.Bsn, g.Select(x => x.MessageId), V(("berichten", g.Select(x => x.MessageId).Distinct().Count())),
                "The client's BSN fails the elfproef (weighted check digit), so the identity cannot be right.",
                context.PeriodFrom, context.PeriodTo, ["elfproef"]);
        }
    }
}

/// <summary>FR21 needs the client's Geboortedatum, which the state records do not keep: the rule reports that it cannot run.</summary>
public sealed class Fr21AgeScope(Fr21Options options) : Rule<Fr21Options>(options)
{
    public override RuleInfo Info { get; } = new("FR21", 1, "Outside the Jeugdwet age scope", Severity.H, ControlStage.Formal, SignalScope.Message);

    public override string? CannotRun(SignalContext context) =>
        base.CannotRun(context) ?? "no birth date: the state records (assignment, regie, prestatie) keep the BSN but not the Geboortedatum";

    public override IEnumerable<Signal> Evaluate(SignalContext context) => [];
}

/// <summary>FR23: one client with paid care from ≥ 4 AGBs in a month, or the same ProductCategorie at ≥ 2 AGBs with overlapping periods.</summary>
public sealed class Fr23ManyProviders(Fr23Options options) : Rule<Fr23Options>(options)
{
    public override RuleInfo Info { get; } = new("FR23", 1, "Client served by many providers", Severity.M, ControlStage.Material, SignalScope.Period);

    public override IEnumerable<Signal> Evaluate(SignalContext context)
    {
        foreach (var month in context.Months())
        {
            var end = SignalContext.EndOfMonth(month);
            foreach (var g in context.PaidInPeriod.Where(p => SignalContext.Overlaps(p.ProductPeriode, month, end)).GroupBy(p => p.Bsn, StringComparer.Ordinal))
            {
                var agbs = g.Select(p => p.Agb).Distinct(StringComparer.Ordinal).ToList();
                if (agbs.Count < 2)
                {
                    continue;
                }

                var concurrent = g.GroupBy(p => p.ProductCategorie, StringComparer.Ordinal)
                    .Where(c => ConcurrentProviders(c.ToList()) >= Options.SameCategorieProviders)
                    .Select(c => c.Key).ToList();
                var many = agbs.Count >= Options.MaxProviders;
                if (!many && concurrent.Count == 0)
                {
                    continue;
                }

                var severity = many && concurrent.Count > 0 ? Severity.H : Severity.M;
                var gemeente = g.GroupBy(p => p.Gemeente, StringComparer.Ordinal).OrderByDescending(x => x.Count()).ThenBy(x => x.Key, StringComparer.Ordinal).First().Key;
                yield return context.Make(
                    Info, gemeente, null, g.Key, g.Select(p => p.MessageId),
                    V(("aanbieders", agbs.Count), ("categorieenGelijktijdig", concurrent.Count)),
                    many
                        ? F($"In {month:yyyy-MM} the client received paid care from {agbs.Count} providers ({string.Join(", ", agbs.Order(StringComparer.Ordinal))}).")
                        : F($"In {month:yyyy-MM} the client received care in category {string.Join(", ", concurrent)} from several providers at the same time ({string.Join(", ", agbs.Order(StringComparer.Ordinal))})."),
                    month, end, [Iso(month)], severity, agbs);
            }
        }
    }

    /// <summary>The most distinct AGBs whose periods overlap one day.</summary>
    private static int ConcurrentProviders(List<PrestatieRecord> prestaties)
    {
        var best = 0;
        foreach (var p in prestaties)
        {
            var day = p.ProductPeriode.Begindatum;
            var n = prestaties.Where(q => q.ProductPeriode.Begindatum <= day && q.ProductPeriode.Einddatum >= day).Select(q => q.Agb).Distinct(StringComparer.Ordinal).Count();
            best = Math.Max(best, n);
        }

        return best;
    }
}

/// <summary>FR24: more than a day holds, per prestatie (uur, minuut, etmaal, dagdeel) and per client across AGBs (hours in a month).</summary>
public sealed class Fr24ImpossibleVolume(Fr24Options options) : Rule<Fr24Options>(options)
{
    public override RuleInfo Info { get; } = new("FR24", 1, "Impossible volume", Severity.C, ControlStage.FraudInvestigation, SignalScope.Message);

    public override IEnumerable<Signal> Evaluate(SignalContext context)
    {
        foreach (var p in context.PaidInPeriod)
        {
            double days = p.ProductPeriode.Einddatum.DayNumber - p.ProductPeriode.Begindatum.DayNumber + 1;
            double? cap = p.Eenheid switch
            {
                Eenheid.Uur => Options.HoursPerDay * days,
                Eenheid.Minuut => Options.HoursPerDay * 60 * days,
                Eenheid.Etmaal => days,
                Eenheid.Dagdeel => Options.DagdelenPerDay * days,
                _ => null,
            };
            if (cap is null || p.GeleverdVolume <= cap)
            {
                continue;
            }

            yield return context.Make(
                Info, p.Gemeente, p.Agb, p.Bsn, [p.MessageId], V(("geleverdVolume", p.GeleverdVolume), ("fysiekMaximum", cap.Value), ("dagen", days)),
                F($"Provider {p.Agb} declared {p.GeleverdVolume} (unit {p.Eenheid}) for {Iso(p.ProductPeriode.Begindatum)}..{Iso(p.ProductPeriode.Einddatum)}, more than the {N(cap.Value)} that {N(days)} days can hold."),
                p.ProductPeriode.Begindatum, p.ProductPeriode.Einddatum, ["prestatie", p.ReferentieNummer]);
        }

        // Client level: hours of all providers together in one month.
        foreach (var month in context.Months())
        {
            var end = SignalContext.EndOfMonth(month);
            double days = end.Day;
            foreach (var g in context.PaidInPeriod
                .Where(p => p.Eenheid is Eenheid.Uur or Eenheid.Minuut && p.ProductPeriode.Begindatum >= month && p.ProductPeriode.Einddatum <= end)
                .GroupBy(p => p.Bsn, StringComparer.Ordinal))
            {
                var hours = g.Sum(p => p.Eenheid == Eenheid.Uur ? p.GeleverdVolume : p.GeleverdVolume / 60.0);
                var agbs = g.Select(p => p.Agb).Distinct(StringComparer.Ordinal).ToList();
                if (agbs.Count < 2 || hours <= Options.HoursPerDay * days)
                {
                    continue;
                }

                yield return context.Make(
                    Info, g.First().Gemeente, null, g.Key, g.Select(p => p.MessageId), V(("uren", hours), ("fysiekMaximum", Options.HoursPerDay * days)),
                    F($"In {month:yyyy-MM} providers {string.Join(", ", agbs.Order(StringComparer.Ordinal))} together declared {N(hours)} hours for one client, more than the month holds."),
                    month, end, ["client", Iso(month)], relatedAgbs: agbs);
            }
        }
    }
}

/// <summary>FR25: etmaal prestaties at ≥ 2 AGBs with overlapping periods whose etmalen exceed the days they cover.</summary>
public sealed class Fr25ConcurrentStays(Fr25Options options) : Rule<Fr25Options>(options)
{
    public override RuleInfo Info { get; } = new("FR25", 1, "Concurrent residential stays", Severity.C, ControlStage.FraudInvestigation, SignalScope.Message);

    public override IEnumerable<Signal> Evaluate(SignalContext context)
    {
        foreach (var month in context.Months())
        {
            var end = SignalContext.EndOfMonth(month);
            foreach (var g in context.PaidInPeriod
                .Where(p => p.Eenheid == Eenheid.Etmaal && p.ProductPeriode.Begindatum >= month && p.ProductPeriode.Einddatum <= end)
                .GroupBy(p => p.Bsn, StringComparer.Ordinal))
            {
                var list = g.ToList();
                var agbs = list.Select(p => p.Agb).Distinct(StringComparer.Ordinal).ToList();
                var overlapping = agbs.Count >= 2 && list.Any(p => list.Any(q => q.Agb != p.Agb && SignalContext.Overlaps(q.ProductPeriode, p.ProductPeriode.Begindatum, p.ProductPeriode.Einddatum)));
                if (!overlapping)
                {
                    continue;
                }

                var covered = new HashSet<int>();
                foreach (var p in list)
                {
                    for (var d = p.ProductPeriode.Begindatum.DayNumber; d <= p.ProductPeriode.Einddatum.DayNumber; d++)
                    {
                        covered.Add(d);
                    }
                }

                var etmalen = list.Sum(p => p.GeleverdVolume);
                if (etmalen <= covered.Count)
                {
                    continue;
                }

                yield return context.Make(
                    Info, list[0].Gemeente, null, g.Key, list.Select(p => p.MessageId), V(("etmalen", etmalen), ("dagen", covered.Count), ("aanbieders", agbs.Count)),
                    F($"In {month:yyyy-MM} providers {string.Join(", ", agbs.Order(StringComparer.Ordinal))} declared {etmalen} overnight stays for one client over {covered.Count} days."),
                    month, end, [Iso(month)], relatedAgbs: agbs);
            }
        }
    }
}
