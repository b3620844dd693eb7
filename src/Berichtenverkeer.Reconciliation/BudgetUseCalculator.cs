using Berichtenverkeer.Ijw.Catalog;
using Berichtenverkeer.Ijw.Model;
using Berichtenverkeer.Matching.State;
using Berichtenverkeer.Matching.Volume;
using Berichtenverkeer.ReferenceData;

namespace Berichtenverkeer.Reconciliation;

/// <summary>
/// Budget use per gemeente × provider × year (FR33 traffic light), as a pure function of the records and an AsOf date.
/// <list type="bullet">
/// <item><b>Known on AsOf</b>: assignment versions with Toewijzingsdatum ≤ AsOf; prestaties whose DeclaratiePeriode
///   ended on or before AsOf (a JW323 cannot be dated before its DeclaratiePeriode ends, TR137; the records carry no
///   receipt moment, so this is the closest deterministic cut).</item>
/// <item><b>Declared</b>: approved debits with a ProductPeriode in the year − approved credits on them.</item>
/// <item><b>Open window</b>: from the first day of the month of AsOf minus <see cref="BudgetUseOptions.OpenMonthsBeforeAsOf"/>
///   (not before 1 January) to 31 December.</item>
/// <item><b>Open, assignment with Omvang</b>: for every month of the window, max(0, TR321 maximum of month ∩ assignment −
///   net approved volume declared on the assignment for that month), valued at the contract tariff valid on the first day
///   of month ∩ assignment. The sum is capped by what the assignment still allows in the year: its year total (Σ monthly
///   maxima; for effort per week the distinct ISO weeks of the year part, since a week spanning two months counts in
///   both; for Frequentie 6 the volume once) minus the net approved volume declared on it in the year. The cap is taken
///   up month by month in date order.</item>
/// <item><b>Open, budget assignment</b> (aspecific/generic) still running in the window: max(0, Budget − net approved
///   amount declared on it in the year). Declarations from earlier years are not seen (the source is queried per year).</item>
/// <item><b>Utilisation</b> = (declared + open) / budget; missing budget → <see cref="TrafficLight.Unknown"/>.</item>
/// </list>
/// </summary>
public static class BudgetUseCalculator
{
    public static BudgetUseReport Compute(
        BudgetUseQuery query,
        IEnumerable<AssignmentRecord> assignments,
        IEnumerable<PrestatieRecord> prestaties,
        IReferenceData referenceData,
        BudgetUseOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(referenceData);
        options ??= new BudgetUseOptions();
        options.TrafficLight.Validate();
        ArgumentOutOfRangeException.ThrowIfNegative(options.OpenMonthsBeforeAsOf);

        var year = query.Year;
        var scope = query.SourceQuery;
        var yearStart = scope.From;
        var yearEnd = scope.To;
        var openFrom = Months.First(query.AsOf).AddMonths(-options.OpenMonthsBeforeAsOf);
        openFrom = openFrom < yearStart ? yearStart : openFrom;

        var pairs = new Dictionary<(string Gemeente, string Agb), PairAccumulator>();
        PairAccumulator Pair(string gemeente, string agb) =>
            pairs.TryGetValue((gemeente, agb), out var acc) ? acc : pairs[(gemeente, agb)] = new PairAccumulator();

        var declaredOn = DeclaredOnAssignments(query, scope, prestaties, Pair);

        foreach (var a in Valuation.LatestVersions(assignments, query.AsOf))
        {
            if (a.IsDeleted || !scope.Includes(a.Gemeente, a.Agb) || a.Ingangsdatum > yearEnd || a.Einddatum < openFrom)
            {
                continue;
            }

            var acc = Pair(a.Gemeente, a.Agb);
            acc.CurrentAssignmentCount++;
            var entries = declaredOn.TryGetValue((a.Gemeente, a.Agb, a.ToewijzingNummer), out var list) ? list : [];
            if (a.Omvang is { } omvang)
            {
                acc.Open += OpenForVolume(a, omvang, entries, yearStart, yearEnd, openFrom, referenceData, acc.Flags);
            }
            else if (a.Budget is { } budget)
            {
                acc.Open += Math.Max(0, budget - entries.Sum(e => e.Amount));
            }
            else
            {
                acc.Flags.Add(ReconciliationFlags.NoVolume);
            }
        }

        // A provider with a budget but nothing assigned or declared still gets its (green) row. IReferenceData cannot
        // list budgets, so only a ReferenceSet contributes these.
        if (referenceData is ReferenceSet set)
        {
            foreach (var b in set.Budgets.Where(b => b.Year == year && scope.Includes(b.Gemeente, b.Agb)))
            {
                Pair(b.Gemeente, b.Agb);
            }
        }

        var rows = pairs
            .OrderBy(p => p.Key.Gemeente, StringComparer.Ordinal)
            .ThenBy(p => p.Key.Agb, StringComparer.Ordinal)
            .Select(p =>
            {
                var budget = referenceData.BudgetFor(p.Key.Gemeente, p.Key.Agb, year);
                var declared = p.Value.Declared;
                var forecast = declared + p.Value.Open;
                return new BudgetUseRow
                {
                    Gemeente = p.Key.Gemeente,
                    Agb = p.Key.Agb,
                    Year = year,
                    BudgetCents = budget,
                    DeclaredNetApprovedCents = declared,
                    OpenAssignedCents = p.Value.Open,
                    ForecastCents = forecast,
                    DeclaredUtilisation = Ratio(declared, budget),
                    Utilisation = Ratio(forecast, budget),
                    DeclaredColour = options.TrafficLight.Classify(declared, budget),
                    Colour = options.TrafficLight.Classify(forecast, budget),
                    CurrentAssignmentCount = p.Value.CurrentAssignmentCount,
                    Flags = [.. p.Value.Flags],
                };
            })
            .ToList();

        return new BudgetUseReport
        {
            AsOf = query.AsOf,
            Year = year,
            AmberFrom = options.TrafficLight.AmberFrom,
            RedFrom = options.TrafficLight.RedFrom,
            OpenFrom = openFrom,
            Rows = rows,
        };
    }

    /// <summary>Counts declared amounts per pair and collects the net approved volume per assignment and month.</summary>
    private static Dictionary<(string Gemeente, string Agb, long ToewijzingNummer), List<Entry>> DeclaredOnAssignments(
        BudgetUseQuery query,
        ReconciliationQuery scope,
        IEnumerable<PrestatieRecord> prestaties,
        Func<string, string, PairAccumulator> pair)
    {
        var all = prestaties as IReadOnlyCollection<PrestatieRecord> ?? [.. prestaties];
        var debits = Reconciler.Debits(all);
        var declaredOn = new Dictionary<(string, string, long), List<Entry>>();
        foreach (var p in all)
        {
            if (!p.Approved || p.DeclaratiePeriode.Einddatum > query.AsOf)
            {
                continue;
            }

            // A credit counts where its debit is (month, assignment); without a debit found, by its own fields.
            var basis = p.IsCredit ? Reconciler.DebitOf(debits, p) ?? p : p;
            if (basis.ProductPeriode.Begindatum.Year != query.Year || !scope.Includes(basis.Gemeente, basis.Agb))
            {
                continue;
            }

            var sign = p.IsCredit ? -1 : 1;
            pair(basis.Gemeente, basis.Agb).Declared += sign * p.Bedrag;
            var key = (basis.Gemeente, basis.Agb, basis.ToewijzingNummer);
            if (!declaredOn.TryGetValue(key, out var list))
            {
                declaredOn[key] = list = [];
            }

            list.Add(new Entry(Months.First(basis.ProductPeriode.Begindatum), sign * p.GeleverdVolume, p.Eenheid, sign * p.Bedrag));
        }

        return declaredOn;
    }

    private static long OpenForVolume(
        AssignmentRecord a,
        Omvang o,
        List<Entry> entries,
        DateOnly yearStart,
        DateOnly yearEnd,
        DateOnly openFrom,
        IReferenceData referenceData,
        SortedSet<string> flags)
    {
        var unit = Valuation.ReportedUnit(o.Eenheid);
        var yearFrom = a.Ingangsdatum > yearStart ? a.Ingangsdatum : yearStart;
        var yearTo = a.Einddatum is { } end && end < yearEnd ? end : yearEnd;

        var declared = new Dictionary<DateOnly, long>();
        foreach (var e in entries)
        {
            if (Valuation.ReportedUnit(e.Eenheid) != unit)
            {
                flags.Add(ReconciliationFlags.PrestatieUnitMismatch);
                continue;
            }

            declared[e.Month] = declared.GetValueOrDefault(e.Month) + Valuation.ReportedVolume(e.Volume, e.Eenheid);
        }

        var months = Months.Between(yearFrom, yearTo)
            .Select(m => (Month: m, Part: Months.Intersect(m, a.Ingangsdatum, a.Einddatum)))
            .Where(m => m.Part is not null)
            .Select(m => (m.Month, Begin: m.Part!.Value.Begin, Max: Valuation.ReportedVolume(
                VolumeMath.MaxForPeriod(o, a.Ingangsdatum, a.Einddatum, new GeslotenPeriode(m.Part.Value.Begin, m.Part.Value.End)),
                o.Eenheid)))
            .ToList();

        var yearTotal = o.Frequentie switch
        {
            Frequentie.Totaal => Valuation.ReportedVolume(o.Volume, o.Eenheid),
            Frequentie.PerWeek when !Eenheid.IsOutputBased(o.Eenheid) =>
                Valuation.ReportedVolume(o.Volume * VolumeMath.IsoWeeks(yearFrom, yearTo), o.Eenheid),
            _ => months.Sum(m => m.Max),
        };
        var remaining = Math.Max(0, yearTotal - declared.Values.Sum());

        long open = 0;
        foreach (var m in months.Where(m => m.Month >= openFrom))
        {
            var take = Math.Min(Math.Max(0, m.Max - declared.GetValueOrDefault(m.Month)), remaining);
            if (take == 0)
            {
                continue;
            }

            remaining -= take;
            var (value, flag) = Valuation.Value(take, unit, Valuation.ContractFor(referenceData, a, m.Begin));
            if (value is { } cents)
            {
                open += cents;
            }
            else
            {
                flags.Add(flag!);
            }
        }

        return open;
    }

    private static decimal? Ratio(long used, long? budget) =>
        budget is > 0 ? decimal.Round((decimal)used / budget.Value, 4, MidpointRounding.ToZero) : null;

    private readonly record struct Entry(DateOnly Month, long Volume, string Eenheid, long Amount);

    private sealed class PairAccumulator
    {
        public long Declared;
        public long Open;
        public int CurrentAssignmentCount;

        public SortedSet<string> Flags { get; } = new(StringComparer.Ordinal);
    }
}
