using Berichtenverkeer.Ijw.Catalog;
using Berichtenverkeer.Ijw.Model;
using Berichtenverkeer.Matching.State;
using Berichtenverkeer.ReferenceData;
using static Berichtenverkeer.Reconciliation.Tests.TestData;

namespace Berichtenverkeer.Reconciliation.Tests;

public class BudgetUseTests
{
    private const string P9 = "11111111";
    private static readonly DateOnly AsOf = D(2025, 6, 15);
    private static readonly Product Stuks = new("10", "10A01");

    private static readonly Contract[] Contracts =
    [
        new(G1, P1, "10", "10A01", Eenheid.StuksOutput, 1_000, D(2025, 1, 1), null),
        new(G1, P1, "45", "45A12", Eenheid.Uur, 5_000, D(2025, 1, 1), null),
    ];

    /// <summary>10 pieces a month at 10.00 from 1 January; a later version (after AsOf) doubling it is not yet known.</summary>
    private static readonly AssignmentRecord[] Assignments =
    [
        Assignment(G1, P1, 5001, Stuks, D(2025, 1, 1), null, new Omvang(10, Eenheid.StuksOutput, Frequentie.PerMaand), toewijzingsdatum: D(2024, 12, 20)),
        Assignment(G1, P1, 5001, Stuks, D(2025, 1, 1), null, new Omvang(20, Eenheid.StuksOutput, Frequentie.PerMaand), toewijzingsdatum: D(2025, 7, 1)),

        // No budget for G2/P2: colour unknown. Aspecific budget 3000.00, 500.00 declared: 2500.00 open.
        Assignment(G2, P2, 6001, new Product("54", null), D(2025, 3, 1), D(2025, 12, 31), budget: 300_000),
    ];

    private static List<PrestatieRecord> Prestaties()
    {
        PrestatieRecord Month(int month, long pieces, string referentie) =>
            Prestatie(G1, P1, 5001, "10", "10A01", D(2025, month, 1), Months.LastDay(D(2025, month, 1)), pieces, Eenheid.StuksOutput, pieces * 1_000, true, referentie);

        var feb = Month(2, 10, "F");
        return
        [
            Month(1, 10, "J"),
            feb,
            Month(3, 10, "M"),
            Month(4, 10, "A"),
            Month(5, 4, "MAY"),
            Month(6, 10, "JUN"), // DeclaratiePeriode June ends after AsOf: not yet known.
            CreditOf(feb, "FC", D(2025, 5, 1)),
            Prestatie(G1, P1, 5001, "10", "10A01", D(2025, 3, 1), D(2025, 3, 31), 10, Eenheid.StuksOutput, 10_000, false, "REJ"),
            Prestatie(G2, P2, 6001, "54", "54002", D(2025, 4, 1), D(2025, 4, 30), 5, Eenheid.Uur, 50_000, true, "G2A", bsn: Bsn2),
        ];
    }

    private static BudgetUseRow G1P1Row(BudgetUseReport report) => report.Rows.Single(r => r.Gemeente == G1 && r.Agb == P1);

    private static BudgetUseReport Compute(long? budgetG1P1, BudgetUseOptions? options = null)
    {
        List<Budget> budgets = [new(G1, P9, 2025, 5_000), new(G1, P1, 2024, 1)];
        if (budgetG1P1 is { } b)
        {
            budgets.Add(new Budget(G1, P1, 2025, b));
        }

        var reference = new ReferenceSet([], [], Contracts, budgets);
        return BudgetUseCalculator.Compute(new BudgetUseQuery { AsOf = AsOf }, Assignments, Prestaties(), reference, options);
    }

    [Fact]
    public void Declared_open_and_forecast_as_of_mid_june()
    {
        var report = Compute(1_000_000);

        Assert.Equal(D(2025, 5, 1), report.OpenFrom);
        Assert.Equal([(G1, P9), (G1, P1), (G2, P2)], report.Rows.Select(r => (r.Gemeente, r.Agb)));

        var row = G1P1Row(report);

        // Jan–Apr 4 × 100.00 + May 40.00 − credited Feb 100.00 (June not yet declared, the rejection never counts).
        Assert.Equal(34_000, row.DeclaredNetApprovedCents);

        // May: 10 − 4 = 6 pieces; June–December 7 × 10; at 10.00 a piece.
        Assert.Equal(76_000, row.OpenAssignedCents);
        Assert.Equal(110_000, row.ForecastCents);
        Assert.Equal(1_000_000, row.BudgetCents);
        Assert.Equal(0.11m, row.Utilisation);
        Assert.Equal(0.034m, row.DeclaredUtilisation);
        Assert.Equal(TrafficLight.Green, row.Colour);
        Assert.Equal(1, row.CurrentAssignmentCount);
        Assert.Empty(row.Flags);
    }

    [Fact]
    public void Budget_without_activity_is_green_and_activity_without_budget_unknown()
    {
        var report = Compute(1_000_000);

        var idle = report.Rows[0];
        Assert.Equal((5_000L, 0L, 0L, 0m, TrafficLight.Green), (idle.BudgetCents!.Value, idle.DeclaredNetApprovedCents, idle.ForecastCents, idle.Utilisation!.Value, idle.Colour));

        var noBudget = report.Rows[2];
        Assert.Null(noBudget.BudgetCents);
        Assert.Equal(50_000, noBudget.DeclaredNetApprovedCents);
        Assert.Equal(250_000, noBudget.OpenAssignedCents);
        Assert.Null(noBudget.Utilisation);
        Assert.Equal(TrafficLight.Unknown, noBudget.Colour);
        Assert.Equal(TrafficLight.Unknown, noBudget.DeclaredColour);
    }

    [Theory]
    [InlineData(157_143L, TrafficLight.Green)] // 110000 / 157143 = 0.699999…
    [InlineData(157_142L, TrafficLight.Amber)] // 0.700002…
    [InlineData(110_001L, TrafficLight.Amber)] // 0.99999…
    [InlineData(110_000L, TrafficLight.Red)] // exactly 100 %
    [InlineData(50_000L, TrafficLight.Red)]
    [InlineData(null, TrafficLight.Unknown)]
    public void Forecast_colour_at_the_boundaries(long? budget, TrafficLight expected)
    {
        Assert.Equal(expected, G1P1Row(Compute(budget)).Colour);
    }

    [Theory]
    [InlineData(0L, 100_000L, TrafficLight.Green)]
    [InlineData(69_999L, 100_000L, TrafficLight.Green)]
    [InlineData(70_000L, 100_000L, TrafficLight.Amber)]
    [InlineData(99_999L, 100_000L, TrafficLight.Amber)]
    [InlineData(100_000L, 100_000L, TrafficLight.Red)]
    [InlineData(250_000L, 100_000L, TrafficLight.Red)]
    [InlineData(1L, null, TrafficLight.Unknown)]
    [InlineData(0L, 0L, TrafficLight.Green)]
    [InlineData(1L, 0L, TrafficLight.Red)]
    public void Default_thresholds_are_70_and_100_percent_inclusive(long used, long? budget, TrafficLight expected)
    {
        Assert.Equal(expected, new TrafficLightOptions().Classify(used, budget));
    }

    [Fact]
    public void Thresholds_are_configurable()
    {
        var options = new TrafficLightOptions { AmberFrom = 0.50m, RedFrom = 0.90m };

        Assert.Equal(TrafficLight.Green, options.Classify(49_999, 100_000));
        Assert.Equal(TrafficLight.Amber, options.Classify(50_000, 100_000));
        Assert.Equal(TrafficLight.Red, options.Classify(90_000, 100_000));
        Assert.Throws<ArgumentException>(() => new TrafficLightOptions { AmberFrom = 1.1m, RedFrom = 1.0m }.Classify(1, 1));

        var report = Compute(220_000, new BudgetUseOptions { TrafficLight = options });
        Assert.Equal((TrafficLight.Amber, 0.5m), (G1P1Row(report).Colour, G1P1Row(report).Utilisation!.Value));
        Assert.Equal((0.50m, 0.90m), (report.AmberFrom, report.RedFrom));
    }

    [Fact]
    public void Without_lag_the_undeclared_part_of_the_previous_month_is_not_open()
    {
        var report = Compute(1_000_000, new BudgetUseOptions { OpenMonthsBeforeAsOf = 0 });

        Assert.Equal(D(2025, 6, 1), report.OpenFrom);
        Assert.Equal(70_000, G1P1Row(report).OpenAssignedCents);
    }

    [Fact]
    public void Later_as_of_sees_the_june_declaration_and_the_new_version()
    {
        var reference = new ReferenceSet([], [], Contracts, []);
        var report = BudgetUseCalculator.Compute(new BudgetUseQuery { AsOf = D(2025, 7, 10), Agbs = [P1] }, Assignments, Prestaties(), reference);

        var row = Assert.Single(report.Rows);

        // Declared 34000 + June 10000; open from June: June 20 − 10, July–December 6 × 20 pieces.
        Assert.Equal(44_000, row.DeclaredNetApprovedCents);
        Assert.Equal(130_000, row.OpenAssignedCents);
    }

    [Fact]
    public void Effort_per_week_open_volume_is_capped_by_the_iso_weeks_of_the_assignment()
    {
        // rules.md §6.5: 3 h/week, 7 July – 7 September 2025: monthly maxima 12 + 15 + 3 = 30 h, total 9 weeks = 27 h.
        var assignment = Assignment(G1, P1, 7001, new Product("45", "45A12"), D(2025, 7, 7), D(2025, 9, 7), new Omvang(3, Eenheid.Uur, Frequentie.PerWeek));
        var reference = new ReferenceSet([], [], Contracts, []);

        var row = Assert.Single(BudgetUseCalculator.Compute(new BudgetUseQuery { AsOf = D(2025, 7, 1) }, [assignment], [], reference).Rows);

        Assert.Equal(27 * 5_000, row.OpenAssignedCents);
    }

    [Fact]
    public void Total_frequency_is_open_once_minus_what_was_declared()
    {
        var assignment = Assignment(G1, P1, 8001, new Product("45", "45A12"), D(2025, 2, 10), D(2025, 5, 31), new Omvang(20, Eenheid.Uur, Frequentie.Totaal));
        var declared = Prestatie(G1, P1, 8001, "45", "45A12", D(2025, 2, 10), D(2025, 2, 28), 300, Eenheid.Minuut, 25_000, true, "T1");
        var reference = new ReferenceSet([], [], Contracts, []);

        var row = Assert.Single(BudgetUseCalculator.Compute(new BudgetUseQuery { AsOf = D(2025, 3, 15) }, [assignment], [declared], reference).Rows);

        Assert.Equal(25_000, row.DeclaredNetApprovedCents);
        Assert.Equal(15 * 5_000, row.OpenAssignedCents);
    }

    [Fact]
    public void Assignments_without_contract_or_volume_are_flagged()
    {
        var assignments = new[]
        {
            Assignment(G1, P1, 1, new Product("45", "45B00"), D(2025, 1, 1), D(2025, 12, 31), new Omvang(1, Eenheid.Uur, Frequentie.PerMaand)),
            Assignment(G1, P1, 2, new Product("45", null), D(2025, 1, 1), null),
        };

        var row = Assert.Single(BudgetUseCalculator.Compute(new BudgetUseQuery { AsOf = AsOf }, assignments, [], new ReferenceSet([], [], Contracts, [])).Rows);

        Assert.Equal(0, row.OpenAssignedCents);
        Assert.Equal([ReconciliationFlags.NoContract, ReconciliationFlags.NoVolume], row.Flags);
        Assert.Equal(2, row.CurrentAssignmentCount);
    }

    [Fact]
    public async Task Service_reads_the_year_from_the_source()
    {
        var reference = new ReferenceSet([], [], Contracts, [new Budget(G1, P1, 2025, 1_000_000)]);
        var service = new ReconciliationService(new InMemoryReconciliationSource(Assignments, Prestaties()), reference);

        var report = await service.BudgetUseAsync(new BudgetUseQuery { AsOf = AsOf, Gemeenten = [G1] });

        var row = Assert.Single(report.Rows);
        Assert.Equal((34_000L, 76_000L), (row.DeclaredNetApprovedCents, row.OpenAssignedCents));
    }
}
