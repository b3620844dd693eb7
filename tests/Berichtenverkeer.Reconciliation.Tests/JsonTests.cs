using System.Text.Json;
using Berichtenverkeer.Reconciliation.Export;
using Berichtenverkeer.ReferenceData;
using static Berichtenverkeer.Reconciliation.Tests.TestData;

namespace Berichtenverkeer.Reconciliation.Tests;

public class JsonTests
{
    private static ReconciliationReport MarchReport() =>
        Reconciler.Reconcile(ReconciliationQuery.ForMonth(2025, 3), MarchScenario.Assignments, MarchScenario.Prestaties, MarchScenario.Reference);

    private static string[] Names(JsonElement element) => [.. element.EnumerateObject().Select(p => p.Name)];

    [Fact]
    public void Reconciliation_report_shape()
    {
        using var doc = JsonDocument.Parse(ReconciliationJson.Serialize(MarchReport()));
        var root = doc.RootElement;

        Assert.Equal(["from", "to", "gemeenten", "agbs", "rows", "totals"], Names(root));
        Assert.Equal("2025-03-01", root.GetProperty("from").GetString());
        Assert.Equal("2025-03-31", root.GetProperty("to").GetString());
        Assert.Equal(6, root.GetProperty("rows").GetArrayLength());
        Assert.Equal(4, root.GetProperty("totals").GetArrayLength());

        var row = root.GetProperty("rows")[1];
        Assert.Equal(
            [
                "gemeente", "agb", "month", "productCategorie", "productCode", "eenheid", "assignmentCount", "assignedVolume",
                "assignedValueCents", "assignedBudgetCents", "declaredCount", "declaredVolume", "declaredAmountCents",
                "approvedCount", "approvedVolume", "approvedAmountCents", "rejectedCount", "rejectedVolume", "rejectedAmountCents",
                "creditedCount", "creditedVolume", "creditedAmountCents", "netApprovedVolume", "netApprovedAmountCents", "flags",
            ],
            Names(row));
        Assert.Equal("0363", row.GetProperty("gemeente").GetString());
        Assert.Equal("2025-03", row.GetProperty("month").GetString());
        Assert.Equal(JsonValueKind.Number, row.GetProperty("assignedValueCents").ValueKind);
        Assert.Equal(90_000, row.GetProperty("assignedValueCents").GetInt64());
        Assert.Equal(67_500, row.GetProperty("netApprovedAmountCents").GetInt64());
        Assert.Equal(JsonValueKind.Array, row.GetProperty("flags").ValueKind);

        var noContract = root.GetProperty("rows")[5];
        Assert.Equal(JsonValueKind.Null, noContract.GetProperty("assignedValueCents").ValueKind);
        Assert.Equal("no-contract", noContract.GetProperty("flags")[0].GetString());

        var budgetRow = root.GetProperty("rows")[2];
        Assert.Equal(JsonValueKind.Null, budgetRow.GetProperty("productCode").ValueKind);
        Assert.Equal(500_000, budgetRow.GetProperty("assignedBudgetCents").GetInt64());

        var total = root.GetProperty("totals")[0];
        Assert.Equal(
            [
                "gemeente", "agb", "month", "assignmentCount", "assignedValueCents", "assignedBudgetCents", "declaredCount",
                "declaredAmountCents", "approvedCount", "approvedAmountCents", "rejectedCount", "rejectedAmountCents",
                "creditedCount", "creditedAmountCents", "netApprovedAmountCents", "flags",
            ],
            Names(total));
        Assert.Equal(80_000, total.GetProperty("netApprovedAmountCents").GetInt64());
    }

    [Fact]
    public void Budget_use_report_shape()
    {
        var reference = new ReferenceSet([], [], MarchScenario.Reference.Contracts, [new Budget(G1, P1, 2025, 200_000)]);
        var report = BudgetUseCalculator.Compute(new BudgetUseQuery { AsOf = D(2025, 3, 31) }, MarchScenario.Assignments, MarchScenario.Prestaties, reference);

        using var doc = JsonDocument.Parse(ReconciliationJson.Serialize(report));
        var root = doc.RootElement;

        Assert.Equal(["asOf", "year", "amberFrom", "redFrom", "openFrom", "rows"], Names(root));
        Assert.Equal("2025-03-31", root.GetProperty("asOf").GetString());
        Assert.Equal(0.70m, root.GetProperty("amberFrom").GetDecimal());
        var row = root.GetProperty("rows")[0];
        Assert.Equal(
            [
                "gemeente", "agb", "year", "budgetCents", "declaredNetApprovedCents", "openAssignedCents", "forecastCents",
                "declaredUtilisation", "utilisation", "declaredColour", "colour", "currentAssignmentCount", "flags",
            ],
            Names(row));
        Assert.Equal(200_000, row.GetProperty("budgetCents").GetInt64());
        Assert.Contains(row.GetProperty("colour").GetString(), new[] { "green", "amber", "red" });
        Assert.All(
            root.GetProperty("rows").EnumerateArray().Skip(1),
            r => Assert.Equal(("unknown", JsonValueKind.Null), (r.GetProperty("colour").GetString(), r.GetProperty("utilisation").ValueKind)));
    }

    [Fact]
    public void No_bsn_in_any_json()
    {
        var json = ReconciliationJson.Serialize(MarchReport())
            + ReconciliationJson.Serialize(BudgetUseCalculator.Compute(new BudgetUseQuery { AsOf = D(2025, 12, 31) }, MarchScenario.Assignments, MarchScenario.Prestaties, MarchScenario.Reference));

        Assert.DoesNotContain(Bsn1, json, StringComparison.Ordinal);
        Assert.DoesNotContain(Bsn2, json, StringComparison.Ordinal);
        Assert.DoesNotContain("bsn", json, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Stream_writer_writes_utf8_without_bom()
    {
        using var stream = new MemoryStream();

        await ReconciliationJson.WriteAsync(stream, MarchReport());

        var bytes = stream.ToArray();
        Assert.Equal((byte)'{', bytes[0]);
        using var doc = JsonDocument.Parse(bytes);
        Assert.Equal(6, doc.RootElement.GetProperty("rows").GetArrayLength());
    }

    [Fact]
    public void Month_converter_reads_what_it_writes()
    {
        var options = new JsonSerializerOptions { Converters = { new YearMonthJsonConverter() } };
        var json = JsonSerializer.Serialize(D(2025, 11, 1), options);

        Assert.Equal("\"2025-11\"", json);
        Assert.Equal(D(2025, 11, 1), JsonSerializer.Deserialize<DateOnly>(json, options));
    }
}
