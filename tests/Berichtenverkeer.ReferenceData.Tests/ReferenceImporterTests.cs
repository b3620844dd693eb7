using Berichtenverkeer.ReferenceData.Import;

namespace Berichtenverkeer.ReferenceData.Tests;

public sealed class ReferenceImporterTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("bv-import-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public async Task A_folder_with_every_kind_is_imported_in_one_replacement()
    {
        Write("contracten.csv", "gemeente;agb;productcategorie;productcode;eenheid;tarief;geldig_van;geldig_tot\n0363;42420001;45;45A04;04;9550;2025-01-01;\n");
        Write("beschikkingen.csv", "gemeente;beschikkingnummer;bsn;productcategorie;productcode;geldig_van;geldig_tot;volume;eenheid;frequentie\n0363;B-1;123456782;45;45A04;2025-01-01;;10;04;2\n");
        Write("Budgetten.CSV", "gemeente,agb,jaar,bedrag\n0363,42420001,2025,100000\n0363,42420001,2026,110000\n");
        Write("gemeenten.csv", "code;naam;geldig_van;geldig_tot\n0363;Amsterdam;1900-01-01;\n");
        Write("productcodes.csv", "categorie;code;gemeente;geldig_van;geldig_tot\n45;45A04;;;\n");
        Write("notities.txt", "ignored");
        var store = new InMemoryReferenceStore();

        var report = await ReferenceImporter.ImportFolderAsync(_folder.FullName, store);

        Assert.True(report.Succeeded, report.ToString());
        Assert.Equal(1, store.ReplaceCount);
        Assert.Equal(
            new Dictionary<ReferenceKind, int>
            {
                [ReferenceKind.Contracten] = 1, [ReferenceKind.Beschikkingen] = 1, [ReferenceKind.Budgetten] = 2,
                [ReferenceKind.Gemeenten] = 1, [ReferenceKind.Productcodes] = 1,
            },
            report.Counts);
        Assert.Equal("imported 1 contracten, 1 beschikkingen, 2 budgetten, 1 gemeenten, 1 productcodes", report.ToString());
        var set = await store.LoadReferenceSetAsync();
        Assert.Equal(110_000, set.BudgetFor("0363", "42420001", 2026));
        Assert.Single(await store.BeschikkingenForAsync("0363", "123456782"));
    }

    [Fact]
    public async Task One_bad_row_in_one_file_imports_nothing_at_all()
    {
        var store = new InMemoryReferenceStore();
        await store.ReplaceAsync(new ReferenceReplacement { Gemeenten = [new GemeenteCode("0599", "Rotterdam", new DateOnly(1900, 1, 1), null)] });
        Write("gemeenten.csv", "code;naam;geldig_van;geldig_tot\n0363;Amsterdam;1900-01-01;\n");
        Write("beschikkingen.csv", "gemeente;beschikkingnummer;bsn;productcategorie;productcode;geldig_van;geldig_tot;volume;eenheid;frequentie\n"
            + "0363;B-1;123456782;45;45A04;2025-01-01;;10;04;2\n0363;B-2;123456789;45;45A04;2025-01-01;;10;04;2\n");

        var report = await ReferenceImporter.ImportFolderAsync(_folder.FullName, store);

        Assert.False(report.Succeeded);
        Assert.Equal("beschikkingen.csv line 3: bsn fails the 11-test", Assert.Single(report.Errors).ToString());
        Assert.Empty(report.Counts);
        Assert.Equal(1, store.ReplaceCount);
        Assert.Equal("Rotterdam", Assert.Single((await store.LoadReferenceSetAsync()).Gemeenten).Naam);
        Assert.Empty(store.Beschikkingen);
    }

    [Fact]
    public async Task Re_importing_the_same_files_changes_nothing()
    {
        Write("contracten.csv", "gemeente;agb;productcategorie;productcode;eenheid;tarief;geldig_van;geldig_tot\n0363;42420001;45;45A04;04;9550;2025-01-01;\n0363;42420001;45;45A05;01;160;2025-01-01;2025-12-31\n");
        Write("gemeenten.csv", "code;naam;geldig_van;geldig_tot\n0363;Amsterdam;1900-01-01;\n");
        var store = new InMemoryReferenceStore();

        await ReferenceImporter.ImportFolderAsync(_folder.FullName, store);
        var first = await store.LoadReferenceSetAsync();
        var report = await ReferenceImporter.ImportFolderAsync(_folder.FullName, store);
        var second = await store.LoadReferenceSetAsync();

        Assert.True(report.Succeeded);
        Assert.Equal(first.Contracts, second.Contracts);
        Assert.Equal(first.Gemeenten, second.Gemeenten);
        Assert.Equal(first.Budgets, second.Budgets);
        Assert.Equal(first.ProductCodes, second.ProductCodes);
    }

    [Fact]
    public async Task A_kind_without_a_file_keeps_what_the_store_has()
    {
        var store = new InMemoryReferenceStore();
        await store.ReplaceAsync(new ReferenceReplacement { Budgets = [new Budget("0363", "42420001", 2025, 5)] });
        Write("gemeenten.csv", "code;naam;geldig_van;geldig_tot\n0363;Amsterdam;1900-01-01;\n");

        await ReferenceImporter.ImportFolderAsync(_folder.FullName, store);

        Assert.Equal(5, (await store.LoadReferenceSetAsync()).BudgetFor("0363", "42420001", 2025));
    }

    [Fact]
    public async Task A_folder_without_reference_files_or_a_missing_folder_is_an_error()
    {
        var store = new InMemoryReferenceStore();
        Assert.Contains("holds none of contracten.csv", (await ReferenceImporter.ImportFolderAsync(_folder.FullName, store)).ToString(), StringComparison.Ordinal);
        Assert.Contains("is not a folder", (await ReferenceImporter.ImportFolderAsync(Path.Combine(_folder.FullName, "nope"), store)).ToString(), StringComparison.Ordinal);
        Assert.Equal(0, store.ReplaceCount);
    }

    [Fact]
    public async Task A_single_file_by_kind()
    {
        Write("export-2025.csv", "gemeente;agb;jaar;bedrag\n0363;42420001;2025;100000\n");
        var store = new InMemoryReferenceStore();

        var report = await ReferenceImporter.ImportFileAsync(ReferenceKind.Budgetten, Path.Combine(_folder.FullName, "export-2025.csv"), store);

        Assert.Equal(1, report.Counts[ReferenceKind.Budgetten]);
        Assert.False((await ReferenceImporter.ImportFileAsync(ReferenceKind.Budgetten, Path.Combine(_folder.FullName, "missing.csv"), store)).Succeeded);
    }

    private void Write(string name, string content) => File.WriteAllText(Path.Combine(_folder.FullName, name), content);
}
