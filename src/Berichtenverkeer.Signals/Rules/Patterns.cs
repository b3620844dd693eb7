using Berichtenverkeer.Ijw.Catalog;
using Berichtenverkeer.Ijw.Model;
using Berichtenverkeer.Matching.State;
using Berichtenverkeer.Matching.Volume;

namespace Berichtenverkeer.Signals.Rules;

/// <summary>
/// FR26: per gemeente × AGB, u = declared / assigned maximum per client-month; flag ≥ 3 consecutive months in which
/// ≥ 90% of client-months have u ≥ 0.98, with near-zero spread of u (no dips). Output units (stuks output, euros) are
/// left out: one product delivered per period has u of 0 or 1 by nature, so "always at the maximum" says nothing there.
/// </summary>
public sealed class Fr26MaxOut(Fr26Options options) : Rule<Fr26Options>(options)
{
    public override RuleInfo Info { get; } = new("FR26", 2, "Max-out billing of the indication", Severity.M, ControlStage.Material, SignalScope.Period);

    public override IEnumerable<Signal> Evaluate(SignalContext context)
    {
        var clientMonths = new List<(string Gemeente, string Agb, DateOnly Month, double U, string MessageId)>();
        foreach (var g in context.PaidInPeriod.GroupBy(p => (p.Gemeente, p.Agb, p.ToewijzingNummer, Month: SignalContext.MonthOf(p.ProductPeriode.Begindatum))))
        {
            var a = context.Latest(g.Key.Gemeente, g.Key.ToewijzingNummer);
            // Output units (stuks output, euros) are one product delivered or not: u is 0 or 1 by nature, never a max-out.
            if (a?.Omvang is not { } omvang || omvang.Frequentie == Frequentie.Totaal || Eenheid.IsOutputBased(omvang.Eenheid))
            {
                continue;
            }

            var periode = new GeslotenPeriode(g.Min(p => p.ProductPeriode.Begindatum), g.Max(p => p.ProductPeriode.Einddatum));
            var max = VolumeMath.Scaled(VolumeMath.MaxForPeriod(omvang, a.Ingangsdatum, a.Einddatum, periode), omvang.Eenheid);
            var declared = g.Select(p => SignalContext.Scaled(p, a)).ToList();
            if (max <= 0 || declared.Any(d => d is null))
            {
                continue;
            }

            clientMonths.Add((g.Key.Gemeente, g.Key.Agb, g.Key.Month, declared.Sum(d => d!.Value) / (double)max, g.First().MessageId));
        }

        foreach (var provider in clientMonths.GroupBy(c => (c.Gemeente, c.Agb)))
        {
            var byMonth = provider.GroupBy(c => c.Month).ToDictionary(m => m.Key, m => m.ToList());
            foreach (var start in byMonth.Keys.Order())
            {
                var window = Enumerable.Range(0, Options.ConsecutiveMonths).Select(i => start.AddMonths(i)).ToList();
                if (!window.All(byMonth.ContainsKey))
                {
                    continue;
                }

                var cms = window.SelectMany(m => byMonth[m]).ToList();
                var us = cms.Select(c => c.U).ToList();
                var share = us.Count(u => u >= Options.Utilisation) / (double)us.Count;
                var sd = Stats.StdDev(us);
                if (cms.Count < Options.MinClientMonths || share < Options.ShareOfClientMonths || sd > Options.MaxStdDev)
                {
                    continue;
                }

                var to = SignalContext.EndOfMonth(window[^1]);
                yield return context.Make(
                    Info, provider.Key.Gemeente, provider.Key.Agb, null, cms.Select(c => c.MessageId),
                    V(("clientMaanden", cms.Count), ("aandeelOpMaximum", share), ("gemiddeldeBenutting", us.Average()), ("spreiding", sd),
                        ("drempelBenutting", Options.Utilisation), ("drempelAandeel", Options.ShareOfClientMonths)),
                    F($"Provider {provider.Key.Agb} declared at least {Options.Utilisation:P0} of the assigned volume in {share:P0} of {cms.Count} client-months from {window[0]:yyyy-MM} to {window[^1]:yyyy-MM}, with no dips."),
                    window[0], to, [Iso(window[0])]);
                break;
            }
        }
    }
}

/// <summary>FR27: per gemeente × AGB × ProductCode × month, ≥ 80% of clients with the identical volume, or round minutes (whole hours) above 20% and the peer P95.</summary>
public sealed class Fr27Templated(Fr27Options options) : Rule<Fr27Options>(options)
{
    public override RuleInfo Info { get; } = new("FR27", 1, "Templated or round volumes", Severity.L, ControlStage.Material, SignalScope.Period);

    public override IEnumerable<Signal> Evaluate(SignalContext context)
    {
        var groups = context.PaidInPeriod
            .GroupBy(p => (p.Gemeente, p.Agb, p.ProductCode, p.Eenheid, Month: SignalContext.MonthOf(p.ProductPeriode.Begindatum)))
            .Select(g => (g.Key, Volumes: g.GroupBy(p => p.Bsn, StringComparer.Ordinal).Select(c => c.Sum(p => p.GeleverdVolume)).ToList(), Ids: g.Select(p => p.MessageId).ToList()))
            .Where(g => g.Volumes.Count >= Options.MinClients)
            .ToList();
        var roundShares = groups.Where(g => g.Key.Eenheid == Eenheid.Minuut)
            .ToDictionary(g => g.Key, g => g.Volumes.Count(v => v % 60 == 0) / (double)g.Volumes.Count);
        foreach (var g in groups)
        {
            var identical = g.Volumes.GroupBy(v => v).Max(v => v.Count()) / (double)g.Volumes.Count;
            var round = roundShares.GetValueOrDefault(g.Key);
            var peers = roundShares.Where(r => r.Key.ProductCode == g.Key.ProductCode && r.Key.Month == g.Key.Month && r.Key.Agb != g.Key.Agb).Select(r => r.Value).ToList();
            var p95 = peers.Count >= 5 ? Stats.Quantile(peers, Options.PeerQuantile) : 0;
            var isRound = g.Key.Eenheid == Eenheid.Minuut && round > Options.RoundShare && round > p95;
            if (identical < Options.IdenticalShare && !isRound)
            {
                continue;
            }

            yield return context.Make(
                Info, g.Key.Gemeente, g.Key.Agb, null, g.Ids, V(("clienten", g.Volumes.Count), ("aandeelIdentiek", identical), ("aandeelRond", round), ("peerP95Rond", p95)),
                identical >= Options.IdenticalShare
                    ? F($"Provider {g.Key.Agb} declared the same volume for {identical:P0} of {g.Volumes.Count} clients of product {g.Key.ProductCode} in {g.Key.Month:yyyy-MM}.")
                    : F($"Provider {g.Key.Agb} declared whole hours for {round:P0} of the clients of product {g.Key.ProductCode} in {g.Key.Month:yyyy-MM}, above its peers."),
                g.Key.Month, SignalContext.EndOfMonth(g.Key.Month), [g.Key.ProductCode, Iso(g.Key.Month)]);
        }
    }
}

/// <summary>FR28: Benford first digit on amounts and uniform last digit on volumes, per AGB per year, only with ≥ 300 lines.</summary>
public sealed class Fr28Digits(Fr28Options options) : Rule<Fr28Options>(options)
{
    public override RuleInfo Info { get; } = new("FR28", 1, "Digit analysis", Severity.L, ControlStage.Detail, SignalScope.Period);

    public override IEnumerable<Signal> Evaluate(SignalContext context)
    {
        foreach (var g in context.PaidInPeriod.GroupBy(p => (p.Agb, p.ProductPeriode.Begindatum.Year)))
        {
            var lines = g.ToList();
            if (lines.Count < Options.MinLines)
            {
                continue;
            }

            var amounts = lines.Where(p => p.Bedrag > 0).Select(p => FirstDigit(p.Bedrag)).ToList();
            var mad = Enumerable.Range(1, 9).Average(d => Math.Abs((amounts.Count(x => x == d) / (double)amounts.Count) - Math.Log10(1 + (1.0 / d))));
            var volumes = lines.Where(p => p.GeleverdVolume >= 10).Select(p => (int)(p.GeleverdVolume % 10)).ToList();
            var chi = volumes.Count < 100 ? 0 : Enumerable.Range(0, 10).Sum(d =>
            {
                var expected = volumes.Count / 10.0;
                var observed = volumes.Count(x => x == d);
                return (observed - expected) * (observed - expected) / expected;
            });
            if (mad <= Options.FirstDigitMad && chi <= Options.LastDigitChiSquare)
            {
                continue;
            }

            var gemeente = lines.GroupBy(p => p.Gemeente, StringComparer.Ordinal).OrderByDescending(x => x.Count()).ThenBy(x => x.Key, StringComparer.Ordinal).First().Key;
            var from = new DateOnly(g.Key.Year, 1, 1);
            yield return context.Make(
                Info, gemeente, g.Key.Agb, null, lines.Select(p => p.MessageId).Distinct().Take(50),
                V(("regels", lines.Count), ("benfordMad", mad), ("laatsteCijferChiKwadraat", chi), ("drempelMad", Options.FirstDigitMad)),
                F($"The digits of provider {g.Key.Agb}'s {lines.Count} lines in {g.Key.Year} deviate from what natural amounts and volumes show (Benford MAD {mad:0.0000}, last-digit chi-square {chi:0.0})."),
                from, new DateOnly(g.Key.Year, 12, 31), [g.Key.Year.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        }
    }

    private static int FirstDigit(long value)
    {
        while (value >= 10)
        {
            value /= 10;
        }

        return (int)value;
    }
}

/// <summary>
/// FR29: mean net amount per client-month per ProductCode of an AGB above Q3 + 3·IQR or z &gt; 3 against all AGBs with
/// that code in the region. An AGB is judged only with enough distinct clients of its own (months of one client are
/// not independent: three clients with large indications make a high mean without anything wrong), and only against
/// enough peers (with fewer, the quartiles and the deviation are not a baseline).
/// </summary>
public sealed class Fr29PeerCost(Fr29Options options) : Rule<Fr29Options>(options)
{
    public override RuleInfo Info { get; } = new("FR29", 2, "Peer outlier cost per client", Severity.M, ControlStage.Material, SignalScope.Period);

    public override IEnumerable<Signal> Evaluate(SignalContext context)
    {
        foreach (var code in context.PaidInPeriod.GroupBy(p => (p.ProductCategorie, p.ProductCode)))
        {
            var providers = code.GroupBy(p => p.Agb, StringComparer.Ordinal)
                .Select(a =>
                {
                    var cm = a.GroupBy(p => (p.Bsn, SignalContext.MonthOf(p.ProductPeriode.Begindatum))).Select(x => (double)x.Sum(p => p.SignedBedrag)).ToList();
                    return (Agb: a.Key, ClientMonths: cm.Count, Clients: a.Select(p => p.Bsn).Distinct(StringComparer.Ordinal).Count(), Mean: cm.Average(), Lines: a.ToList());
                })
                .Where(a => a.ClientMonths >= Options.MinClientMonths && a.Clients >= Options.MinClients)
                .ToList();
            if (providers.Count < Options.MinPeers)
            {
                continue;
            }

            var means = providers.Select(p => p.Mean).ToList();
            var (q1, q3) = (Stats.Quantile(means, 0.25), Stats.Quantile(means, 0.75));
            var fence = q3 + (Options.IqrFactor * (q3 - q1));
            var (mu, sd) = (means.Average(), Stats.StdDev(means));
            foreach (var p in providers)
            {
                var z = sd == 0 ? 0 : (p.Mean - mu) / sd;
                if (p.Mean <= fence && z <= Options.ZScore)
                {
                    continue;
                }

                var gemeente = p.Lines.GroupBy(l => l.Gemeente, StringComparer.Ordinal).OrderByDescending(x => x.Count()).ThenBy(x => x.Key, StringComparer.Ordinal).First().Key;
                yield return context.Make(
                    Info, gemeente, p.Agb, null, p.Lines.Select(l => l.MessageId),
                    V(("gemiddeldPerClientMaand", p.Mean), ("peerQ3", q3), ("grens", fence), ("z", z), ("peers", providers.Count), ("clienten", p.Clients),
                        ("drempelIqr", Options.IqrFactor), ("drempelZ", Options.ZScore)),
                    F($"Provider {p.Agb} costs on average {p.Mean / 100:0.00} euro per client-month for product {code.Key.ProductCode}, above the peer fence of {fence / 100:0.00} euro."),
                    context.PeriodFrom, context.PeriodTo, [code.Key.ProductCategorie, code.Key.ProductCode]);
            }
        }
    }
}

/// <summary>
/// FR30 (peer branch): under aspecific assignments, the share of the highest-tariff code in the category above the peer
/// P90 and at least 25 points above the peer median. The "rises &gt; 20 pp within 6 months" branch is not implemented.
/// </summary>
public sealed class Fr30Upcoding(Fr30Options options) : Rule<Fr30Options>(options)
{
    public override RuleInfo Info { get; } = new("FR30", 1, "Upcoding through product mix", Severity.M, ControlStage.Material, SignalScope.Period);

    public override IEnumerable<Signal> Evaluate(SignalContext context)
    {
        var aspecific = context.PaidInPeriod.Where(p => context.Latest(p.Gemeente, p.ToewijzingNummer) is { } a && string.IsNullOrEmpty(a.Product?.Code)).ToList();
        foreach (var cat in aspecific.GroupBy(p => p.ProductCategorie, StringComparer.Ordinal))
        {
            var top = context.PaidInPeriod.Where(p => p.ProductCategorie == cat.Key && p.ProductTarief is not null)
                .GroupBy(p => p.ProductCode, StringComparer.Ordinal)
                .Select(c => (Code: c.Key, Tarief: c.Average(p => (double)p.ProductTarief!.Value)))
                .OrderByDescending(c => c.Tarief).ThenBy(c => c.Code, StringComparer.Ordinal).FirstOrDefault();
            if (top.Code is null)
            {
                continue;
            }

            var shares = cat.GroupBy(p => p.Agb, StringComparer.Ordinal).Where(a => a.Count() >= Options.MinPrestaties)
                .Select(a => (Agb: a.Key, Share: a.Count(p => p.ProductCode == top.Code) / (double)a.Count(), Lines: a.ToList())).ToList();
            if (shares.Count < Options.MinPeers)
            {
                continue;
            }

            var values = shares.Select(s => s.Share).ToList();
            var (p90, median) = (Stats.Quantile(values, Options.PeerQuantile), Stats.Median(values));
            foreach (var s in shares.Where(s => s.Share > p90 && s.Share >= median + Options.MarginOverMedian))
            {
                yield return context.Make(
                    Info, s.Lines[0].Gemeente, s.Agb, null, s.Lines.Select(l => l.MessageId),
                    V(("aandeelDuursteCode", s.Share), ("peerP90", p90), ("peerMediaan", median)),
                    F($"Under aspecific assignments in category {cat.Key}, provider {s.Agb} chose the most expensive code {top.Code} for {s.Share:P0} of its prestaties; peers at most {p90:P0} (P90)."),
                    context.PeriodFrom, context.PeriodTo, [cat.Key]);
            }
        }
    }
}

/// <summary>
/// FR31: ≥ 2 codes of one contract bundle declared for one client in one month. The bundle table comes from the reference
/// data (bundels.csv, per gemeente and AGB or for all) plus <see cref="Fr31Options.Bundles"/> (for all); a bundle code in
/// both covers the codes of both.
/// </summary>
public sealed class Fr31Unbundling(Fr31Options options) : Rule<Fr31Options>(options)
{
    public override RuleInfo Info { get; } = new("FR31", 2, "Unbundling", Severity.M, ControlStage.Material, SignalScope.Period);

    public override string? CannotRun(SignalContext context) =>
        base.CannotRun(context)
        ?? (Options.Bundles.Count == 0 && context.Input.Reference.Bundles.Count == 0
            ? "no bundle table: import bundels.csv with the reference data or configure Fr31Options.Bundles"
            : null);

    public override IEnumerable<Signal> Evaluate(SignalContext context)
    {
        var reference = context.Input.Reference.Bundles;
        foreach (var g in context.PaidInPeriod.GroupBy(p => (p.Gemeente, p.Agb, p.Bsn, Month: SignalContext.MonthOf(p.ProductPeriode.Begindatum))))
        {
            foreach (var bundle in BundlesFor(reference, g.Key.Gemeente, g.Key.Agb))
            {
                var codes = g.Where(p => p.ProductCategorie == bundle.ProductCategorie && (bundle.CoveredCodes.Contains(p.ProductCode) || p.ProductCode == bundle.BundleCode))
                    .Select(p => p.ProductCode).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
                if (codes.Count < 2)
                {
                    continue;
                }

                yield return context.Make(
                    Info, g.Key.Gemeente, g.Key.Agb, g.Key.Bsn, g.Select(p => p.MessageId), V(("codes", codes.Count)),
                    F($"Provider {g.Key.Agb} declared codes {string.Join(", ", codes)} separately for one client in {g.Key.Month:yyyy-MM}, which bundle {bundle.BundleCode} covers together."),
                    g.Key.Month, SignalContext.EndOfMonth(g.Key.Month), [bundle.BundleCode, Iso(g.Key.Month)]);
            }
        }
    }

    /// <summary>The bundles that apply to a gemeente and AGB, one per category and bundle code with the union of the codes it covers.</summary>
    private IEnumerable<Bundle> BundlesFor(IReadOnlyList<ReferenceData.BundleComponent> reference, string gemeente, string agb) =>
        reference.Where(b => b.AppliesTo(gemeente, agb)).Select(b => (b.ProductCategorie, b.BundleCode, Codes: (IEnumerable<string>)[b.CoveredCode]))
            .Concat(Options.Bundles.Select(b => (b.ProductCategorie, b.BundleCode, Codes: (IEnumerable<string>)b.CoveredCodes)))
            .GroupBy(b => (b.ProductCategorie, b.BundleCode))
            .OrderBy(b => b.Key.ProductCategorie, StringComparer.Ordinal).ThenBy(b => b.Key.BundleCode, StringComparer.Ordinal)
            .Select(b => new Bundle(b.Key.ProductCategorie, b.Key.BundleCode, b.SelectMany(x => x.Codes).Distinct(StringComparer.Ordinal).ToList()));
}
