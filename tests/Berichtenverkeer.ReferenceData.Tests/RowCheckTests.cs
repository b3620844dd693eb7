using Berichtenverkeer.ReferenceData.Import;

namespace Berichtenverkeer.ReferenceData.Tests;

/// <summary>Every column check, each with one failing row on line 3 (line 2 is valid): the error names line and column.</summary>
public sealed class RowCheckTests
{
    private const string ContractHeader = "gemeente;agb;productcategorie;productcode;eenheid;tarief;geldig_van;geldig_tot";
    private const string Contract = "0363;42420001;45;45A04;04;9550;2025-01-01;2025-12-31";
    private const string BeschikkingHeader = "gemeente;beschikkingnummer;bsn;productcategorie;productcode;geldig_van;geldig_tot;volume;eenheid;frequentie";
    private const string Beschikking = "0363;B-1;123456782;45;45A04;2025-01-01;2025-12-31;10;04;2";
    private const string BudgetHeader = "gemeente;agb;jaar;bedrag";
    private const string Budget = "0363;42420001;2025;100000";
    private const string GemeenteHeader = "code;naam;geldig_van;geldig_tot";
    private const string Gemeente = "0363;Amsterdam;1900-01-01;";
    private const string ProductCodeHeader = "categorie;code;gemeente;geldig_van;geldig_tot";
    private const string ProductCode = "45;45A04;;;";

    public static TheoryData<string, string, string> ContractRows => new()
    {
        { "363;42420001;45;45A04;04;9550;2025-01-02;", "gemeente", "must be 4 digits (a CBS municipality code); leading zeros lost? format the column as text" },
        { "03a3;42420001;45;45A04;04;9550;2025-01-02;", "gemeente", "must be 4 digits (a CBS municipality code)" },
        { ";42420001;45;45A04;04;9550;2025-01-02;", "gemeente", "is empty" },
        { "0363;4242001;45;45A04;04;9550;2025-01-02;", "agb", "must be 8 digits (an AGB code); leading zeros lost? format the column as text" },
        { "0363;42420001;39;45A04;04;9550;2025-01-02;", "productcategorie", "is not a JZ020 product category (31–38, 40–55)" },
        { "0363;42420001;45;45A04X;04;9550;2025-01-02;", "productcode", "must be 1 to 5 letters or digits (LDT_ProductCode)" },
        { "0363;42420001;45;;04;9550;2025-01-02;", "productcode", "is empty" },
        { "0363;42420001;45;45A04;4;9550;2025-01-02;", "eenheid", "is not a WJ756 unit (01, 04, 14, 16, 82, 83, 84); leading zeros lost? format the column as text" },
        { "0363;42420001;45;45A04;05;9550;2025-01-02;", "eenheid", "is not a WJ756 unit (01, 04, 14, 16, 82, 83, 84)" },
        { "0363;42420001;45;45A04;04;-1;2025-01-02;", "tarief", "may not be negative" },
        { "0363;42420001;45;45A04;04;95,50;2025-01-02;", "tarief", "is not a whole number (amounts in euro cents, no separators)" },
        { "0363;42420001;45;45A04;04;9550;01-02-2025;", "geldig_van", "is not a date (yyyy-MM-dd)" },
        { "0363;42420001;45;45A04;04;9550;2025-02-30;", "geldig_van", "is not a date (yyyy-MM-dd)" },
        { "0363;42420001;45;45A04;04;9550;2025-01-02;2025-01-01", "geldig_tot", "lies before geldig_van" },
    };

    [Theory, MemberData(nameof(ContractRows))]
    public void Contract_checks(string row, string column, string reason) =>
        AssertOneError(ReferenceCsv.ParseContracts($"{ContractHeader}\n{Contract}\n{row}\n"), "contracten.csv", column, reason);

    public static TheoryData<string, string, string> BeschikkingRows => new()
    {
        { "0363;B-2;123456789;45;45A04;2025-01-01;;10;04;2", "bsn", "fails the 11-test" },
        { "0363;B-2;12345678;45;45A04;2025-01-01;;10;04;2", "bsn", "must be 9 digits; leading zeros lost? format the column as text" },
        { "0363;B-2;12345678A;45;45A04;2025-01-01;;10;04;2", "bsn", "must be 9 digits" },
        { "0363;;123456782;45;45A04;2025-01-01;;10;04;2", "beschikkingnummer", "is empty" },
        { "0363;B-2;123456782;30;45A04;2025-01-01;;10;04;2", "productcategorie", "is not a JZ020 product category (31–38, 40–55)" },
        { "0363;B-2;123456782;45;45A04;2025-01-01;;10;04;3", "frequentie", "is not a WMO757 frequency (1, 2, 4, 6)" },
        { "0363;B-2;123456782;45;45A04;2025-01-01;;-5;04;2", "volume", "may not be negative" },
        { "0363;B-2;123456782;45;45A04;2025-01-01;2024-12-31;10;04;2", "geldig_tot", "lies before geldig_van" },
    };

    [Theory, MemberData(nameof(BeschikkingRows))]
    public void Beschikking_checks(string row, string column, string reason) =>
        AssertOneError(ReferenceCsv.ParseBeschikkingen($"{BeschikkingHeader}\n{Beschikking}\n{row}\n"), "beschikkingen.csv", column, reason);

    [Fact]
    public void Beschikking_omvang_is_all_or_nothing_and_may_be_empty()
    {
        var partial = ReferenceCsv.ParseBeschikkingen($"{BeschikkingHeader}\n{Beschikking}\n0363;B-2;123456782;45;;2025-01-01;;10;;\n");
        Assert.Equal("beschikkingen.csv line 3: volume, eenheid and frequentie must be filled together or left empty together", Assert.Single(partial.Errors).ToString());

        var aspecific = ReferenceCsv.ParseBeschikkingen($"{BeschikkingHeader}\n0363;B-2;123456782;54;;2025-01-01;;;;\n");
        Assert.Equal(new ReferenceData.Beschikking("0363", "B-2", "123456782", "54", null, new DateOnly(2025, 1, 1), null, null, null, null), Assert.Single(aspecific.Records));
    }

    [Fact]
    public void A_bsn_never_appears_in_an_error()
    {
        var result = ReferenceCsv.ParseBeschikkingen($"{BeschikkingHeader}\n{Beschikking}\n0363;B-2;123456789;45;45A04;2025-01-01;;10;04;2\n0363;B-3;987654321X;45;45A04;2025-01-01;;10;04;2\n");

        Assert.Equal(["beschikkingen.csv line 3: bsn fails the 11-test", "beschikkingen.csv line 4: bsn must be 9 digits"], result.Errors.Select(e => e.ToString()));
        Assert.DoesNotContain(result.Errors, e => e.ToString().Contains("12345678", StringComparison.Ordinal) || e.ToString().Contains("98765432", StringComparison.Ordinal));
    }

    public static TheoryData<string, string, string> BudgetRows => new()
    {
        { "0363;42420001;25;100", "jaar", "is not a year (yyyy)" },
        { "0363;42420001;2026;-100", "bedrag", "may not be negative" },
        { "0363;42420001;2026;", "bedrag", "is empty" },
        { "0363;4242000A;2026;100", "agb", "must be 8 digits (an AGB code)" },
    };

    [Theory, MemberData(nameof(BudgetRows))]
    public void Budget_checks(string row, string column, string reason) =>
        AssertOneError(ReferenceCsv.ParseBudgets($"{BudgetHeader}\n{Budget}\n{row}\n"), "budgetten.csv", column, reason);

    public static TheoryData<string, string, string> GemeenteRows => new()
    {
        { "036;Amsterdam;1900-01-01;", "code", "must be 4 digits (a CBS municipality code); leading zeros lost? format the column as text" },
        { "0599;;1900-01-01;", "naam", "is empty" },
        { "0599;Rotterdam;;", "geldig_van", "is empty" },
        { "0599;Rotterdam;2000-01-01;1999-12-31", "geldig_tot", "lies before geldig_van" },
    };

    [Theory, MemberData(nameof(GemeenteRows))]
    public void Gemeente_checks(string row, string column, string reason) =>
        AssertOneError(ReferenceCsv.ParseGemeenten($"{GemeenteHeader}\n{Gemeente}\n{row}\n"), "gemeenten.csv", column, reason);

    public static TheoryData<string, string, string> ProductCodeRows => new()
    {
        { "99;45A04;;;", "categorie", "is not a JZ020 product category (31–38, 40–55)" },
        { "45;;;;", "code", "is empty" },
        { "45;45A05;36;;", "gemeente", "must be 4 digits (a CBS municipality code); leading zeros lost? format the column as text" },
        { "45;45A05;;2025-13-01;", "geldig_van", "is not a date (yyyy-MM-dd)" },
        { "45;45A05;;2025-06-01;2025-05-31", "geldig_tot", "lies before geldig_van" },
    };

    [Theory, MemberData(nameof(ProductCodeRows))]
    public void Product_code_checks(string row, string column, string reason) =>
        AssertOneError(ReferenceCsv.ParseProductCodes($"{ProductCodeHeader}\n{ProductCode}\n{row}\n"), "productcodes.csv", column, reason);

    [Fact]
    public void Product_codes_of_the_national_list_and_of_a_municipality()
    {
        var result = ReferenceCsv.ParseProductCodes($"{ProductCodeHeader}\n{ProductCode}\n45;45X99;0363;2025-01-01;\n");

        Assert.Equal(
            [new ReferenceData.ProductCode("45", "45A04", null, null, null), new ReferenceData.ProductCode("45", "45X99", "0363", new DateOnly(2025, 1, 1), null)],
            result.Records);
    }

    [Theory]
    [InlineData("contracten", "0363;42420001;45;45A04;01;100;2025-01-01;", "same gemeente, agb, productcategorie, productcode, geldig_van")]
    [InlineData("budgetten", "0363;42420001;2025;5", "same gemeente, agb, jaar")]
    [InlineData("gemeenten", "0363;Amsterdam (oud);1900-01-01;", "same code, geldig_van")]
    [InlineData("productcodes", "45;45A04;;;2030-01-01", "same categorie, code, gemeente, geldig_van")]
    [InlineData("beschikkingen", "0363;B-1;111222333;45;45A04;2025-01-01;;;;", "same gemeente, beschikkingnummer, productcategorie, productcode, geldig_van")]
    public void Duplicate_keys_within_a_file(string kind, string duplicate, string reason)
    {
        var (header, first, parse) = kind switch
        {
            "contracten" => (ContractHeader, Contract, (Func<string, IReadOnlyList<ImportError>>)(t => ReferenceCsv.ParseContracts(t).Errors)),
            "budgetten" => (BudgetHeader, Budget, t => ReferenceCsv.ParseBudgets(t).Errors),
            "gemeenten" => (GemeenteHeader, Gemeente, t => ReferenceCsv.ParseGemeenten(t).Errors),
            "productcodes" => (ProductCodeHeader, ProductCode, t => ReferenceCsv.ParseProductCodes(t).Errors),
            _ => (BeschikkingHeader, Beschikking, t => ReferenceCsv.ParseBeschikkingen(t).Errors),
        };

        var error = Assert.Single(parse($"{header}\n{first}\n{duplicate}\n"));

        Assert.Equal(3, error.Line);
        Assert.Equal($"repeats line 2 ({reason})", error.Reason);
    }

    [Fact]
    public void All_or_nothing_one_bad_row_returns_no_records_and_every_error()
    {
        var result = ReferenceCsv.ParseContracts($"{ContractHeader}\n{Contract}\n0363;42420001;45;45A05;04;9550;2025-01-01;\n0363;1;45;45A06;04;x;2025-01-01;\n");

        Assert.Empty(result.Records);
        Assert.Equal(
            ["contracten.csv line 4: agb must be 8 digits (an AGB code); leading zeros lost? format the column as text",
             "contracten.csv line 4: tarief is not a whole number (amounts in euro cents, no separators)"],
            result.Errors.Select(e => e.ToString()));
    }

    private static void AssertOneError<T>(CsvParseResult<T> result, string file, string column, string reason)
    {
        Assert.Empty(result.Records);
        var error = Assert.Single(result.Errors);
        Assert.Equal(new ImportError(file, 3, column, reason), error);
        Assert.Equal($"{file} line 3: {column} {reason}", error.ToString());
    }
}
