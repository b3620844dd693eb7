namespace Berichtenverkeer.Reconciliation.Export;

/// <summary>
/// The reports as CSV files (see <see cref="Csv"/> for the format). Headers are the JSON property names; every amount
/// appears twice: "…Cents" (integer cents, exact) and "…Euro" ("1234.56", invariant culture). Flags are joined with '|'.
/// Only aggregates: no column can hold a BSN.
/// </summary>
public static class ReconciliationCsv
{
    public static IReadOnlyList<CsvColumn<ReconciliationRow>> RowColumns { get; } =
    [
        Text<ReconciliationRow>("gemeente", r => r.Gemeente),
        Text<ReconciliationRow>("agb", r => r.Agb),
        Text<ReconciliationRow>("month", r => Month(r.Month)),
        Text<ReconciliationRow>("productCategorie", r => r.ProductCategorie),
        Text<ReconciliationRow>("productCode", r => r.ProductCode),
        Text<ReconciliationRow>("eenheid", r => r.Eenheid),
        Number<ReconciliationRow>("assignmentCount", r => r.AssignmentCount),
        Number<ReconciliationRow>("assignedVolume", r => r.AssignedVolume),
        .. Amount<ReconciliationRow>("assignedValue", r => r.AssignedValueCents),
        .. Amount<ReconciliationRow>("assignedBudget", r => r.AssignedBudgetCents),
        Number<ReconciliationRow>("declaredCount", r => r.DeclaredCount),
        Number<ReconciliationRow>("declaredVolume", r => r.DeclaredVolume),
        .. Amount<ReconciliationRow>("declaredAmount", r => r.DeclaredAmountCents),
        Number<ReconciliationRow>("approvedCount", r => r.ApprovedCount),
        Number<ReconciliationRow>("approvedVolume", r => r.ApprovedVolume),
        .. Amount<ReconciliationRow>("approvedAmount", r => r.ApprovedAmountCents),
        Number<ReconciliationRow>("rejectedCount", r => r.RejectedCount),
        Number<ReconciliationRow>("rejectedVolume", r => r.RejectedVolume),
        .. Amount<ReconciliationRow>("rejectedAmount", r => r.RejectedAmountCents),
        Number<ReconciliationRow>("creditedCount", r => r.CreditedCount),
        Number<ReconciliationRow>("creditedVolume", r => r.CreditedVolume),
        .. Amount<ReconciliationRow>("creditedAmount", r => r.CreditedAmountCents),
        Number<ReconciliationRow>("netApprovedVolume", r => r.NetApprovedVolume),
        .. Amount<ReconciliationRow>("netApprovedAmount", r => r.NetApprovedAmountCents),
        Text<ReconciliationRow>("flags", r => Flags(r.Flags)),
    ];

    public static IReadOnlyList<CsvColumn<ReconciliationTotal>> TotalColumns { get; } =
    [
        Text<ReconciliationTotal>("gemeente", r => r.Gemeente),
        Text<ReconciliationTotal>("agb", r => r.Agb),
        Text<ReconciliationTotal>("month", r => Month(r.Month)),
        Number<ReconciliationTotal>("assignmentCount", r => r.AssignmentCount),
        .. Amount<ReconciliationTotal>("assignedValue", r => r.AssignedValueCents),
        .. Amount<ReconciliationTotal>("assignedBudget", r => r.AssignedBudgetCents),
        Number<ReconciliationTotal>("declaredCount", r => r.DeclaredCount),
        .. Amount<ReconciliationTotal>("declaredAmount", r => r.DeclaredAmountCents),
        Number<ReconciliationTotal>("approvedCount", r => r.ApprovedCount),
        .. Amount<ReconciliationTotal>("approvedAmount", r => r.ApprovedAmountCents),
        Number<ReconciliationTotal>("rejectedCount", r => r.RejectedCount),
        .. Amount<ReconciliationTotal>("rejectedAmount", r => r.RejectedAmountCents),
        Number<ReconciliationTotal>("creditedCount", r => r.CreditedCount),
        .. Amount<ReconciliationTotal>("creditedAmount", r => r.CreditedAmountCents),
        .. Amount<ReconciliationTotal>("netApprovedAmount", r => r.NetApprovedAmountCents),
        Text<ReconciliationTotal>("flags", r => Flags(r.Flags)),
    ];

    public static IReadOnlyList<CsvColumn<BudgetUseRow>> BudgetUseColumns { get; } =
    [
        Text<BudgetUseRow>("gemeente", r => r.Gemeente),
        Text<BudgetUseRow>("agb", r => r.Agb),
        Number<BudgetUseRow>("year", r => r.Year),
        .. Amount<BudgetUseRow>("budget", r => r.BudgetCents),
        .. Amount<BudgetUseRow>("declaredNetApproved", r => r.DeclaredNetApprovedCents),
        .. Amount<BudgetUseRow>("openAssigned", r => r.OpenAssignedCents),
        .. Amount<BudgetUseRow>("forecast", r => r.ForecastCents),
        new("declaredUtilisation", r => Csv.Number(r.DeclaredUtilisation)),
        new("utilisation", r => Csv.Number(r.Utilisation)),
        Text<BudgetUseRow>("declaredColour", r => Colour(r.DeclaredColour)),
        Text<BudgetUseRow>("colour", r => Colour(r.Colour)),
        Number<BudgetUseRow>("currentAssignmentCount", r => r.CurrentAssignmentCount),
        Text<BudgetUseRow>("flags", r => Flags(r.Flags)),
    ];

    public static byte[] Rows(ReconciliationReport report) => Csv.ToBytes(RowColumns, report.Rows);

    public static byte[] Totals(ReconciliationReport report) => Csv.ToBytes(TotalColumns, report.Totals);

    public static byte[] BudgetUse(BudgetUseReport report) => Csv.ToBytes(BudgetUseColumns, report.Rows);

    public static Task WriteRowsAsync(Stream stream, ReconciliationReport report, CancellationToken cancellationToken = default) =>
        Csv.WriteAsync(stream, RowColumns, report.Rows, cancellationToken);

    public static Task WriteTotalsAsync(Stream stream, ReconciliationReport report, CancellationToken cancellationToken = default) =>
        Csv.WriteAsync(stream, TotalColumns, report.Totals, cancellationToken);

    public static Task WriteBudgetUseAsync(Stream stream, BudgetUseReport report, CancellationToken cancellationToken = default) =>
        Csv.WriteAsync(stream, BudgetUseColumns, report.Rows, cancellationToken);

    /// <summary>The colour as in JSON: green, amber, red, unknown.</summary>
    public static string Colour(TrafficLight colour) => colour switch
    {
        TrafficLight.Green => "green",
        TrafficLight.Amber => "amber",
        TrafficLight.Red => "red",
        _ => "unknown",
    };

    private static CsvColumn<T> Text<T>(string header, Func<T, string?> value) => new(header, value, IsText: true);

    private static CsvColumn<T> Number<T>(string header, Func<T, long> value) => new(header, r => Csv.Number(value(r)));

    private static CsvColumn<T>[] Amount<T>(string name, Func<T, long?> cents) =>
    [
        new(name + "Cents", r => Csv.Number(cents(r))),
        new(name + "Euro", r => Csv.Euro(cents(r))),
    ];

    private static string Month(DateOnly month) => month.ToString(YearMonthJsonConverter.Format, System.Globalization.CultureInfo.InvariantCulture);

    private static string Flags(IReadOnlyList<string> flags) => string.Join('|', flags);
}
