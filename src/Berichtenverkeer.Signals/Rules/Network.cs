using Berichtenverkeer.Matching.State;

namespace Berichtenverkeer.Signals.Rules;

/// <summary>FR34: ≥ 5 clients (or ≥ 30% of the caseload) stop at AGB-A with reason 38/33 and start at AGB-B within 30 days. The signal is about B.</summary>
public sealed class Fr34Migration(Fr34Options options) : Rule<Fr34Options>(options)
{
    public override RuleInfo Info { get; } = new("FR34", 1, "Client migration / phoenix", Severity.H, ControlStage.FraudInvestigation, SignalScope.Period);

    public override IEnumerable<Signal> Evaluate(SignalContext context)
    {
        var stops = context.Regie.Where(r => r.Kind == RegieKind.Stop && r.Einddatum is { } x && x >= context.PeriodFrom && x <= context.PeriodTo
            && Options.Reasons.Contains(r.RedenBeeindiging ?? string.Empty)).ToList();
        var moves = new List<(string Gemeente, string From, string To, string Bsn, DateOnly Day, string StopId, string StartId)>();
        foreach (var stop in stops)
        {
            var x = stop.Einddatum!.Value;
            var arrival = context.Regie.Where(r => r.Kind == RegieKind.Start && r.Bsn == stop.Bsn && r.Gemeente == stop.Gemeente && r.Agb != stop.Agb)
                    .Where(r => r.Begindatum >= x && r.Begindatum <= x.AddDays(Options.WithinDays)).Select(r => (r.Agb, r.MessageId))
                .Concat(context.Input.Assignments.Where(a => !a.IsDeleted && a.Bsn == stop.Bsn && a.Gemeente == stop.Gemeente && a.Agb != stop.Agb)
                    .Where(a => a.Ingangsdatum >= x && a.Ingangsdatum <= x.AddDays(Options.WithinDays)).Select(a => (a.Agb, a.MessageId)))
                .OrderBy(a => a.Agb, StringComparer.Ordinal).FirstOrDefault();
            if (arrival.Agb is not null)
            {
                moves.Add((stop.Gemeente, stop.Agb, arrival.Agb, stop.Bsn, x, stop.MessageId, arrival.MessageId));
            }
        }

        foreach (var g in moves.GroupBy(m => (m.Gemeente, m.From, m.To)))
        {
            var clients = g.Select(m => m.Bsn).Distinct(StringComparer.Ordinal).Count();
            var day = g.Min(m => m.Day);
            var caseload = context.Input.Assignments.Where(a => a.Gemeente == g.Key.Gemeente && a.Agb == g.Key.From && !a.IsDeleted && a.Ingangsdatum <= day && (a.Einddatum is null || a.Einddatum >= day))
                .Select(a => a.Bsn).Distinct(StringComparer.Ordinal).Count();
            var share = caseload == 0 ? 1 : clients / (double)caseload;
            if (clients < Options.MinClients && !(clients >= Options.MinClientsForShare && share >= Options.CaseloadShare))
            {
                continue;
            }

            yield return context.Make(
                Info, g.Key.Gemeente, g.Key.To, null, g.SelectMany(m => new[] { m.StopId, m.StartId }),
                V(("clienten", clients), ("caseloadVan", caseload), ("aandeel", share), ("drempelClienten", Options.MinClients)),
                F($"{clients} clients of provider {g.Key.From} ({share:P0} of its caseload) switched to provider {g.Key.To} within {Options.WithinDays} days from {Iso(day)}."),
                day, g.Max(m => m.Day), [g.Key.From], relatedAgbs: [g.Key.From]);
        }
    }
}

/// <summary>
/// FR35: per ProductCategorie per quarter, AGB pairs whose clients overlap with Jaccard &gt; 0.3. A client counts as
/// shared only when both providers' paid periods overlap in time, so a hand-over (one after the other) is not sharing.
/// </summary>
public sealed class Fr35SharedClients(Fr35Options options) : Rule<Fr35Options>(options)
{
    public override RuleInfo Info { get; } = new("FR35", 1, "Shared-client network", Severity.M, ControlStage.FraudInvestigation, SignalScope.Period);

    public override IEnumerable<Signal> Evaluate(SignalContext context)
    {
        var quarters = context.Months().Select(m => new DateOnly(m.Year, ((m.Month - 1) / 3 * 3) + 1, 1)).Distinct().ToList();
        foreach (var q in quarters)
        {
            var qEnd = q.AddMonths(3).AddDays(-1);
            foreach (var cat in context.PaidInPeriod.Where(p => SignalContext.Overlaps(p.ProductPeriode, q, qEnd)).GroupBy(p => p.ProductCategorie, StringComparer.Ordinal))
            {
                var byAgb = cat.GroupBy(p => p.Agb, StringComparer.Ordinal).ToDictionary(a => a.Key, a => a.GroupBy(p => p.Bsn, StringComparer.Ordinal).ToDictionary(c => c.Key, c => c.ToList(), StringComparer.Ordinal), StringComparer.Ordinal);
                var agbs = byAgb.Keys.Order(StringComparer.Ordinal).ToList();
                for (var i = 0; i < agbs.Count; i++)
                {
                    for (var j = i + 1; j < agbs.Count; j++)
                    {
                        var (a, b) = (byAgb[agbs[i]], byAgb[agbs[j]]);
                        var shared = a.Keys.Where(bsn => b.TryGetValue(bsn, out var other)
                            && a[bsn].Any(p => other.Any(o => SignalContext.Overlaps(o.ProductPeriode, p.ProductPeriode.Begindatum, p.ProductPeriode.Einddatum)))).ToList();
                        var union = a.Keys.Union(b.Keys).Count();
                        var jaccard = shared.Count / (double)union;
                        if (shared.Count < Options.MinSharedClients || jaccard <= Options.Jaccard)
                        {
                            continue;
                        }

                        var lines = shared.SelectMany(s => a[s].Concat(b[s])).ToList();
                        yield return context.Make(
                            Info, lines[0].Gemeente, agbs[i], null, lines.Select(p => p.MessageId),
                            V(("gedeeldeClienten", shared.Count), ("jaccard", jaccard), ("drempel", Options.Jaccard)),
                            F($"Providers {agbs[i]} and {agbs[j]} served {shared.Count} of their clients in category {cat.Key} at the same time in {q:yyyy-MM} to {qEnd:yyyy-MM} (Jaccard {jaccard:0.00})."),
                            q, qEnd, [cat.Key, agbs[j], Iso(q)], relatedAgbs: [agbs[j]]);
                    }
                }
            }
        }
    }
}

/// <summary>
/// FR36: a new version of an assignment raises Volume or Budget, or backdates Ingangsdatum, after paid prestaties on it
/// were received; or raises Einddatum in a way that covers care already declared: the old end had passed when the new
/// version was issued (a retroactive reopening), or a paid prestatie received before the change runs past the old end.
/// An extension issued before the old end (reassessment, continuing care) is the normal way an assignment lives on and
/// is not counted (<see cref="Fr36Options.CountForwardExtensions"/>). Also: the first version is backdated &gt; 90 days
/// and the past declared within 30 days. The records keep no municipal user, so the "same user repeatedly" branch cannot
/// be seen.
/// </summary>
public sealed class Fr36AlteredAfterDeclaring(Fr36Options options) : Rule<Fr36Options>(options)
{
    public override RuleInfo Info { get; } = new("FR36", 2, "Assignment altered after declaring", Severity.H, ControlStage.FraudInvestigation, SignalScope.Message);

    public override IEnumerable<Signal> Evaluate(SignalContext context)
    {
        var paid = context.Paid.GroupBy(p => (p.Gemeente, p.ToewijzingNummer)).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var ((gemeente, nummer), versions) in context.Versions)
        {
            if (!paid.TryGetValue((gemeente, nummer), out var lines))
            {
                continue;
            }

            DateOnly Received(PrestatieRecord p) => context.Dagtekening(p.MessageId) ?? p.DeclaratiePeriode.Einddatum.AddDays(1);

            for (var i = 1; i < versions.Count; i++)
            {
                var (before, after) = (versions[i - 1], versions[i]);
                if (after.IsDeleted || after.Toewijzingsdatum < context.PeriodFrom || after.Toewijzingsdatum > context.PeriodTo)
                {
                    continue;
                }

                var raised = new List<string>();
                if (after.Omvang is { } o && before.Omvang is { } b && o.Volume > b.Volume)
                {
                    raised.Add("volume");
                }

                var earlier = lines.Where(p => Received(p) < after.Toewijzingsdatum).ToList();
                if (before.Einddatum is { } e && (after.Einddatum is null || after.Einddatum > e)
                    && (Options.CountForwardExtensions || e < after.Toewijzingsdatum || earlier.Any(p => p.ProductPeriode.Einddatum > e)))
                {
                    raised.Add("einddatum");
                }

                if (after.Budget > before.Budget)
                {
                    raised.Add("budget");
                }

                if (after.Ingangsdatum < before.Ingangsdatum)
                {
                    raised.Add("ingangsdatum");
                }

                if (raised.Count == 0 || earlier.Count == 0)
                {
                    continue;
                }

                yield return context.Make(
                    Info, gemeente, after.Agb, after.Bsn, earlier.Select(p => p.MessageId).Append(before.MessageId).Append(after.MessageId),
                    V(("betaaldePrestaties", earlier.Count), ("volumeVoor", before.Omvang?.Volume ?? 0), ("volumeNa", after.Omvang?.Volume ?? 0),
                        ("budgetVoor", before.Budget ?? 0), ("budgetNa", after.Budget ?? 0)),
                    F($"Assignment {nummer} was changed on {Iso(after.Toewijzingsdatum)} ({string.Join(", ", raised)} raised or backdated) after {earlier.Count} paid prestatie(s) on it had been received."),
                    after.Toewijzingsdatum, after.Toewijzingsdatum, [nummer.ToString(System.Globalization.CultureInfo.InvariantCulture), after.VersionMoment.ToString("O", System.Globalization.CultureInfo.InvariantCulture)]);
            }

            var first = versions[0];
            if (first.Toewijzingsdatum >= context.PeriodFrom && first.Toewijzingsdatum <= context.PeriodTo
                && first.Ingangsdatum < first.Toewijzingsdatum.AddDays(-Options.BackdateDays))
            {
                var quick = lines.Where(p => Received(p) <= first.Toewijzingsdatum.AddDays(Options.DeclaredWithinDays)
                    && p.ProductPeriode.Begindatum < first.Toewijzingsdatum.AddDays(-Options.BackdateDays)).ToList();
                if (quick.Count > 0)
                {
                    yield return context.Make(
                        Info, gemeente, first.Agb, first.Bsn, quick.Select(p => p.MessageId).Append(first.MessageId),
                        V(("dagenTerugwerkend", first.Toewijzingsdatum.DayNumber - first.Ingangsdatum.DayNumber), ("prestaties", quick.Count)),
                        F($"Assignment {nummer} was issued on {Iso(first.Toewijzingsdatum)} from {Iso(first.Ingangsdatum)}, more than {Options.BackdateDays} days back, and the past was declared within {Options.DeclaredWithinDays} days."),
                        first.Ingangsdatum, first.Toewijzingsdatum, [nummer.ToString(System.Globalization.CultureInfo.InvariantCulture), "terugwerkend"]);
                }
            }
        }
    }
}
