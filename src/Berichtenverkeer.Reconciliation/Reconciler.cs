using Berichtenverkeer.Ijw.Catalog;
using Berichtenverkeer.Ijw.Model;
using Berichtenverkeer.Matching.State;
using Berichtenverkeer.Matching.Volume;
using Berichtenverkeer.ReferenceData;

namespace Berichtenverkeer.Reconciliation;

/// <summary>
/// Reconciles assigned against declared care per gemeente × month × provider × product (see <see cref="ReconciliationRow"/>
/// for what each figure means). Pure and deterministic: the same records give the same report.
/// </summary>
public static class Reconciler
{
    /// <summary>
    /// Builds the report for <paramref name="query"/>. Records outside the query (period, gemeenten, AGBs) are ignored,
    /// so a source may return more than asked. Prestaties are placed by the month of their ProductPeriode
    /// (Begindatum; TR387/TR388 keep a ProductPeriode inside one month), not by their DeclaratiePeriode.
    /// </summary>
    public static ReconciliationReport Reconcile(
        ReconciliationQuery query,
        IEnumerable<AssignmentRecord> assignments,
        IEnumerable<PrestatieRecord> prestaties,
        IReferenceData referenceData)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(referenceData);
        query.Validate();

        var rows = new Dictionary<RowKey, RowAccumulator>();
        RowAccumulator Row(RowKey key) =>
            rows.TryGetValue(key, out var row) ? row : rows[key] = new RowAccumulator();

        AddAssignments(query, assignments, referenceData, Row);
        AddPrestaties(query, prestaties, Row);

        var built = rows
            .OrderBy(r => r.Key.Gemeente, StringComparer.Ordinal)
            .ThenBy(r => r.Key.Month)
            .ThenBy(r => r.Key.Agb, StringComparer.Ordinal)
            .ThenBy(r => r.Key.Categorie, StringComparer.Ordinal)
            .ThenBy(r => r.Key.Code, StringComparer.Ordinal)
            .ThenBy(r => r.Key.Eenheid, StringComparer.Ordinal)
            .Select(r => r.Value.Build(r.Key))
            .ToList();

        return new ReconciliationReport
        {
            From = query.From,
            To = query.To,
            Gemeenten = Sorted(query.Gemeenten),
            Agbs = Sorted(query.Agbs),
            Rows = built,
            Totals = Totals(built),
        };
    }

    /// <summary>Adds up rows per gemeente × month × provider (volumes excluded: units differ).</summary>
    public static IReadOnlyList<ReconciliationTotal> Totals(IEnumerable<ReconciliationRow> rows) =>
        rows
            .GroupBy(r => (r.Gemeente, r.Month, r.Agb))
            .OrderBy(g => g.Key.Gemeente, StringComparer.Ordinal)
            .ThenBy(g => g.Key.Month)
            .ThenBy(g => g.Key.Agb, StringComparer.Ordinal)
            .Select(g => new ReconciliationTotal
            {
                Gemeente = g.Key.Gemeente,
                Month = g.Key.Month,
                Agb = g.Key.Agb,
                AssignmentCount = g.Sum(r => r.AssignmentCount),
                AssignedValueCents = g.Sum(r => r.AssignedValueCents ?? 0),
                AssignedBudgetCents = g.Sum(r => r.AssignedBudgetCents),
                DeclaredCount = g.Sum(r => r.DeclaredCount),
                DeclaredAmountCents = g.Sum(r => r.DeclaredAmountCents),
                ApprovedCount = g.Sum(r => r.ApprovedCount),
                ApprovedAmountCents = g.Sum(r => r.ApprovedAmountCents),
                RejectedCount = g.Sum(r => r.RejectedCount),
                RejectedAmountCents = g.Sum(r => r.RejectedAmountCents),
                CreditedCount = g.Sum(r => r.CreditedCount),
                CreditedAmountCents = g.Sum(r => r.CreditedAmountCents),
                NetApprovedAmountCents = g.Sum(r => r.NetApprovedAmountCents),
                Flags = g.SelectMany(r => r.Flags).Distinct().Order(StringComparer.Ordinal).ToList(),
            })
            .ToList();

    private static void AddAssignments(
        ReconciliationQuery query,
        IEnumerable<AssignmentRecord> assignments,
        IReferenceData referenceData,
        Func<RowKey, RowAccumulator> row)
    {
        foreach (var a in Valuation.LatestVersions(assignments))
        {
            if (a.IsDeleted || !query.Includes(a.Gemeente, a.Agb) || !query.Touches(a.Ingangsdatum, a.Einddatum))
            {
                continue;
            }

            var startMonth = Months.First(a.Ingangsdatum);
            var unit = a.Omvang is { } omvang ? Valuation.ReportedUnit(omvang.Eenheid) : null;
            var from = a.Ingangsdatum > query.From ? a.Ingangsdatum : query.From;
            var to = a.Einddatum is { } end && end < query.To ? end : query.To;
            foreach (var month in Months.Between(from, to))
            {
                if (Months.Intersect(month, a.Ingangsdatum, a.Einddatum) is not { } part)
                {
                    continue;
                }

                var acc = row(new RowKey(a.Gemeente, a.Agb, month, a.Product?.Categorie, a.Product?.Code, unit));
                acc.AssignmentCount++;
                if (a.Omvang is { } o)
                {
                    var max = o.Frequentie == Frequentie.Totaal
                        ? (month == startMonth ? o.Volume : 0)
                        : VolumeMath.MaxForPeriod(o, a.Ingangsdatum, a.Einddatum, new GeslotenPeriode(part.Begin, part.End));
                    var volume = Valuation.ReportedVolume(max, o.Eenheid);
                    acc.AssignedVolume += volume;
                    var (value, flag) = Valuation.Value(volume, unit!, volume == 0 ? null : Valuation.ContractFor(referenceData, a, part.Begin));
                    if (value is { } cents)
                    {
                        acc.AssignedValue += cents;
                    }
                    else
                    {
                        acc.ValueUnknown = true;
                        acc.Flags.Add(flag!);
                    }
                }

                if (a.Budget is { } budget && month == startMonth)
                {
                    acc.AssignedBudget += budget;
                }

                if (a.Omvang is null && a.Budget is null)
                {
                    acc.Flags.Add(ReconciliationFlags.NoVolume);
                }
            }
        }
    }

    private static void AddPrestaties(ReconciliationQuery query, IEnumerable<PrestatieRecord> prestaties, Func<RowKey, RowAccumulator> row)
    {
        var all = prestaties as IReadOnlyCollection<PrestatieRecord> ?? [.. prestaties];
        var debits = Debits(all);
        foreach (var p in all)
        {
            if (!p.IsCredit)
            {
                if (KeyOf(query, p) is not { } key)
                {
                    continue;
                }

                var acc = row(key);
                var volume = Valuation.ReportedVolume(p.GeleverdVolume, p.Eenheid);
                acc.DeclaredCount++;
                acc.DeclaredVolume += volume;
                acc.DeclaredAmount += p.Bedrag;
                if (p.Approved)
                {
                    acc.ApprovedCount++;
                    acc.ApprovedVolume += volume;
                    acc.ApprovedAmount += p.Bedrag;
                }
                else
                {
                    acc.RejectedCount++;
                    acc.RejectedVolume += volume;
                    acc.RejectedAmount += p.Bedrag;
                }
            }
            else if (p.Approved)
            {
                var debit = DebitOf(debits, p);
                if (KeyOf(query, debit ?? p) is not { } key)
                {
                    continue;
                }

                var acc = row(key);
                acc.CreditedCount++;
                acc.CreditedVolume += Valuation.ReportedVolume(p.GeleverdVolume, p.Eenheid);
                acc.CreditedAmount += p.Bedrag;
                if (debit is null)
                {
                    acc.Flags.Add(ReconciliationFlags.CreditWithoutDebit);
                }
            }
        }
    }

    /// <summary>Debits by provider + ReferentieNummer (unique per provider, TR314); the first wins on a duplicate.</summary>
    internal static Dictionary<(string Agb, string ReferentieNummer), PrestatieRecord> Debits(IEnumerable<PrestatieRecord> prestaties)
    {
        var debits = new Dictionary<(string, string), PrestatieRecord>();
        foreach (var p in prestaties)
        {
            if (!p.IsCredit)
            {
                debits.TryAdd((p.Agb, p.ReferentieNummer), p);
            }
        }

        return debits;
    }

    internal static PrestatieRecord? DebitOf(Dictionary<(string Agb, string ReferentieNummer), PrestatieRecord> debits, PrestatieRecord credit) =>
        credit.VorigReferentieNummer is { } vorig && debits.TryGetValue((credit.Agb, vorig), out var debit) ? debit : null;

    private static RowKey? KeyOf(ReconciliationQuery query, PrestatieRecord p)
    {
        var month = Months.First(p.ProductPeriode.Begindatum);
        return month < query.From || month > query.To || !query.Includes(p.Gemeente, p.Agb)
            ? null
            : new RowKey(p.Gemeente, p.Agb, month, p.ProductCategorie, p.ProductCode, Valuation.ReportedUnit(p.Eenheid));
    }

    private static List<string> Sorted(IReadOnlyCollection<string>? values) =>
        values is null ? [] : [.. values.Distinct().Order(StringComparer.Ordinal)];

    private readonly record struct RowKey(string Gemeente, string Agb, DateOnly Month, string? Categorie, string? Code, string? Eenheid);

    private sealed class RowAccumulator
    {
        public int AssignmentCount;
        public long AssignedVolume;
        public long AssignedValue;
        public bool ValueUnknown;
        public long AssignedBudget;
        public int DeclaredCount;
        public long DeclaredVolume;
        public long DeclaredAmount;
        public int ApprovedCount;
        public long ApprovedVolume;
        public long ApprovedAmount;
        public int RejectedCount;
        public long RejectedVolume;
        public long RejectedAmount;
        public int CreditedCount;
        public long CreditedVolume;
        public long CreditedAmount;

        public SortedSet<string> Flags { get; } = new(StringComparer.Ordinal);

        public ReconciliationRow Build(RowKey key) => new()
        {
            Gemeente = key.Gemeente,
            Agb = key.Agb,
            Month = key.Month,
            ProductCategorie = key.Categorie,
            ProductCode = key.Code,
            Eenheid = key.Eenheid,
            AssignmentCount = AssignmentCount,
            AssignedVolume = AssignedVolume,
            AssignedValueCents = ValueUnknown ? null : AssignedValue,
            AssignedBudgetCents = AssignedBudget,
            DeclaredCount = DeclaredCount,
            DeclaredVolume = DeclaredVolume,
            DeclaredAmountCents = DeclaredAmount,
            ApprovedCount = ApprovedCount,
            ApprovedVolume = ApprovedVolume,
            ApprovedAmountCents = ApprovedAmount,
            RejectedCount = RejectedCount,
            RejectedVolume = RejectedVolume,
            RejectedAmountCents = RejectedAmount,
            CreditedCount = CreditedCount,
            CreditedVolume = CreditedVolume,
            CreditedAmountCents = CreditedAmount,
            NetApprovedVolume = ApprovedVolume - CreditedVolume,
            NetApprovedAmountCents = ApprovedAmount - CreditedAmount,
            Flags = [.. Flags],
        };
    }
}
