namespace Berichtenverkeer.Reconciliation;

/// <summary>Which budget use to compute: the calendar year of <see cref="AsOf"/>, as known on that day.</summary>
public sealed record BudgetUseQuery
{
    public required DateOnly AsOf { get; init; }

    /// <summary>Municipalities to include; null or empty: all.</summary>
    public IReadOnlyCollection<string>? Gemeenten { get; init; }

    /// <summary>Providers to include; null or empty: all.</summary>
    public IReadOnlyCollection<string>? Agbs { get; init; }

    public int Year => AsOf.Year;

    /// <summary>The source query that feeds it: the whole year, same filters.</summary>
    public ReconciliationQuery SourceQuery => ReconciliationQuery.ForYear(Year, Gemeenten, Agbs);
}

public sealed record BudgetUseOptions
{
    public TrafficLightOptions TrafficLight { get; init; } = new();

    /// <summary>
    /// How many whole months before the month of AsOf still count as "not yet declared". Default 1: a month is
    /// normally declared in the month after it (JW323 per calendar month), so on 15 April the undeclared part of
    /// March is still expected; what is undeclared in earlier months is taken as not delivered. 0 = from the month
    /// of AsOf on only.
    /// </summary>
    public int OpenMonthsBeforeAsOf { get; init; } = 1;
}

/// <summary>
/// Budget use of one provider at one municipality in one year, as known on <see cref="BudgetUseReport.AsOf"/>.
/// All amounts are euro cents.
/// </summary>
public sealed record BudgetUseRow
{
    public required string Gemeente { get; init; }

    public required string Agb { get; init; }

    public required int Year { get; init; }

    /// <summary>The bestedingsruimte from the Budget records; null when none is known.</summary>
    public long? BudgetCents { get; init; }

    /// <summary>Approved debits with a ProductPeriode in the year minus the approved credits on them, counting only declarations whose DeclaratiePeriode ended on or before AsOf.</summary>
    public long DeclaredNetApprovedCents { get; init; }

    /// <summary>Assigned but not yet declared: the value of what current assignments still allow from the open window to the end of the year.</summary>
    public long OpenAssignedCents { get; init; }

    /// <summary>Declared + open.</summary>
    public long ForecastCents { get; init; }

    /// <summary>Declared / budget, truncated to 4 decimals; null without a positive budget.</summary>
    public decimal? DeclaredUtilisation { get; init; }

    /// <summary>(Declared + open) / budget, truncated to 4 decimals; null without a positive budget.</summary>
    public decimal? Utilisation { get; init; }

    /// <summary>Colour of declared alone: the FR33 event (YTD net paid ≥ 70 % warns, ≥ 100 % escalates).</summary>
    public TrafficLight DeclaredColour { get; init; }

    /// <summary>Colour of the forecast (declared + open): the traffic light regions use.</summary>
    public TrafficLight Colour { get; init; }

    /// <summary>Latest, non-deleted assignments (as known on AsOf) still running in the open window.</summary>
    public int CurrentAssignmentCount { get; init; }

    /// <summary><see cref="ReconciliationFlags"/> values, sorted: no-contract / unit-mismatch / no-volume mean the open amount is too low.</summary>
    public IReadOnlyList<string> Flags { get; init; } = [];
}

public sealed record BudgetUseReport
{
    public required DateOnly AsOf { get; init; }

    public required int Year { get; init; }

    public required decimal AmberFrom { get; init; }

    public required decimal RedFrom { get; init; }

    /// <summary>First day of the first month whose undeclared assigned volume still counts as open.</summary>
    public required DateOnly OpenFrom { get; init; }

    /// <summary>Sorted by gemeente, AGB (ordinal).</summary>
    public IReadOnlyList<BudgetUseRow> Rows { get; init; } = [];
}
