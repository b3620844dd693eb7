using Berichtenverkeer.Ijw.Catalog;
using Berichtenverkeer.Matching.State;

namespace Berichtenverkeer.Signals.Rules;

/// <summary>FR14: care declared (any AGB) after a stop with reason 02 (death), or a new assignment or start after it.</summary>
public sealed class Fr14CareAfterDeath(Fr14Options options) : Rule<Fr14Options>(options)
{
    public override RuleInfo Info { get; } = new("FR14", 1, "Care declared after death", Severity.C, ControlStage.FraudInvestigation, SignalScope.Message);

    public override IEnumerable<Signal> Evaluate(SignalContext context)
    {
        var deaths = context.Regie
            .Where(r => r.Kind == RegieKind.Stop && r.RedenBeeindiging == RedenBeeindiging.Overlijden && r.Einddatum is not null)
            .GroupBy(r => r.Bsn, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(r => r.Einddatum).First(), StringComparer.Ordinal);
        if (deaths.Count == 0)
        {
            yield break;
        }

        foreach (var g in context.PaidInPeriod
            .Where(p => deaths.TryGetValue(p.Bsn, out var d) && p.ProductPeriode.Einddatum > d.Einddatum)
            .GroupBy(p => (p.Gemeente, p.Agb, p.Bsn)))
        {
            var death = deaths[g.Key.Bsn];
            var x = death.Einddatum!.Value;
            var last = g.Max(p => p.ProductPeriode.Einddatum);
            yield return context.Make(
                Info, g.Key.Gemeente, g.Key.Agb, g.Key.Bsn,
                g.Select(p => p.MessageId).Append(death.MessageId),
                V(("prestaties", g.Count()), ("bedrag", g.Sum(p => p.Bedrag)), ("dagenNaOverlijden", last.DayNumber - x.DayNumber)),
                F($"Provider {g.Key.Agb} was paid for {g.Count()} prestatie(s) up to {Iso(last)} for a client reported deceased on {Iso(x)} (by AGB {death.Agb})."),
                x.AddDays(1), last, ["prestatie", Iso(x)], relatedAgbs: [death.Agb]);
        }

        foreach (var a in context.Input.Assignments.Where(a => !a.IsDeleted && deaths.TryGetValue(a.Bsn, out var d) && a.Toewijzingsdatum > d.Einddatum && a.Ingangsdatum > d.Einddatum))
        {
            var death = deaths[a.Bsn];
            yield return context.Make(
                Info, a.Gemeente, a.Agb, a.Bsn, [a.MessageId, death.MessageId], V(("toewijzingNummer", a.ToewijzingNummer)),
                F($"Assignment {a.ToewijzingNummer} was issued on {Iso(a.Toewijzingsdatum)} from {Iso(a.Ingangsdatum)}, after the client was reported deceased on {Iso(death.Einddatum!.Value)}."),
                a.Ingangsdatum, a.Einddatum ?? a.Ingangsdatum, ["toewijzing", a.ToewijzingNummer.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        }

        foreach (var s in context.Regie.Where(r => r.Kind == RegieKind.Start && deaths.TryGetValue(r.Bsn, out var d) && r.Begindatum > d.Einddatum))
        {
            var death = deaths[s.Bsn];
            yield return context.Make(
                Info, s.Gemeente, s.Agb, s.Bsn, [s.MessageId, death.MessageId], V(("dagenNaOverlijden", s.Begindatum.DayNumber - death.Einddatum!.Value.DayNumber)),
                F($"Provider {s.Agb} reported a start on {Iso(s.Begindatum)} for a client reported deceased on {Iso(death.Einddatum!.Value)}."),
                s.Begindatum, s.Begindatum, ["start", s.Key]);
        }
    }
}

/// <summary>
/// FR15: paid care after a final stop (reason ≠ 20; death is FR14) of the same assignment, beyond the pro-rata part of
/// the stop month (TR387/TR388), the pro-rata cap rounded up to a whole declared unit.
/// </summary>
public sealed class Fr15AfterStop(Fr15Options options) : Rule<Fr15Options>(options)
{
    public override RuleInfo Info { get; } = new("FR15", 2, "Declared after a definitive stop", Severity.H, ControlStage.Material, SignalScope.Message);

    public override IEnumerable<Signal> Evaluate(SignalContext context)
    {
        var stops = context.Regie.Where(r => r.Kind == RegieKind.Stop && r.Einddatum is not null
            && r.RedenBeeindiging is not (RedenBeeindiging.Tijdelijk or RedenBeeindiging.Overlijden)).ToList();
        if (stops.Count == 0)
        {
            yield break;
        }

        var starts = context.Regie.Where(r => r.Kind == RegieKind.Start).ToList();
        foreach (var g in context.PaidInPeriod.GroupBy(p => (p.Gemeente, p.Agb, p.Bsn, p.ToewijzingNummer, p.ProductCode)))
        {
            var (gemeente, agb, bsn, nummer, code) = g.Key;
            var stop = RegieFor(stops, gemeente, agb, bsn, nummer, code).OrderByDescending(s => s.Einddatum).FirstOrDefault();
            if (stop is null)
            {
                continue;
            }

            var x = stop.Einddatum!.Value;
            if (RegieFor(starts, gemeente, agb, bsn, nummer, code).Any(s => s.Begindatum > x))
            {
                continue; // restarted: the stop was not final
            }

            var assignment = context.Latest(gemeente, nummer);
            var after = g.Where(p => p.ProductPeriode.Einddatum > x && !WithinProRata(p, assignment, x)).ToList();
            if (after.Count == 0)
            {
                continue;
            }

            var last = after.Max(p => p.ProductPeriode.Einddatum);
            yield return context.Make(
                Info, gemeente, agb, bsn, after.Select(p => p.MessageId).Append(stop.MessageId),
                V(("prestaties", after.Count), ("bedrag", after.Sum(p => p.Bedrag)), ("dagenNaStop", last.DayNumber - x.DayNumber)),
                F($"Provider {agb} stopped assignment {nummer} on {Iso(x)} (reason {stop.RedenBeeindiging}) but was paid for care up to {Iso(last)}."),
                x.AddDays(1), last, [nummer.ToString(System.Globalization.CultureInfo.InvariantCulture), Iso(x)]);
        }
    }

    /// <summary>TR387/TR388: a stop month may be declared, with volume pro rata up to the stop.</summary>
    private static bool WithinProRata(PrestatieRecord p, AssignmentRecord? a, DateOnly x)
    {
        if (p.ProductPeriode.Begindatum > x || a is null)
        {
            return false;
        }

        var cap = SignalContext.ProRataCap(a.Omvang, p.ProductPeriode.Begindatum, x);
        var volume = SignalContext.Scaled(p, a);
        return cap is null || volume is null || volume <= WholeDeclaredUnits(cap.Value, p, a);
    }
}

/// <summary>
/// FR16: paid care inside a temporary stop (reason 20) without a restart, or more than the non-stopped days × the daily
/// cap allow, that cap rounded up to a whole declared unit (an hour of care in six days of a 1 hour/week assignment is
/// honest declaring).
/// </summary>
public sealed class Fr16DuringTemporaryStop(Fr16Options options) : Rule<Fr16Options>(options)
{
    public override RuleInfo Info { get; } = new("FR16", 2, "Declared during a temporary stop", Severity.H, ControlStage.Material, SignalScope.Message);

    public override IEnumerable<Signal> Evaluate(SignalContext context)
    {
        var stops = context.Regie.Where(r => r.IsTemporaryStop && r.Einddatum is not null).ToList();
        if (stops.Count == 0)
        {
            yield break;
        }

        var starts = context.Regie.Where(r => r.Kind == RegieKind.Start).ToList();
        foreach (var g in context.PaidInPeriod.GroupBy(p => (p.Gemeente, p.Agb, p.Bsn, p.ToewijzingNummer, p.ProductCode)))
        {
            var (gemeente, agb, bsn, nummer, code) = g.Key;
            var assignment = context.Latest(gemeente, nummer);
            var hits = new List<(PrestatieRecord P, long StoppedDays)>();
            var used = new List<RegieRecord>();
            foreach (var stop in RegieFor(stops, gemeente, agb, bsn, nummer, code))
            {
                var stopFrom = stop.Einddatum!.Value.AddDays(1);
                var restart = RegieFor(starts, gemeente, agb, bsn, nummer, code).Where(s => s.Begindatum >= stopFrom).Select(s => (DateOnly?)s.Begindatum).Min();
                var stopTo = restart?.AddDays(-1) ?? DateOnly.MaxValue;
                foreach (var p in g)
                {
                    var b = p.ProductPeriode.Begindatum > stopFrom ? p.ProductPeriode.Begindatum : stopFrom;
                    var e = p.ProductPeriode.Einddatum < stopTo ? p.ProductPeriode.Einddatum : stopTo;
                    if (e < b)
                    {
                        continue;
                    }

                    var stopped = e.DayNumber - b.DayNumber + 1;
                    var days = p.ProductPeriode.Einddatum.DayNumber - p.ProductPeriode.Begindatum.DayNumber + 1;
                    var inside = stopped == days;
                    if (!inside && assignment is not null)
                    {
                        var cap = SignalContext.ProRataCap(assignment.Omvang, p.ProductPeriode.Begindatum, p.ProductPeriode.Begindatum.AddDays(days - stopped - 1));
                        var volume = SignalContext.Scaled(p, assignment);
                        inside = cap is not null && volume is not null && volume > WholeDeclaredUnits(cap.Value, p, assignment);
                    }

                    if (inside)
                    {
                        hits.Add((p, stopped));
                        used.Add(stop);
                    }
                }
            }

            if (hits.Count == 0)
            {
                continue;
            }

            var first = used.Min(s => s.Einddatum!.Value);
            var last = hits.Max(h => h.P.ProductPeriode.Einddatum);
            yield return context.Make(
                Info, gemeente, agb, bsn, hits.Select(h => h.P.MessageId).Concat(used.Select(s => s.MessageId)),
                V(("prestaties", hits.Count), ("bedrag", hits.Sum(h => h.P.Bedrag)), ("gestopteDagen", hits.Sum(h => h.StoppedDays))),
                F($"Provider {agb} stopped assignment {nummer} temporarily on {Iso(first)} without a restart, yet was paid for care in the stopped days up to {Iso(last)}."),
                first.AddDays(1), last, [nummer.ToString(System.Globalization.CultureInfo.InvariantCulture), Iso(first)]);
        }
    }
}

/// <summary>FR17: paid care on an assignment without any start within 60 days after the first ProductPeriode ends.</summary>
public sealed class Fr17NeverStarted(Fr17Options options) : Rule<Fr17Options>(options)
{
    public override RuleInfo Info { get; } = new("FR17", 1, "Declared, never started", Severity.M, ControlStage.Material, SignalScope.Period);

    public override IEnumerable<Signal> Evaluate(SignalContext context)
    {
        var starts = context.Regie.Where(r => r.Kind == RegieKind.Start).ToList();
        foreach (var g in context.Paid.GroupBy(p => (p.Gemeente, p.Agb, p.Bsn, p.ToewijzingNummer, p.ProductCode)))
        {
            var (gemeente, agb, bsn, nummer, code) = g.Key;
            var firstEnd = g.Min(p => p.ProductPeriode.Einddatum);
            var deadline = firstEnd.AddDays(Options.StartWithinDays);
            if (deadline > context.PeriodTo || !g.Any(p => SignalContext.Overlaps(p.ProductPeriode, context.PeriodFrom, context.PeriodTo)))
            {
                continue; // not yet decidable in this batch, or nothing of it in the period
            }

            if (RegieFor(starts, gemeente, agb, bsn, nummer, code).Any(s => s.Dagtekening <= deadline))
            {
                continue;
            }

            var last = g.Max(p => p.ProductPeriode.Einddatum);
            yield return context.Make(
                Info, gemeente, agb, bsn, g.Select(p => p.MessageId),
                V(("prestaties", g.Count()), ("bedrag", g.Sum(p => p.Bedrag)), ("termijnDagen", Options.StartWithinDays)),
                F($"Provider {agb} was paid for {g.Count()} prestatie(s) on assignment {nummer} but sent no start message within {Options.StartWithinDays} days after {Iso(firstEnd)}."),
                g.Min(p => p.ProductPeriode.Begindatum), last, [nummer.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        }
    }
}

/// <summary>
/// FR18: a ProductPeriode that begins before the reported start with more volume than days(S.Begindatum..period end) ×
/// the daily cap allow (the spec's words; a period from the 1st or from the Ingangsdatum with a later start is normal).
/// The daily cap is the assignment's Omvang pro rata (per day × days, per week × days/7, per month × days/days in month).
/// GeleverdVolume is a whole number of the declared unit, so the cap is rounded up to a whole declared unit (one hour
/// when hours are declared) before comparing: a 0.9 hour share of a week is honestly declared as 1 hour.
/// </summary>
public sealed class Fr18BeforeStart(Fr18Options options) : Rule<Fr18Options>(options)
{
    public override RuleInfo Info { get; } = new("FR18", 2, "Declared before actual start", Severity.M, ControlStage.Material, SignalScope.Message);

    public override IEnumerable<Signal> Evaluate(SignalContext context)
    {
        var starts = context.Regie.Where(r => r.Kind == RegieKind.Start).ToList();
        foreach (var g in context.PaidInPeriod.GroupBy(p => (p.Gemeente, p.Agb, p.Bsn, p.ToewijzingNummer, p.ProductCode)))
        {
            var (gemeente, agb, bsn, nummer, code) = g.Key;
            var start = RegieFor(starts, gemeente, agb, bsn, nummer, code).OrderBy(s => s.Begindatum).FirstOrDefault();
            var assignment = context.Latest(gemeente, nummer);
            if (start is null || assignment?.Omvang is null)
            {
                continue;
            }

            foreach (var p in g.Where(p => p.ProductPeriode.Begindatum < start.Begindatum))
            {
                var cap = start.Begindatum > p.ProductPeriode.Einddatum ? 0 : SignalContext.ProRataCap(assignment.Omvang, start.Begindatum, p.ProductPeriode.Einddatum);
                var volume = SignalContext.Scaled(p, assignment);
                if (cap is null || volume is null)
                {
                    continue;
                }

                var max = WholeDeclaredUnits(cap.Value, p, assignment);
                if (volume <= max)
                {
                    continue;
                }

                yield return context.Make(
                    Info, gemeente, agb, bsn, [p.MessageId, start.MessageId],
                    V(("geleverdVolume", volume.Value), ("maxVanafStart", max), ("dagenVanafStart", Math.Max(0, p.ProductPeriode.Einddatum.DayNumber - start.Begindatum.DayNumber + 1))),
                    F($"Provider {agb} declared {p.GeleverdVolume} for {Iso(p.ProductPeriode.Begindatum)}..{Iso(p.ProductPeriode.Einddatum)} on assignment {nummer}, more than fits after the reported start on {Iso(start.Begindatum)}."),
                    p.ProductPeriode.Begindatum, p.ProductPeriode.Einddatum, [p.ReferentieNummer]);
            }
        }
    }
}

/// <summary>FR19: start or stop sent more than 5 working days late (L); a late start sent just before the first declaration is back-filling (M).</summary>
public sealed class Fr19LateRegie(Fr19Options options) : Rule<Fr19Options>(options)
{
    public override RuleInfo Info { get; } = new("FR19", 1, "Late or back-filled regie", Severity.L, ControlStage.Material, SignalScope.Message);

    public override IEnumerable<Signal> Evaluate(SignalContext context)
    {
        foreach (var r in context.Regie)
        {
            var date = r.Kind == RegieKind.Start ? r.Begindatum : r.Einddatum;
            if (date is not { } d || d < context.PeriodFrom || d > context.PeriodTo)
            {
                continue;
            }

            var late = WorkingDaysBetween(d, r.Dagtekening);
            if (late <= Options.WorkingDays)
            {
                continue;
            }

            var severity = Severity.L;
            DateOnly? firstDeclared = null;
            if (r.Kind == RegieKind.Start && r.ToewijzingNummer is { } nummer)
            {
                firstDeclared = context.Paid.Where(p => p.Gemeente == r.Gemeente && p.Agb == r.Agb && p.ToewijzingNummer == nummer)
                    .Select(p => context.Dagtekening(p.MessageId)).Where(x => x is not null).Min();
                if (firstDeclared is { } f && r.Dagtekening <= f && r.Dagtekening >= f.AddDays(-Options.BackfillDays))
                {
                    severity = Severity.M;
                }
            }

            var what = r.Kind == RegieKind.Start ? "start" : "stop";
            yield return context.Make(
                Info, r.Gemeente, r.Agb, r.Bsn, [r.MessageId], V(("werkdagenTeLaat", late), ("norm", Options.WorkingDays)),
                severity == Severity.M
                    ? F($"The {what} of {Iso(d)} was sent {late} working days late, on {Iso(r.Dagtekening)}, just before the first declaration of the assignment.")
                    : F($"The {what} of {Iso(d)} was sent {late} working days late, on {Iso(r.Dagtekening)}."),
                d, r.Dagtekening, [r.Key], severity);
        }
    }
}
