using System.Text.Json;
using System.Text.Json.Serialization;

namespace Berichtenverkeer.Reconciliation.Export;

/// <summary>
/// Source-generated System.Text.Json metadata for the reports: camelCase, amounts as integer cents, months as
/// "yyyy-MM", dates as "yyyy-MM-dd", colours as lower-case strings, nulls written out so every row has the same shape.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(ReconciliationReport))]
[JsonSerializable(typeof(BudgetUseReport))]
public sealed partial class ReconciliationJsonContext : JsonSerializerContext;

/// <summary>JSON export of the reports (UTF-8, no BOM).</summary>
public static class ReconciliationJson
{
    public static string Serialize(ReconciliationReport report) =>
        JsonSerializer.Serialize(report, ReconciliationJsonContext.Default.ReconciliationReport);

    public static string Serialize(BudgetUseReport report) =>
        JsonSerializer.Serialize(report, ReconciliationJsonContext.Default.BudgetUseReport);

    public static Task WriteAsync(Stream stream, ReconciliationReport report, CancellationToken cancellationToken = default) =>
        JsonSerializer.SerializeAsync(stream, report, ReconciliationJsonContext.Default.ReconciliationReport, cancellationToken);

    public static Task WriteAsync(Stream stream, BudgetUseReport report, CancellationToken cancellationToken = default) =>
        JsonSerializer.SerializeAsync(stream, report, ReconciliationJsonContext.Default.BudgetUseReport, cancellationToken);
}
