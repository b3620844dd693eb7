using System.Globalization;
using Berichtenverkeer.ReferenceData;

namespace Berichtenverkeer.Signals.Rules;

/// <summary>
/// FR22: the client has a PGB (SVB/PGB register extract, pgb.csv) for the same product as an assignment (T) or a paid
/// prestatie (P) over the same days, so the care is funded twice. OP043 has the municipality end a toewijzing no later
/// than the day before the PGB starts, so any overlap breaks that rule. "The same product": same category and, when the
/// PGB names a code, the same code; an aspecific assignment (no code) covers every code of its category. The PGB may be
/// at any municipality (double funding is double funding wherever the budget sits).
/// One signal per current assignment version and PGB, carrying the paid prestaties on that assignment inside the overlap;
/// paid prestaties whose assignment does not itself overlap (not in the input, or its product differs) are signalled per
/// assignment number. An open-ended overlap is counted up to the batch end. Stage: material control, because the usual
/// cause is an administrative one (the municipality did not end the toewijzing) that the file shows; only paid double
/// care is a lead for investigation.
/// </summary>
public sealed class Fr22PgbOverlap(Fr22Options options) : Rule<Fr22Options>(options)
{
    public override RuleInfo Info { get; } = new("FR22", 1, "PGB and care in kind overlap", Severity.H, ControlStage.Material, SignalScope.Message);

    public override string? CannotRun(SignalContext context) =>
        base.CannotRun(context) ?? (context.Input.Reference.Pgbs.Count == 0 ? "no PGB register extract imported (pgb.csv): a PGB cannot be seen" : null);

    public override IEnumerable<Signal> Evaluate(SignalContext context)
    {
        var reference = context.Input.Reference;
        var covered = new HashSet<(string Gemeente, long Nummer, Pgb Pgb)>();
        foreach (var versions in context.Versions.Values)
        {
            var t = versions[^1];
            if (t.IsDeleted || t.Product is not { } product)
            {
                continue;
            }

            foreach (var pgb in reference.PgbsFor(t.Bsn).Where(g => SameProduct(g, product.Categorie, product.Code)))
            {
                if (Overlap(context, t.Ingangsdatum, t.Einddatum, pgb) is not { } overlap)
                {
                    continue;
                }

                var (from, to) = overlap;

                covered.Add((t.Gemeente, t.ToewijzingNummer, pgb));
                var paid = context.Paid.Where(p => p.Gemeente == t.Gemeente && p.Agb == t.Agb && p.ToewijzingNummer == t.ToewijzingNummer
                    && pgb.Covers(p.ProductCategorie, p.ProductCode) && SignalContext.Overlaps(p.ProductPeriode, from, to)).ToList();
                var nummer = t.ToewijzingNummer.ToString(CultureInfo.InvariantCulture);
                yield return context.Make(
                    Info, t.Gemeente, t.Agb, t.Bsn, paid.Select(p => p.MessageId).Append(t.MessageId),
                    V(("overlapDagen", Days(from, to)), ("prestaties", paid.Count), ("bedrag", paid.Sum(p => p.Bedrag))),
                    F($"Assignment {nummer} of provider {t.Agb} (category {product.Categorie}{CodeText(product.Code)}, {Period(t.Ingangsdatum, t.Einddatum)}) overlaps the client's PGB (category {pgb.ProductCategorie}{CodeText(pgb.ProductCode)}, {Period(pgb.ValidFrom, pgb.ValidTo)}) on {Period(from, to)}; OP043 ends an assignment the day before a PGB starts.")
                        + (paid.Count > 0 ? F($" {paid.Count} paid prestaties fall in the overlap.") : string.Empty),
                    from, to, ["toewijzing", nummer, .. PgbKey(pgb)]);
            }
        }

        foreach (var g in context.PaidInPeriod.GroupBy(p => (p.Gemeente, p.Agb, p.Bsn, p.ToewijzingNummer)))
        {
            foreach (var pgb in reference.PgbsFor(g.Key.Bsn).Where(pgb => !covered.Contains((g.Key.Gemeente, g.Key.ToewijzingNummer, pgb))))
            {
                var hits = g.Where(p => pgb.Covers(p.ProductCategorie, p.ProductCode)
                    && Overlap(context, p.ProductPeriode.Begindatum, p.ProductPeriode.Einddatum, pgb) is not null).ToList();
                if (hits.Count == 0)
                {
                    continue;
                }

                var from = hits.Min(p => p.ProductPeriode.Begindatum);
                var to = hits.Max(p => p.ProductPeriode.Einddatum);
                var days = hits.SelectMany(p => DayNumbers(Overlap(context, p.ProductPeriode.Begindatum, p.ProductPeriode.Einddatum, pgb)!.Value)).Distinct().Count();
                var nummer = g.Key.ToewijzingNummer.ToString(CultureInfo.InvariantCulture);
                yield return context.Make(
                    Info, g.Key.Gemeente, g.Key.Agb, g.Key.Bsn, hits.Select(p => p.MessageId),
                    V(("overlapDagen", days), ("prestaties", hits.Count), ("bedrag", hits.Sum(p => p.Bedrag))),
                    F($"Provider {g.Key.Agb} was paid {hits.Count} prestaties on assignment {nummer} for {Period(from, to)} while the client had a PGB for the same product (category {pgb.ProductCategorie}{CodeText(pgb.ProductCode)}, {Period(pgb.ValidFrom, pgb.ValidTo)})."),
                    from, to, ["prestatie", nummer, .. PgbKey(pgb)]);
            }
        }
    }

    /// <summary>An aspecific assignment (no code) may deliver the PGB's code, so it counts as the same product.</summary>
    private static bool SameProduct(Pgb pgb, string categorie, string? code) =>
        pgb.ProductCategorie == categorie && (pgb.ProductCode is null || code is null || pgb.ProductCode == code);

    /// <summary>The days [from, to] a period shares with the PGB, open ends counted up to the batch end; null when none or outside the batch.</summary>
    private static (DateOnly From, DateOnly To)? Overlap(SignalContext context, DateOnly begin, DateOnly? end, Pgb pgb)
    {
        var from = begin > pgb.ValidFrom ? begin : pgb.ValidFrom;
        var to = Min(Min(end ?? DateOnly.MaxValue, pgb.ValidTo ?? DateOnly.MaxValue), end is null && pgb.ValidTo is null ? context.PeriodTo : DateOnly.MaxValue);
        return from <= to && from <= context.PeriodTo && to >= context.PeriodFrom ? (from, to) : null;

        static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
    }

    private static IEnumerable<int> DayNumbers((DateOnly From, DateOnly To) period) =>
        Enumerable.Range(period.From.DayNumber, period.To.DayNumber - period.From.DayNumber + 1);

    private static int Days(DateOnly from, DateOnly to) => to.DayNumber - from.DayNumber + 1;

    private static string[] PgbKey(Pgb pgb) => [pgb.Gemeente, pgb.ProductCategorie, pgb.ProductCode ?? string.Empty, Iso(pgb.ValidFrom)];

    private static string CodeText(string? code) => code is null ? string.Empty : ", code " + code;

    private static string Period(DateOnly from, DateOnly? to) => Iso(from) + ".." + (to is { } t ? Iso(t) : "open");
}
