using System.Text;
using Berichtenverkeer.ReferenceData.Import;

namespace Berichtenverkeer.ReferenceData.Tests;

public sealed class CsvParsingTests
{
    private const string ContractHeader = "gemeente;agb;productcategorie;productcode;eenheid;tarief;geldig_van;geldig_tot";
    private const string ValidContract = "0363;42420001;45;45A04;04;9550;2025-01-01;2025-12-31";

    [Fact]
    public void Semicolon_separated_contracts()
    {
        var result = ReferenceCsv.ParseContracts(ContractHeader + "\r\n" + ValidContract + "\r\n0363;42420001;45;45A05;01;160;2025-01-01;\r\n");

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal(
            [
                new Contract("0363", "42420001", "45", "45A04", "04", 9550, new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31)),
                new Contract("0363", "42420001", "45", "45A05", "01", 160, new DateOnly(2025, 1, 1), null),
            ],
            result.Records);
    }

    [Fact]
    public void Comma_separated_with_columns_in_any_order_and_any_case()
    {
        var result = ReferenceCsv.ParseContracts(
            "Tarief,GEMEENTE,agb,Geldig_Van,geldig_tot,productcategorie,productcode,eenheid\n9550,0363,42420001,2025-01-01,,45,45A04,04\n");

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal(new Contract("0363", "42420001", "45", "45A04", "04", 9550, new DateOnly(2025, 1, 1), null), Assert.Single(result.Records));
    }

    [Fact]
    public void A_byte_order_mark_is_skipped()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("code;naam;geldig_van;geldig_tot\n0363;Amsterdam;1900-01-01;\n")).ToArray();

        var result = ReferenceCsv.Parse(ReferenceKind.Gemeenten, new MemoryStream(bytes), "gemeenten.csv");

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal(new GemeenteCode("0363", "Amsterdam", new DateOnly(1900, 1, 1), null), Assert.Single(result.Records));
    }

    [Fact]
    public void Without_a_byte_order_mark_too_and_non_ascii_names_survive()
    {
        var bytes = Encoding.UTF8.GetBytes("code;naam;geldig_van;geldig_tot\n1680;Aa en Hunze – Ëlsloo;1998-01-01;\n");

        var result = ReferenceCsv.Parse(ReferenceKind.Gemeenten, new MemoryStream(bytes), "gemeenten.csv");

        Assert.Equal("Aa en Hunze – Ëlsloo", Assert.IsType<GemeenteCode>(Assert.Single(result.Records)).Naam);
    }

    [Fact]
    public void Text_that_is_not_utf8_is_refused()
    {
        var latin1 = new byte[] { (byte)'c', (byte)'o', (byte)'d', (byte)'e', (byte)';', 0xEB, (byte)'\n' };

        var result = ReferenceCsv.Parse(ReferenceKind.Gemeenten, new MemoryStream(latin1), "gemeenten.csv");

        Assert.Contains("UTF-8", Assert.Single(result.Errors).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Quoted_fields_hold_separators_quotes_and_line_breaks()
    {
        var text = "code;naam;geldig_van;geldig_tot\n"
            + "\"0363\";\"Amsterdam; de hoofdstad\";2000-01-01;\n"
            + "0599;\"Rotterdam \"\"aan de Maas\"\"\";2000-01-01;\"\"\n"
            + "0014;\"Groningen\nstad\";2000-01-01;\n"
            + "0034;Almere;2000-01-01;2000-01-0\n";

        var result = ReferenceCsv.ParseGemeenten(text);

        // The multi-line record starts on line 4, so the bad date after it is on line 6.
        var error = Assert.Single(result.Errors);
        Assert.Equal(6, error.Line);
        Assert.Equal("geldig_tot", error.Column);
        var fixedResult = ReferenceCsv.ParseGemeenten(text.Replace("2000-01-0\n", "2000-01-09\n", StringComparison.Ordinal));
        Assert.Equal(["Amsterdam; de hoofdstad", "Rotterdam \"aan de Maas\"", "Groningen\nstad", "Almere"], fixedResult.Records.Select(g => g.Naam));
    }

    [Fact]
    public void Empty_lines_and_rows_of_only_separators_are_skipped()
    {
        var result = ReferenceCsv.ParseBudgets("gemeente;agb;jaar;bedrag\n\n0363;42420001;2025;100000\n;;;\n\n");

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Single(result.Records);
    }

    [Fact]
    public void Separator_detection_uses_the_header()
    {
        Assert.Equal(';', CsvTable.DetectSeparator("a;b;c\n1,2;3;4"));
        Assert.Equal(',', CsvTable.DetectSeparator("a,b,c\n1;2,3,4"));
        Assert.Equal(',', CsvTable.DetectSeparator("\"a;x\",b,c\n"));
    }

    [Theory]
    [InlineData("gemeente;agb;jaar", "bedrag", "is missing from the header")]
    [InlineData("gemeente;agb;jaar;bedrag;opmerking", "opmerking", "is not a known column")]
    [InlineData("gemeente;agb;jaar;bedrag;jaar", "jaar", "occurs twice in the header")]
    public void Header_problems_are_reported_on_line_1(string header, string column, string reason)
    {
        var result = ReferenceCsv.ParseBudgets(header + "\n0363;42420001;2025;1\n");

        var error = Assert.Single(result.Errors, e => e.Column == column);
        Assert.Equal(1, error.Line);
        Assert.Contains(reason, error.Reason, StringComparison.Ordinal);
        Assert.Empty(result.Records);
    }

    [Fact]
    public void An_empty_file_needs_a_header()
    {
        Assert.Contains("header", Assert.Single(ReferenceCsv.ParseBudgets("").Errors).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_row_with_a_wrong_number_of_fields()
    {
        var result = ReferenceCsv.ParseBudgets("gemeente;agb;jaar;bedrag\n0363;42420001;2025\n");

        Assert.Equal("budgetten.csv line 2: has 3 fields where the header has 4 (separator ';')", Assert.Single(result.Errors).ToString());
    }

    [Fact]
    public void An_unclosed_quote()
    {
        var result = ReferenceCsv.ParseGemeenten("code;naam;geldig_van;geldig_tot\n0363;\"Amsterdam;2000-01-01;\n");

        var error = Assert.Single(result.Errors);
        Assert.Equal(2, error.Line);
        Assert.Contains("never closed", error.Reason, StringComparison.Ordinal);
    }
}
