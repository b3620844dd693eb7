using System.Text;
using Berichtenverkeer.Reconciliation.Export;
using static Berichtenverkeer.Reconciliation.Tests.TestData;

namespace Berichtenverkeer.Reconciliation.Tests;

public class CsvTests
{
    private static ReconciliationReport MarchReport() =>
        Reconciler.Reconcile(ReconciliationQuery.ForMonth(2025, 3), MarchScenario.Assignments, MarchScenario.Prestaties, MarchScenario.Reference);

    private static string Text(byte[] bytes)
    {
        Assert.True(bytes.AsSpan().StartsWith(Csv.Bom), "file starts with the UTF-8 BOM");
        return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes, 3, bytes.Length - 3);
    }

    [Fact]
    public void Rows_file_has_bom_header_and_semicolons()
    {
        var bytes = ReconciliationCsv.Rows(MarchReport());

        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var text = Text(bytes);
        Assert.StartsWith(
            "gemeente;agb;month;productCategorie;productCode;eenheid;assignmentCount;assignedVolume;assignedValueCents;assignedValueEuro;"
            + "assignedBudgetCents;assignedBudgetEuro;declaredCount;declaredVolume;declaredAmountCents;declaredAmountEuro;",
            text);
        Assert.EndsWith("netApprovedVolume;netApprovedAmountCents;netApprovedAmountEuro;flags\r\n", text.Split("\r\n")[0] + "\r\n");
        Assert.Equal(7, text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.DoesNotContain('\uFEFF', text);
    }

    [Fact]
    public void Rows_round_trip_with_cents_and_euros()
    {
        var report = MarchReport();
        var records = CsvParser.Parse(Text(ReconciliationCsv.Rows(report)));

        var header = records[0];
        Assert.Equal(ReconciliationCsv.RowColumns.Select(c => c.Header), header);
        Assert.All(records, r => Assert.Equal(header.Count, r.Count));

        var g1Hours = records.Single(r => r[0] == G1 && r[1] == P1 && r[4] == "45A12");
        string Field(string name) => g1Hours[header.IndexOf(name)];
        Assert.Equal("2025-03", Field("month"));
        Assert.Equal("01", Field("eenheid"));
        Assert.Equal("720", Field("assignedVolume"));
        Assert.Equal("90000", Field("assignedValueCents"));
        Assert.Equal("900.00", Field("assignedValueEuro"));
        Assert.Equal("165000", Field("declaredAmountCents"));
        Assert.Equal("1650.00", Field("declaredAmountEuro"));
        Assert.Equal("67500", Field("netApprovedAmountCents"));
        Assert.Equal("675.00", Field("netApprovedAmountEuro"));

        var noContract = records.Single(r => r[0] == G2 && r[1] == P2);
        Assert.Equal(string.Empty, noContract[header.IndexOf("assignedValueCents")]);
        Assert.Equal(string.Empty, noContract[header.IndexOf("assignedValueEuro")]);
        Assert.Equal("no-contract", noContract[header.IndexOf("flags")]);

        var budget = records.Single(r => r[1] == P2 && r[0] == G1 && r[4] == string.Empty);
        Assert.Equal("5000.00", budget[header.IndexOf("assignedBudgetEuro")]);
    }

    [Fact]
    public void Fields_with_separator_quotes_and_line_breaks_are_quoted_and_survive()
    {
        const string nasty = "A;\"B\"";
        const string multiLine = "x\r\ny";
        var row = new ReconciliationRow
        {
            Gemeente = G1,
            Agb = P1,
            Month = D(2025, 3, 1),
            ProductCategorie = multiLine,
            ProductCode = nasty,
            Flags = ["a;b", "c"],
        };

        var text = Text(Csv.ToBytes(ReconciliationCsv.RowColumns, [row]));

        Assert.Contains(";\"A;\"\"B\"\"\";", text, StringComparison.Ordinal);
        var records = CsvParser.Parse(text);
        Assert.Equal(2, records.Count);
        Assert.Equal(multiLine, records[1][3]);
        Assert.Equal(nasty, records[1][4]);
        Assert.Equal("a;b|c", records[1][^1]);
    }

    [Theory]
    [InlineData(0L, "0.00")]
    [InlineData(5L, "0.05")]
    [InlineData(100L, "1.00")]
    [InlineData(123456L, "1234.56")]
    [InlineData(-5L, "-0.05")]
    [InlineData(-123456L, "-1234.56")]
    [InlineData(100000000000L, "1000000000.00")]
    public void Euros_use_a_point_and_two_decimals(long cents, string expected)
    {
        Assert.Equal(expected, Csv.Euro(cents));
    }

    [Theory]
    [InlineData("=SUM(A1)", "'=SUM(A1)")]
    [InlineData("+31", "'+31")]
    [InlineData("@x", "'@x")]
    [InlineData("0363", "0363")]
    public void Text_that_a_spreadsheet_would_run_as_formula_is_defused(string value, string expected)
    {
        Assert.Equal(expected, Csv.Text(value));
    }

    [Fact]
    public void Totals_and_budget_use_files_share_the_format()
    {
        var totals = Text(ReconciliationCsv.Totals(MarchReport()));
        var totalRecords = CsvParser.Parse(totals);
        Assert.Equal(ReconciliationCsv.TotalColumns.Select(c => c.Header), totalRecords[0]);
        Assert.Equal(5, totalRecords.Count);
        var g1p1 = totalRecords[1];
        Assert.Equal([G1, P1, "2025-03"], g1p1.Take(3));
        Assert.Equal("800.00", g1p1[totalRecords[0].IndexOf("netApprovedAmountEuro")]);

        var budgetUse = new BudgetUseReport
        {
            AsOf = D(2025, 6, 15),
            Year = 2025,
            AmberFrom = 0.70m,
            RedFrom = 1.00m,
            OpenFrom = D(2025, 5, 1),
            Rows =
            [
                new BudgetUseRow
                {
                    Gemeente = G1, Agb = P1, Year = 2025, BudgetCents = 1_000_000, DeclaredNetApprovedCents = 700_000,
                    OpenAssignedCents = 5, ForecastCents = 700_005, DeclaredUtilisation = 0.7m, Utilisation = 0.7000m,
                    DeclaredColour = TrafficLight.Amber, Colour = TrafficLight.Amber, CurrentAssignmentCount = 2,
                },
                new BudgetUseRow { Gemeente = G2, Agb = P2, Year = 2025, Colour = TrafficLight.Unknown, DeclaredColour = TrafficLight.Unknown },
            ],
        };
        var records = CsvParser.Parse(Text(ReconciliationCsv.BudgetUse(budgetUse)));
        Assert.Equal(ReconciliationCsv.BudgetUseColumns.Select(c => c.Header), records[0]);
        Assert.Equal(
            [G1, P1, "2025", "1000000", "10000.00", "700000", "7000.00", "5", "0.05", "700005", "7000.05", "0.7", "0.7000", "amber", "amber", "2", ""],
            records[1]);
        Assert.Equal([G2, P2, "2025", "", "", "0", "0.00", "0", "0.00", "0", "0.00", "", "", "unknown", "unknown", "0", ""], records[2]);
    }

    [Fact]
    public async Task Stream_writer_writes_the_same_bytes()
    {
        var report = MarchReport();
        using var stream = new MemoryStream();

        await ReconciliationCsv.WriteRowsAsync(stream, report);

        Assert.Equal(ReconciliationCsv.Rows(report), stream.ToArray());
    }

    [Fact]
    public void No_bsn_in_any_csv()
    {
        var report = MarchReport();
        var all = Text(ReconciliationCsv.Rows(report)) + Text(ReconciliationCsv.Totals(report));

        Assert.DoesNotContain(Bsn1, all, StringComparison.Ordinal);
        Assert.DoesNotContain(Bsn2, all, StringComparison.Ordinal);
    }
}

/// <summary>A strict RFC 4180 reader with ';' as separator, for checking what a spreadsheet would see.</summary>
internal static class CsvParser
{
    public static List<List<string>> Parse(string text)
    {
        var records = new List<List<string>>();
        var record = new List<string>();
        var field = new StringBuilder();
        var i = 0;
        var quoted = false;
        while (i < text.Length)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i += 2;
                }
                else if (c == '"')
                {
                    quoted = false;
                    i++;
                    Assert.True(i == text.Length || text[i] is ';' or '\r', "a closing quote ends the field");
                }
                else
                {
                    field.Append(c);
                    i++;
                }
            }
            else if (c == '"')
            {
                Assert.True(field.Length == 0, "a quote may only open a field");
                quoted = true;
                i++;
            }
            else if (c == ';')
            {
                record.Add(field.ToString());
                field.Clear();
                i++;
            }
            else if (c == '\r')
            {
                Assert.True(i + 1 < text.Length && text[i + 1] == '\n', "records end with CRLF");
                record.Add(field.ToString());
                field.Clear();
                records.Add(record);
                record = [];
                i += 2;
            }
            else
            {
                Assert.NotEqual('\n', c);
                field.Append(c);
                i++;
            }
        }

        Assert.False(quoted, "unterminated quote");
        Assert.True(field.Length == 0 && record.Count == 0, "the file ends with CRLF");
        return records;
    }
}
