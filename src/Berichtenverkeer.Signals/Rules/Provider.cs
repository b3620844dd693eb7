using Berichtenverkeer.Matching.State;

namespace Berichtenverkeer.Signals.Rules;

/// <summary>
/// FR32: an AGB's monthly net amount or client count &gt; 2× its median over up to 12 earlier months, or month-over-month
/// &gt; 50% (from a base of 20 clients); or a new entrant (first record ≥ 12 months into the data) in the top decile of
/// amount per client. Counted per AGB over all gemeenten of the input (the region): a provider that grows by taking on
/// clients in several gemeenten grows as one business, while a small gemeente's caseload of two or three clients swings
/// by chance. The signal names the gemeente with the largest amount in the growth month.
/// </summary>
public sealed class Fr32Growth(Fr32Options options) : Rule<Fr32Options>(options)
{
    public override RuleInfo Info { get; } = new("FR32", 2, "Sudden growth / new entrant", Severity.M, ControlStage.FraudInvestigation, SignalScope.Period);

    public override IEnumerable<Signal> Evaluate(SignalContext context)
    {
        var series = context.Paid
            .GroupBy(p => p.Agb, StringComparer.Ordinal)
            .ToDictionary(
                g => g.Key,
                g => g.GroupBy(p => SignalContext.MonthOf(p.ProductPeriode.Begindatum))
                    .ToDictionary(m => m.Key, m => (Amount: (double)m.Sum(p => p.SignedBedrag), Clients: (double)m.Select(p => p.Bsn).Distinct().Count(), Lines: m.ToList())),
                StringComparer.Ordinal);
        foreach (var (agb, months) in series)
        {
            var first = months.Keys.Min();
            foreach (var month in context.Months().Where(months.ContainsKey))
            {
                var now = months[month];
                var history = Enumerable.Range(1, Options.MedianMonths).Select(i => month.AddMonths(-i)).Where(m => m >= first).ToList();
                if (history.Count < Options.MinHistoryMonths || now.Clients < Options.MinClients)
                {
                    continue;
                }

                var amounts = history.Select(m => months.TryGetValue(m, out var x) ? x.Amount : 0).ToList();
                var clients = history.Select(m => months.TryGetValue(m, out var x) ? x.Clients : 0).ToList();
                var (medAmount, medClients) = (Stats.Median(amounts), Stats.Median(clients));
                var previous = months.TryGetValue(month.AddMonths(-1), out var prev) ? prev : (Amount: 0.0, Clients: 0.0, Lines: []);
                var median = now.Amount > Options.MedianFactor * medAmount || now.Clients > Options.MedianFactor * medClients;
                var mom = previous.Clients >= Options.MinClientsForMonthOverMonth
                    && (now.Clients > (1 + Options.MonthOverMonth) * previous.Clients || now.Amount > (1 + Options.MonthOverMonth) * previous.Amount);
                if (!median && !mom)
                {
                    continue;
                }

                var gemeente = now.Lines.GroupBy(p => p.Gemeente, StringComparer.Ordinal)
                    .OrderByDescending(g => g.Sum(p => p.SignedBedrag)).ThenBy(g => g.Key, StringComparer.Ordinal).First().Key;
                yield return context.Make(
                    Info, gemeente, agb, null, now.Lines.Select(p => p.MessageId),
                    V(("bedrag", now.Amount), ("clienten", now.Clients), ("mediaanBedrag", medAmount), ("mediaanClienten", medClients),
                        ("vorigeMaandClienten", previous.Clients), ("factor", Options.MedianFactor)),
                    F($"Provider {agb} declared {now.Amount / 100:0.00} euro for {now.Clients} clients in {month:yyyy-MM} over all gemeenten, against a median of {medAmount / 100:0.00} euro and {medClients} clients in the months before."),
                    month, SignalContext.EndOfMonth(month), [Iso(month)]);
            }
        }

        // New entrants: only when the data reaches 12 months before the AGB's first record.
        if (context.Paid.Count == 0)
        {
            yield break;
        }

        var dataStart = SignalContext.MonthOf(context.Paid.Min(p => p.ProductPeriode.Begindatum));
        var perClient = context.PaidInPeriod.GroupBy(p => p.Agb, StringComparer.Ordinal)
            .Select(g => (Agb: g.Key, PerClient: g.Sum(p => (double)p.SignedBedrag) / g.Select(p => p.Bsn).Distinct().Count(), Lines: g.ToList()))
            .ToList();
        if (perClient.Count < 10)
        {
            yield break;
        }

        var top = Stats.Quantile(perClient.Select(p => p.PerClient).ToList(), Options.NewEntrantQuantile);
        foreach (var p in perClient.Where(p => p.PerClient >= top))
        {
            var firstSeen = SignalContext.MonthOf(context.Paid.Where(x => x.Agb == p.Agb).Min(x => x.ProductPeriode.Begindatum));
            if (firstSeen < dataStart.AddMonths(Options.NewEntrantMonths) || firstSeen.AddMonths(Options.NewEntrantMonths) <= context.PeriodTo)
            {
                continue;
            }

            yield return context.Make(
                Info, p.Lines[0].Gemeente, p.Agb, null, p.Lines.Select(l => l.MessageId), V(("bedragPerClient", p.PerClient), ("topDeciel", top)),
                F($"Provider {p.Agb}, first seen in {firstSeen:yyyy-MM}, is in the top decile of amount per client ({p.PerClient / 100:0.00} euro)."),
                context.PeriodFrom, context.PeriodTo, ["nieuwkomer"]);
        }
    }
}

/// <summary>
/// Provider rate of level-3 rule failures: the share of an AGB's prestaties rejected (PrestatieRecord.Approved false, with
/// their codes) in the period. The TR rules themselves stay in validation; the rate is the signal.
/// </summary>
public sealed class TrFailureRate(TrRateOptions options) : Rule<TrRateOptions>(options)
{
    public override RuleInfo Info { get; } = new("FR-TR", 1, "Provider rate of level-3 rule failures", Severity.L, ControlStage.Formal, SignalScope.Period);

    public override IEnumerable<Signal> Evaluate(SignalContext context)
    {
        foreach (var g in context.Input.Prestaties.Where(p => SignalContext.Overlaps(p.ProductPeriode, context.PeriodFrom, context.PeriodTo)).GroupBy(p => (p.Gemeente, p.Agb)))
        {
            var total = g.Count();
            var rejected = g.Where(p => !p.Approved).ToList();
            var rate = rejected.Count / (double)total;
            if (total < Options.MinPrestaties || rate < Options.Rate)
            {
                continue;
            }

            var values = V(("prestaties", total), ("afgewezen", rejected.Count), ("aandeel", rate), ("drempel", Options.Rate));
            foreach (var code in rejected.SelectMany(p => p.Codes).GroupBy(c => c, StringComparer.Ordinal))
            {
                values["code" + code.Key] = code.Count();
            }

            yield return context.Make(
                Info, g.Key.Gemeente, g.Key.Agb, null, rejected.Select(p => p.MessageId), values,
                F($"{rate:P0} of provider {g.Key.Agb}'s {total} prestaties in the period failed a level-3 rule."),
                context.PeriodFrom, context.PeriodTo, ["rate"], rate >= Options.HighRate ? Severity.M : Severity.L);
        }
    }
}
