using Berichtenverkeer.ReferenceData.Import;

namespace Berichtenverkeer.ReferenceData.Tests;

/// <summary>pgb.csv (PGB register extract, FR22) and bundels.csv (contract bundle table, FR31): row checks, all-or-nothing, no BSN in errors.</summary>
public sealed class PgbAndBundleCsvTests : IDisposable
{
    private const string PgbHeader = "gemeente;bsn;productcategorie;productcode;geldig_van;geldig_tot";
    private const string PgbRow = "0363;123456782;45;45A04;2025-03-01;";
    private const string BundleHeader = "gemeente;agb;productcategorie;bundelcode;productcode";
    private const string BundleRow = "0363;42420001;45;45A20;45A10";

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("bv-import-pgb-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public void Pgb_rows_are_read_with_an_optional_code_and_end()
    {
        var result = ReferenceCsv.ParsePgbs($"{PgbHeader}\n{PgbRow}\n0363;123456782;54;;2025-01-01;2025-06-30\n");

        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        Assert.Equal(
            [new Pgb("0363", "123456782", "45", "45A04", new DateOnly(2025, 3, 1), null), new Pgb("0363", "123456782", "54", null, new DateOnly(2025, 1, 1), new DateOnly(2025, 6, 30))],
            result.Records);
    }

    public static TheoryData<string, string?, string> PgbRows => new()
    {
        { "0363;123456789;45;45A04;2025-01-01;", "bsn", "fails the 11-test" },
        { "0363;12345678;45;45A04;2025-01-01;", "bsn", "must be 9 digits; leading zeros lost? format the column as text" },
        { "0363;;45;45A04;2025-01-01;", "bsn", "is empty" },
        { "363;123456782;45;45A04;2025-01-01;", "gemeente", "must be 4 digits (a CBS municipality code); leading zeros lost? format the column as text" },
        { "0363;123456782;30;45A04;2025-01-01;", "productcategorie", "is not a JZ020 product category (31–38, 40–55)" },
        { "0363;123456782;45;45A04XX;2025-01-01;", "productcode", "must be 1 to 5 letters or digits (LDT_ProductCode)" },
        { "0363;123456782;45;45A04;;", "geldig_van", "is empty" },
        { "0363;123456782;45;45A04;2025-01-01;2024-12-31", "geldig_tot", "lies before geldig_van" },
        { "0363;123456782;45;45A04;2025-03-01;", null, "repeats line 2 (same gemeente, bsn, productcategorie, productcode, geldig_van)" },
    };

    [Theory, MemberData(nameof(PgbRows))]
    public void Pgb_checks(string row, string? column, string reason) =>
        AssertOneError(ReferenceCsv.ParsePgbs($"{PgbHeader}\n{PgbRow}\n{row}\n"), "pgb.csv", column, reason);

    [Fact]
    public void A_bsn_in_the_pgb_file_never_appears_in_an_error()
    {
        var result = ReferenceCsv.ParsePgbs($"{PgbHeader}\n{PgbRow}\n0363;123456789;45;45A04;2025-01-01;\n0363;987654321X;45;45A04;2025-01-01;\n0363;111222333;45;45A04;2025-01-01;2024-01-01\n");

        Assert.Empty(result.Records);
        Assert.Equal(
            ["pgb.csv line 3: bsn fails the 11-test", "pgb.csv line 4: bsn must be 9 digits", "pgb.csv line 5: geldig_tot lies before geldig_van"],
            result.Errors.Select(e => e.ToString()));
        Assert.DoesNotContain(result.Errors, e => new[] { "123456789", "98765432", "111222333" }.Any(b => e.ToString().Contains(b, StringComparison.Ordinal)));
    }

    [Fact]
    public void Bundle_rows_with_empty_gemeente_and_agb_apply_to_all()
    {
        var result = ReferenceCsv.ParseBundles($"{BundleHeader}\n{BundleRow}\n;;45;45A20;45A11\n");

        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        Assert.Equal([new BundleComponent("0363", "42420001", "45", "45A20", "45A10"), new BundleComponent(null, null, "45", "45A20", "45A11")], result.Records);
        Assert.True(result.Records[1].AppliesTo("0599", "12345678"));
        Assert.False(result.Records[0].AppliesTo("0599", "42420001"));
    }

    public static TheoryData<string, string?, string> BundleRows => new()
    {
        { "0363;4242001;45;45A20;45A11", "agb", "must be 8 digits (an AGB code); leading zeros lost? format the column as text" },
        { "03a3;42420001;45;45A20;45A11", "gemeente", "must be 4 digits (a CBS municipality code)" },
        { "0363;42420001;;45A20;45A11", "productcategorie", "is empty" },
        { "0363;42420001;45;;45A11", "bundelcode", "is empty" },
        { "0363;42420001;45;45A20;", "productcode", "is empty" },
        { "0363;42420001;45;45A20;45A20", "productcode", "equals bundelcode (a bundle covers other codes)" },
        { "0363;42420001;45;45A20;45A10", null, "repeats line 2 (same gemeente, agb, productcategorie, bundelcode, productcode)" },
    };

    [Theory, MemberData(nameof(BundleRows))]
    public void Bundle_checks(string row, string? column, string reason) =>
        AssertOneError(ReferenceCsv.ParseBundles($"{BundleHeader}\n{BundleRow}\n{row}\n"), "bundels.csv", column, reason);

    [Fact]
    public async Task A_folder_with_pgb_and_bundels_is_imported_and_loaded_into_the_reference_set()
    {
        Write("pgb.csv", $"{PgbHeader}\n{PgbRow}\n");
        Write("Bundels.csv", $"{BundleHeader}\n{BundleRow}\n;;45;45A20;45A11\n");
        var store = new InMemoryReferenceStore();

        var report = await ReferenceImporter.ImportFolderAsync(_folder.FullName, store);

        Assert.True(report.Succeeded, report.ToString());
        Assert.Equal("imported 1 pgb, 2 bundels", report.ToString());
        var set = await store.LoadReferenceSetAsync();
        Assert.Equal("45A04", Assert.Single(set.PgbsFor("123456782")).ProductCode);
        Assert.Empty(set.PgbsFor("111222333"));
        Assert.Equal(2, set.Bundles.Count);
    }

    [Fact]
    public async Task A_bad_bundle_row_imports_neither_file()
    {
        var store = new InMemoryReferenceStore();
        Write("pgb.csv", $"{PgbHeader}\n{PgbRow}\n");
        Write("bundels.csv", $"{BundleHeader}\n{BundleRow}\n0363;42420001;45;45A20;45A20\n");

        var report = await ReferenceImporter.ImportFolderAsync(_folder.FullName, store);

        Assert.False(report.Succeeded);
        Assert.Equal("bundels.csv line 3: productcode equals bundelcode (a bundle covers other codes)", Assert.Single(report.Errors).ToString());
        Assert.Equal(0, store.ReplaceCount);
        var set = await store.LoadReferenceSetAsync();
        Assert.Empty(set.Pgbs);
        Assert.Empty(set.Bundles);
    }

    private void Write(string name, string text) => File.WriteAllText(Path.Combine(_folder.FullName, name), text);

    private static void AssertOneError<T>(CsvParseResult<T> result, string file, string? column, string reason)
    {
        Assert.Empty(result.Records);
        Assert.Equal(new ImportError(file, 3, column, reason), Assert.Single(result.Errors));
    }
}
