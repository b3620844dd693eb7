using System.Globalization;
using Berichtenverkeer.Reconciliation;

namespace Berichtenverkeer.Signals.Rules;

/// <summary>
/// FR33, the budget traffic light regions use: declared value plus value assigned but not yet declared (the
/// reconciliation's <see cref="BudgetUseCalculator"/> forecast, so the report and the signal agree) against the provider's
/// bestedingsruimte with a gemeente (<see cref="BudgetBasis"/>: reference data, else 80% of last year's turnover). The
/// colour is taken at the end of every month of the batch window and of the month before it; a signal fires on every
/// change between consecutive months, so monthly batches together report each change exactly once, and a rerun over the
/// same input gives the same ids (key: gemeente, AGB, month, old and new colour). A calendar year starts green (nothing
/// used of the new budget). Severity by the colour reached: red is the spec's escalation (H) when the net paid part alone
/// has reached the budget ("no payment above it without a written adjustment"); red reached only through what is still
/// assigned is a forecast, and amber (the spec's 70% warning event) and a return to green are informative (L). Measured
/// on the generated region: with budgets at 80% of last year's turnover the open assigned value at TR321 maxima puts most
/// providers' forecast above 100% in January already, so a forecast red says nothing about a provider on its own.
/// Without a budget for the year the light is unknown and nothing fires.
/// </summary>
public sealed class Fr33Budget(Fr33Options options) : Rule<Fr33Options>(options)
{
    public override RuleInfo Info { get; } = new("FR33", 2, "Provider budget traffic light", Severity.H, ControlStage.Formal, SignalScope.Period);

    public override string? CannotRun(SignalContext context) =>
        base.CannotRun(context)
        ?? (context.Input.Reference.Budgets.Count == 0 && !Basis(context).CoversPreviousYear(context.PeriodFrom.Year)
            ? "no budgets (bestedingsruimte) in the reference data, and the input does not hold the previous calendar year of declarations to derive them from"
            : null);

    public override IEnumerable<Signal> Evaluate(SignalContext context)
    {
        var basis = Basis(context);
        var options = new BudgetUseOptions
        {
            TrafficLight = new TrafficLightOptions { AmberFrom = (decimal)Options.Warning, RedFrom = (decimal)Options.Escalate },
            OpenMonthsBeforeAsOf = Options.OpenMonthsBeforeAsOf,
        };
        var months = context.Months().ToList();
        Dictionary<(string Gemeente, string Agb), BudgetUseRow> before = months[0].Month == 1 ? [] : Lights(context, basis, options, SignalContext.EndOfMonth(months[0].AddMonths(-1)));
        var previousAsOf = SignalContext.EndOfMonth(months[0].AddMonths(-1));
        foreach (var month in months)
        {
            var asOf = SignalContext.EndOfMonth(month) < context.PeriodTo ? SignalContext.EndOfMonth(month) : context.PeriodTo;
            var now = Lights(context, basis, options, asOf);
            foreach (var row in now.Values.Where(r => r.Colour != TrafficLight.Unknown))
            {
                var old = month.Month != 1 && before.TryGetValue((row.Gemeente, row.Agb), out var b) && b.Colour != TrafficLight.Unknown ? b.Colour : TrafficLight.Green;
                if (old == row.Colour)
                {
                    continue;
                }

                yield return Make(context, basis, row, old, month, previousAsOf, asOf);
            }

            before = now;
            previousAsOf = asOf;
        }
    }

    private Signal Make(SignalContext context, BudgetBasis basis, BudgetUseRow row, TrafficLight old, DateOnly month, DateOnly previousAsOf, DateOnly asOf)
    {
        // Evidence: the declarations and assignment versions of this provider that arrived since the previous colour.
        var ids = context.Input.Prestaties
            .Where(p => p.Gemeente == row.Gemeente && p.Agb == row.Agb && p.DeclaratiePeriode.Einddatum > previousAsOf && p.DeclaratiePeriode.Einddatum <= asOf)
            .Select(p => p.MessageId)
            .Concat(context.Input.Assignments
                .Where(a => a.Gemeente == row.Gemeente && a.Agb == row.Agb && a.Toewijzingsdatum > previousAsOf && a.Toewijzingsdatum <= asOf)
                .Select(a => a.MessageId))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .Take(Options.MaxEvidenceMessages);
        var severity = row.Colour switch
        {
            TrafficLight.Red when row.DeclaredColour == TrafficLight.Red => Options.RedSeverity,
            TrafficLight.Red => Options.ForecastRedSeverity,
            TrafficLight.Amber => Options.AmberSeverity,
            _ => Options.GreenSeverity,
        };
        var name = Name(row.Colour);
        var budget = row.BudgetCents ?? 0;
        var derived = basis.IsDerived(row.Gemeente, row.Agb, row.Year);
        return context.Make(
            Info, row.Gemeente, row.Agb, null, ids,
            V(("bestedingsruimte", budget), ("gedeclareerdNetto", row.DeclaredNetApprovedCents), ("toegewezenNogNietGedeclareerd", row.OpenAssignedCents),
                ("prognose", row.ForecastCents), ("benutting", (double)(row.Utilisation ?? 0)), ("benuttingGedeclareerd", (double)(row.DeclaredUtilisation ?? 0)),
                ("drempelOranje", Options.Warning), ("drempelRood", Options.Escalate), ("kleurVan", (int)old), ("kleurNaar", (int)row.Colour), ("kleurGedeclareerd", (int)row.DeclaredColour),
                ("budgetAfgeleid", derived ? 1 : 0), ("aandeelOmzetVorigJaar", derived ? Options.DerivedBudgetShare : 0)),
            F($"Provider {row.Agb} with gemeente {row.Gemeente}: declared {row.DeclaredNetApprovedCents / 100.0:0.00} plus assigned but not yet declared {row.OpenAssignedCents / 100.0:0.00} euro is {row.Utilisation ?? 0:P0} of its {row.Year} budget of {budget / 100.0:0.00} euro{(derived ? " (derived from last year's turnover)" : string.Empty)}: the traffic light turns from {Name(old)} to {name} at {Iso(asOf)}."),
            month, asOf, [row.Year.ToString(CultureInfo.InvariantCulture), Iso(month), Name(old), name], severity);
    }

    private BudgetBasis Basis(SignalContext context) =>
        new(context.Input.Reference, context.Input.Prestaties, Options.DerivedBudgetShare, Options.DeriveBudgets);

    private static Dictionary<(string Gemeente, string Agb), BudgetUseRow> Lights(SignalContext context, BudgetBasis basis, BudgetUseOptions options, DateOnly asOf) =>
        BudgetUseCalculator.Compute(new BudgetUseQuery { AsOf = asOf }, context.Input.Assignments, context.Input.Prestaties, basis, options)
            .Rows.ToDictionary(r => (r.Gemeente, r.Agb));

    private static string Name(TrafficLight colour) => colour switch
    {
        TrafficLight.Red => "red",
        TrafficLight.Amber => "amber",
        TrafficLight.Green => "green",
        _ => "unknown",
    };
}
