using Berichtenverkeer.Ijw.Catalog;
using Berichtenverkeer.Matching.State;
using Berichtenverkeer.ReferenceData;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using static Berichtenverkeer.Reconciliation.Tests.TestData;

namespace Berichtenverkeer.Reconciliation.Tests;

/// <summary>One generated prestatie: indexes into small pools so that rows collide and credits find debits.</summary>
public sealed record PrestatieSpec(
    int Gemeente,
    int Agb,
    int Product,
    int Month,
    int Unit,
    long Volume,
    long Bedrag,
    bool Approved,
    bool Credit,
    int Target,
    int DeclaredLater);

public static class PrestatieArbitraries
{
    public static Arbitrary<PrestatieSpec[]> Specs()
    {
        var spec =
            from gemeente in Gen.Choose(0, 1)
            from agb in Gen.Choose(0, 1)
            from product in Gen.Choose(0, 2)
            from month in Gen.Choose(0, 2)
            from unit in Gen.Choose(0, 2)
            from volume in Gen.Choose(0, 500)
            from bedrag in Gen.Choose(0, 1_000_000)
            from approved in Gen.Frequency((3, Gen.Constant(true)), (1, Gen.Constant(false)))
            from credit in Gen.Frequency((3, Gen.Constant(false)), (1, Gen.Constant(true)))
            from target in Gen.Choose(0, 1_000)
            from later in Gen.Choose(0, 2)
            select new PrestatieSpec(gemeente, agb, product, month, unit, volume, bedrag, approved, credit, target, later);
        return Gen.ArrayOf(spec).ToArbitrary();
    }
}

public class NetApprovedProperties
{
    private static readonly string[] Gemeenten = [G1, G2];
    private static readonly string[] Agbs = [P1, P2];
    private static readonly (string Categorie, string Code)[] Products = [("45", "45A12"), ("10", "10A01"), ("54", "54002")];
    private static readonly string[] Units = [Eenheid.Uur, Eenheid.Minuut, Eenheid.StuksOutput];

    /// <summary>
    /// Builds prestaties in January–March 2025. A credit names an earlier generated debit (by index; sometimes of another
    /// provider, so its debit is not found) and otherwise mirrors the fields it was generated with.
    /// </summary>
    private static List<PrestatieRecord> Build(PrestatieSpec[] specs)
    {
        var list = new List<PrestatieRecord>();
        for (var i = 0; i < specs.Length; i++)
        {
            var s = specs[i];
            var month = D(2025, s.Month + 1, 1);
            var (categorie, code) = Products[s.Product];
            var debits = list.Where(p => !p.IsCredit).ToList();
            var vorig = s.Credit ? (debits.Count == 0 ? "NONE" : debits[s.Target % debits.Count].ReferentieNummer) : null;
            list.Add(Prestatie(
                Gemeenten[s.Gemeente], Agbs[s.Agb], 1 + s.Product, categorie, code, month, Months.LastDay(month), s.Volume, Units[s.Unit], s.Bedrag,
                s.Approved, "R" + i.ToString(System.Globalization.CultureInfo.InvariantCulture),
                debetCredit: s.Credit ? DebetCredit.Credit : DebetCredit.Debet, vorig: vorig, declaratieMaand: month.AddMonths(s.DeclaredLater)));
        }

        return list;
    }

    [Property(Arbitrary = [typeof(PrestatieArbitraries)], MaxTest = 300)]
    public bool Net_approved_is_approved_debits_minus_approved_credits(PrestatieSpec[] specs)
    {
        var prestaties = Build(specs);
        var report = Reconciler.Reconcile(new ReconciliationQuery { From = D(2025, 1, 1), To = D(2025, 3, 31) }, [], prestaties, ReferenceSet.Empty);

        var expected = prestaties.Where(p => p.Approved && !p.IsCredit).Sum(p => p.Bedrag)
            - prestaties.Where(p => p.Approved && p.IsCredit).Sum(p => p.Bedrag);

        return report.Rows.Sum(r => r.NetApprovedAmountCents) == expected
            && report.Totals.Sum(t => t.NetApprovedAmountCents) == expected
            && report.Rows.All(r => r.NetApprovedAmountCents == r.ApprovedAmountCents - r.CreditedAmountCents
                && r.NetApprovedVolume == r.ApprovedVolume - r.CreditedVolume
                && r.DeclaredCount == r.ApprovedCount + r.RejectedCount
                && r.DeclaredAmountCents == r.ApprovedAmountCents + r.RejectedAmountCents)
            && report.Rows.Sum(r => r.DeclaredCount) == prestaties.Count(p => !p.IsCredit)
            && report.Rows.Sum(r => r.CreditedCount) == prestaties.Count(p => p.IsCredit && p.Approved);
    }

    [Property(Arbitrary = [typeof(PrestatieArbitraries)], MaxTest = 200)]
    public bool Budget_use_declared_matches_the_reconciliation_at_year_end(PrestatieSpec[] specs)
    {
        var prestaties = Build(specs);
        var rows = Reconciler.Reconcile(ReconciliationQuery.ForYear(2025), [], prestaties, ReferenceSet.Empty).Rows;
        var budgetUse = BudgetUseCalculator.Compute(new BudgetUseQuery { AsOf = D(2025, 12, 31) }, [], prestaties, ReferenceSet.Empty);

        var fromRows = rows.GroupBy(r => (r.Gemeente, r.Agb)).ToDictionary(g => g.Key, g => g.Sum(r => r.NetApprovedAmountCents));
        var fromBudgetUse = budgetUse.Rows.ToDictionary(b => (b.Gemeente, b.Agb), b => b.DeclaredNetApprovedCents);

        // A pair with only rejected prestaties has a reconciliation row but no budget-use row: both say 0 approved.
        return fromRows.Keys.Union(fromBudgetUse.Keys).All(k => fromRows.GetValueOrDefault(k) == fromBudgetUse.GetValueOrDefault(k))
            && budgetUse.Rows.All(b => b.Colour == TrafficLight.Unknown && b.OpenAssignedCents == 0);
    }
}
