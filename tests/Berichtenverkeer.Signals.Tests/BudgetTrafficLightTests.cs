using Berichtenverkeer.Ijw.Catalog;
using Berichtenverkeer.ReferenceData;
using static Berichtenverkeer.Signals.Tests.Build;

namespace Berichtenverkeer.Signals.Tests;

/// <summary>FR33: declared plus assigned-not-yet-declared against the budget; a signal on every colour change.</summary>
public class BudgetTrafficLightTests
{
    // Care of January to April, 100 hours at 10 euro each month: 100 000 cents, known when declared the month after.
    private static readonly List<Matching.State.PrestatieRecord> FourMonths = Months(1, D(1, 1), 4, _ => 100).ToList();

    [Fact]
    public void FR33_declared_use_turns_amber_then_red_with_the_escalation_high()
    {
        var signals = Run(Input([], [], FourMonths, [new Budget(G, "A1", 2025, 350_000)]), "FR33").OrderBy(s => s.PeriodTo).ToList();
        Assert.Equal([(4, Severity.L), (5, Severity.H)], signals.Select(s => (s.PeriodFrom.Month, s.Severity)));
        Assert.Equal(300_000, signals[0].Values["gedeclareerdNetto"]);
        Assert.Contains("from green to amber", signals[0].Description, StringComparison.Ordinal);
        Assert.Contains("from amber to red", signals[1].Description, StringComparison.Ordinal);
    }

    [Fact]
    public void FR33_use_well_within_the_budget_stays_green() =>
        Assert.Empty(Run(Input([], [], FourMonths, [new Budget(G, "A1", 2025, 10_000_000)]), "FR33"));

    [Fact]
    public void FR33_assigned_but_not_yet_declared_counts_and_a_forecast_red_is_informative()
    {
        // 100 hours a month assigned for the whole year at a contract tariff of 10 euro: 1.2 million cents open in January.
        var t = T(1, volume: 100, eenheid: Eenheid.Uur, frequentie: Frequentie.PerMaand, eind: D(12, 31));
        var contract = new Contract(G, "A1", "45", "45A48", Eenheid.Uur, 1000, D(1, 1), null);
        var input = Input([t], [], []) with { Reference = new ReferenceSet([], [], [contract], [new Budget(G, "A1", 2025, 1_000_000)]) };
        var signals = Run(input, "FR33").OrderBy(s => s.PeriodTo).ToList();
        var s = signals[0];
        Assert.Equal(1, s.PeriodFrom.Month);
        Assert.Contains("from green to red", s.Description, StringComparison.Ordinal);
        Assert.Equal(0, s.Values["gedeclareerdNetto"]);
        Assert.True(s.Values["toegewezenNogNietGedeclareerd"] >= 1_000_000);

        // Nothing is declared, so as the months pass unused they fall out of the forecast and the light comes back.
        Assert.All(signals, x => Assert.Equal(Severity.L, x.Severity));
        Assert.Contains("to green", signals[^1].Description, StringComparison.Ordinal);
    }

    [Fact]
    public void FR33_without_a_budget_the_previous_year_gives_eighty_percent_of_its_turnover()
    {
        // 2024: 12 × 100 000 = 1.2 million turnover → budget 960 000 for 2025; 2025 declared 100 000 a month.
        var lines = Months(1, D(1, 1, 2024), 12, _ => 100).Concat(Months(2, D(1, 1), 11, _ => 100)).ToList();
        var signals = Run(Input([], [], lines), "FR33").OrderBy(s => s.PeriodTo).ToList();
        Assert.Equal([(8, "amber"), (11, "red")], signals.Select(s => (s.PeriodFrom.Month, s.Description.EndsWith("red at " + SignalContext.Iso(s.PeriodTo) + ".", StringComparison.Ordinal) ? "red" : "amber")));
        Assert.All(signals, s => Assert.Equal(960_000, s.Values["bestedingsruimte"]));
        Assert.All(signals, s => Assert.Equal(1, s.Values["budgetAfgeleid"]));
    }

    [Fact]
    public void FR33_cannot_run_without_budgets_or_a_previous_year_of_history()
    {
        var batch = new SignalEngine().Evaluate(Input([], [], FourMonths), D(1, 1), D(12, 31));
        Assert.Contains(batch.Skipped, s => s.RuleId == "FR33");
        Assert.DoesNotContain(batch.Signals, s => s.RuleId == "FR33");
    }

    [Fact]
    public void FR33_monthly_batches_give_the_same_signals_as_one_run_and_reruns_the_same_ids()
    {
        var input = Input([], [], FourMonths, [new Budget(G, "A1", 2025, 350_000)]);
        var once = Run(input, "FR33").Select(s => s.Id).Order(StringComparer.Ordinal).ToList();
        var monthly = Enumerable.Range(1, 12)
            .SelectMany(m => Run(input, "FR33", D(m, 1), D(m, 1).AddMonths(1).AddDays(-1)))
            .Select(s => s.Id).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(2, once.Count);
        Assert.Equal(once, monthly);
        Assert.Equal(once, Run(input, "FR33").Select(s => s.Id).Order(StringComparer.Ordinal).ToList());
    }
}
