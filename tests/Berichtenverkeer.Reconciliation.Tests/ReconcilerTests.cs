using Berichtenverkeer.Ijw.Catalog;
using Berichtenverkeer.Ijw.Model;
using Berichtenverkeer.ReferenceData;
using static Berichtenverkeer.Reconciliation.Tests.TestData;

namespace Berichtenverkeer.Reconciliation.Tests;

public class ReconcilerTests
{
    private static readonly DateOnly March = D(2025, 3, 1);

    private static ReconciliationReport MarchReport() =>
        Reconciler.Reconcile(ReconciliationQuery.ForMonth(2025, 3), MarchScenario.Assignments, MarchScenario.Prestaties, MarchScenario.Reference);

    private static ReconciliationRow Row(string gemeente, string agb, string categorie, string? code, string? eenheid) => new()
    {
        Gemeente = gemeente,
        Agb = agb,
        Month = March,
        ProductCategorie = categorie,
        ProductCode = code,
        Eenheid = eenheid,
    };

    private static void AssertRow(ReconciliationRow expected, ReconciliationRow actual)
    {
        Assert.Equal(expected.Flags, actual.Flags);
        Assert.Equal(expected with { Flags = [] }, actual with { Flags = [] });
    }

    [Fact]
    public void Hand_built_march_gives_exact_rows()
    {
        var rows = MarchReport().Rows;

        Assert.Collection(
            rows,
            r => AssertRow(
                Row(G1, P1, "10", "10A01", Eenheid.StuksOutput) with
                {
                    AssignmentCount = 1, AssignedVolume = 8, AssignedValueCents = 20_000,
                    DeclaredCount = 1, DeclaredVolume = 5, DeclaredAmountCents = 12_500,
                    ApprovedCount = 1, ApprovedVolume = 5, ApprovedAmountCents = 12_500,
                    NetApprovedVolume = 5, NetApprovedAmountCents = 12_500,
                },
                r),
            r => AssertRow(
                // Latest A1 version: 3 h × 4 ISO weeks (1–20 March) = 12 h = 720 min at 75.00/h = 900.00.
                // Declared: 10 h + 540 min + 3 h (rejected); the 10 h were credited and re-declared as 540 min.
                Row(G1, P1, "45", "45A12", Eenheid.Minuut) with
                {
                    AssignmentCount = 1, AssignedVolume = 720, AssignedValueCents = 90_000,
                    DeclaredCount = 3, DeclaredVolume = 1_320, DeclaredAmountCents = 165_000,
                    ApprovedCount = 2, ApprovedVolume = 1_140, ApprovedAmountCents = 142_500,
                    RejectedCount = 1, RejectedVolume = 180, RejectedAmountCents = 22_500,
                    CreditedCount = 1, CreditedVolume = 600, CreditedAmountCents = 75_000,
                    NetApprovedVolume = 540, NetApprovedAmountCents = 67_500,
                },
                r),
            r => AssertRow(
                Row(G1, P2, "54", null, null) with { AssignmentCount = 1, AssignedValueCents = 0, AssignedBudgetCents = 500_000 },
                r),
            r => AssertRow(
                // Declared under the aspecific assignment with the code the provider chose; the rejected credit takes nothing back.
                Row(G1, P2, "54", "54002", Eenheid.Minuut) with
                {
                    AssignedValueCents = 0,
                    DeclaredCount = 1, DeclaredVolume = 240, DeclaredAmountCents = 32_000,
                    ApprovedCount = 1, ApprovedVolume = 240, ApprovedAmountCents = 32_000,
                    NetApprovedVolume = 240, NetApprovedAmountCents = 32_000,
                },
                r),
            r => AssertRow(
                Row(G2, P1, "45", "45A12", Eenheid.Minuut) with { AssignmentCount = 1, AssignedVolume = 90, AssignedValueCents = 9_002 },
                r),
            r => AssertRow(
                // Deleted A4 does not count as assigned; its rejected prestatie is still a received declaration.
                Row(G2, P2, "45", "45A12", Eenheid.Minuut) with
                {
                    AssignmentCount = 1, AssignedVolume = 720, AssignedValueCents = null,
                    DeclaredCount = 3, DeclaredVolume = 960, DeclaredAmountCents = 112_000,
                    ApprovedCount = 1, ApprovedVolume = 360, ApprovedAmountCents = 42_000,
                    RejectedCount = 2, RejectedVolume = 600, RejectedAmountCents = 70_000,
                    NetApprovedVolume = 360, NetApprovedAmountCents = 42_000,
                    Flags = [ReconciliationFlags.NoContract],
                },
                r));
    }

    [Fact]
    public void Hand_built_march_gives_exact_totals()
    {
        var totals = MarchReport().Totals;

        Assert.Collection(
            totals,
            t => Assert.Equal(
                new ReconciliationTotal
                {
                    Gemeente = G1, Agb = P1, Month = March, AssignmentCount = 2, AssignedValueCents = 110_000,
                    DeclaredCount = 4, DeclaredAmountCents = 177_500, ApprovedCount = 3, ApprovedAmountCents = 155_000,
                    RejectedCount = 1, RejectedAmountCents = 22_500, CreditedCount = 1, CreditedAmountCents = 75_000,
                    NetApprovedAmountCents = 80_000, Flags = t.Flags,
                },
                t),
            t => Assert.Equal(
                new ReconciliationTotal
                {
                    Gemeente = G1, Agb = P2, Month = March, AssignmentCount = 1, AssignedBudgetCents = 500_000,
                    DeclaredCount = 1, DeclaredAmountCents = 32_000, ApprovedCount = 1, ApprovedAmountCents = 32_000,
                    NetApprovedAmountCents = 32_000, Flags = t.Flags,
                },
                t),
            t => Assert.Equal(
                new ReconciliationTotal { Gemeente = G2, Agb = P1, Month = March, AssignmentCount = 1, AssignedValueCents = 9_002, Flags = t.Flags },
                t),
            t =>
            {
                Assert.Equal(
                    new ReconciliationTotal
                    {
                        Gemeente = G2, Agb = P2, Month = March, AssignmentCount = 1, AssignedValueCents = 0,
                        DeclaredCount = 3, DeclaredAmountCents = 112_000, ApprovedCount = 1, ApprovedAmountCents = 42_000,
                        RejectedCount = 2, RejectedAmountCents = 70_000, NetApprovedAmountCents = 42_000, Flags = t.Flags,
                    },
                    t);
                Assert.Equal([ReconciliationFlags.NoContract], t.Flags);
            });
        Assert.All(totals.Take(3), t => Assert.Empty(t.Flags));
    }

    [Fact]
    public void February_holds_the_february_debit_and_its_credit_declared_in_march()
    {
        var report = Reconciler.Reconcile(
            ReconciliationQuery.ForMonth(2025, 2, gemeenten: [G1], agbs: [P1]), MarchScenario.Assignments, MarchScenario.Prestaties, MarchScenario.Reference);

        var row = Assert.Single(report.Rows, r => r.ProductCode == "45A12");
        Assert.Equal(1, row.ApprovedCount);
        Assert.Equal(15_000, row.ApprovedAmountCents);
        Assert.Equal(1, row.CreditedCount);
        Assert.Equal(0, row.NetApprovedAmountCents);

        // Two assignments run in February: A1 (latest version, 3 h/week) and 1003 (9 h/week). Feb 2025 touches ISO weeks 5–9.
        Assert.Equal(2, row.AssignmentCount);
        Assert.Equal((3 + 9) * 5 * 60, row.AssignedVolume);
        Assert.Equal((3 + 9) * 5 * 7_500, row.AssignedValueCents);
    }

    [Fact]
    public void Filters_restrict_gemeenten_and_providers()
    {
        var report = Reconciler.Reconcile(
            ReconciliationQuery.ForMonth(2025, 3, gemeenten: [G2], agbs: [P2]), MarchScenario.Assignments, MarchScenario.Prestaties, MarchScenario.Reference);

        var row = Assert.Single(report.Rows);
        Assert.Equal((G2, P2), (row.Gemeente, row.Agb));
        Assert.Equal([G2], report.Gemeenten);
        Assert.Equal([P2], report.Agbs);
    }

    [Fact]
    public void Total_frequency_and_budgets_count_once_in_the_start_month()
    {
        Product product = new("45", "45A99");
        var reference = new ReferenceSet([], [], [new Contract(G1, P1, "45", "45A99", Eenheid.Uur, 5_000, D(2025, 1, 1), null)], []);
        var assignments = new[]
        {
            Assignment(G1, P1, 1, product, D(2025, 2, 10), D(2025, 5, 31), new Omvang(20, Eenheid.Uur, Frequentie.Totaal)),
            Assignment(G1, P1, 2, null, D(2025, 2, 1), D(2025, 7, 31), budget: 100_000),
        };

        var report = Reconciler.Reconcile(
            new ReconciliationQuery { From = D(2025, 2, 1), To = D(2025, 4, 30) }, assignments, [], reference);

        var totaal = report.Rows.Where(r => r.ProductCode == "45A99").ToList();
        Assert.Equal([1_200L, 0L, 0L], totaal.Select(r => r.AssignedVolume));
        Assert.Equal([100_000L, 0L, 0L], totaal.Select(r => r.AssignedValueCents ?? -1));
        Assert.All(totaal, r => Assert.Equal(1, r.AssignmentCount));

        var generic = report.Rows.Where(r => r.ProductCategorie is null).ToList();
        Assert.Equal([100_000L, 0L, 0L], generic.Select(r => r.AssignedBudgetCents));
        Assert.All(generic, r => Assert.Null(r.Eenheid));
    }

    [Fact]
    public void Assignment_without_omvang_or_budget_is_flagged()
    {
        var assignments = new[] { Assignment(G1, P1, 1, new Product("45", null), D(2025, 3, 1), null) };

        var row = Assert.Single(Reconciler.Reconcile(ReconciliationQuery.ForMonth(2025, 3), assignments, [], ReferenceSet.Empty).Rows);

        Assert.Equal([ReconciliationFlags.NoVolume], row.Flags);
        Assert.Equal(1, row.AssignmentCount);
    }

    [Fact]
    public void Contract_in_another_unit_gives_null_value_and_unit_mismatch()
    {
        var reference = new ReferenceSet([], [], [new Contract(G1, P1, "45", "45A12", Eenheid.Dagdeel, 9_000, D(2025, 1, 1), null)], []);
        var assignments = new[] { Assignment(G1, P1, 1, MarchScenario.Begeleiding, D(2025, 3, 1), D(2025, 3, 31), new Omvang(1, Eenheid.Uur, Frequentie.PerWeek)) };

        var row = Assert.Single(Reconciler.Reconcile(ReconciliationQuery.ForMonth(2025, 3), assignments, [], reference).Rows);

        Assert.Null(row.AssignedValueCents);
        Assert.Equal([ReconciliationFlags.UnitMismatch], row.Flags);
    }

    [Fact]
    public void Contract_must_be_valid_in_the_month()
    {
        var reference = new ReferenceSet([], [], [new Contract(G1, P1, "45", "45A12", Eenheid.Uur, 9_000, D(2025, 4, 1), null)], []);
        var assignments = new[] { Assignment(G1, P1, 1, MarchScenario.Begeleiding, D(2025, 3, 1), D(2025, 4, 30), new Omvang(1, Eenheid.Uur, Frequentie.PerMaand)) };

        var rows = Reconciler.Reconcile(new ReconciliationQuery { From = D(2025, 3, 1), To = D(2025, 4, 30) }, assignments, [], reference).Rows;

        Assert.Equal(new long?[] { null, 9_000 }, rows.Select(r => r.AssignedValueCents));
    }

    [Fact]
    public void Credit_without_its_debit_is_placed_by_its_own_period_and_flagged()
    {
        var credit = Prestatie(G1, P1, 1, "45", "45A12", D(2025, 3, 1), D(2025, 3, 31), 2, Eenheid.Uur, 10_000, true, "C1",
            debetCredit: DebetCredit.Credit, vorig: "UNKNOWN");

        var row = Assert.Single(Reconciler.Reconcile(ReconciliationQuery.ForMonth(2025, 3), [], [credit], ReferenceSet.Empty).Rows);

        Assert.Equal((1, 120L, 10_000L, -10_000L), (row.CreditedCount, row.CreditedVolume, row.CreditedAmountCents, row.NetApprovedAmountCents));
        Assert.Equal([ReconciliationFlags.CreditWithoutDebit], row.Flags);
    }

    [Fact]
    public void Query_must_cover_whole_months()
    {
        Assert.Throws<ArgumentException>(() => new ReconciliationQuery { From = D(2025, 3, 2), To = D(2025, 3, 31) }.Validate());
        Assert.Throws<ArgumentException>(() => new ReconciliationQuery { From = D(2025, 3, 1), To = D(2025, 3, 30) }.Validate());
        Assert.Throws<ArgumentException>(() => new ReconciliationQuery { From = D(2025, 4, 1), To = D(2025, 3, 31) }.Validate());
        new ReconciliationQuery { From = D(2024, 2, 1), To = D(2024, 2, 29) }.Validate();
    }

    [Fact]
    public async Task Service_over_the_in_memory_source_gives_the_same_report()
    {
        var source = new InMemoryReconciliationSource(MarchScenario.Assignments, MarchScenario.Prestaties);
        var service = new ReconciliationService(source, MarchScenario.Reference);

        var viaService = await service.ReconcileAsync(ReconciliationQuery.ForMonth(2025, 3));

        Assert.Equal(
            ReconciliationJsonText(MarchReport()),
            ReconciliationJsonText(viaService));
    }

    private static string ReconciliationJsonText(ReconciliationReport report) => Export.ReconciliationJson.Serialize(report);
}
