using Berichtenverkeer.ReferenceData;
using Berichtenverkeer.ReferenceData.Import;

namespace Berichtenverkeer.Store.Tests;

public sealed class ReferenceStoreTests
{
    private static readonly Contract ContractA = new("0363", "42420001", "45", "45A04", "04", 9_550, new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31));
    private static readonly Contract ContractB = new("0363", "42420001", "45", "45A05", "01", 160, new DateOnly(2025, 1, 1), null);
    private static readonly Beschikking Beschikking1 = new("0363", "B-1", "123456782", "45", "45A04", new DateOnly(2025, 1, 1), null, 10, "04", "2");
    private static readonly Beschikking Beschikking2 = new("0363", "B-2", "123456782", "54", null, new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31), null, null, null);
    private static readonly Beschikking OtherClient = new("0363", "B-3", "111222333", "45", "45A04", new DateOnly(2025, 1, 1), null, 10, "04", "2");
    private static readonly Beschikking OtherGemeente = new("0599", "B-1", "123456782", "45", "45A04", new DateOnly(2025, 1, 1), null, 10, "04", "2");
    private static readonly Budget Budget2025 = new("0363", "42420001", 2025, 1_000_000);
    private static readonly GemeenteCode Amsterdam = new("0363", "Amsterdam", new DateOnly(1900, 1, 1), null);
    private static readonly GemeenteCode Old = new("0001", "Opgeheven", new DateOnly(1900, 1, 1), new DateOnly(2018, 12, 31));
    private static readonly ProductCode National = new("45", "45A04", null, null, null);
    private static readonly ProductCode Own = new("45", "45X99", "0363", new DateOnly(2025, 1, 1), null);

    [Theory, OnSqlite, OnPostgres]
    public async Task Replace_all_then_load_the_reference_set(string provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        await test.Store.ReplaceAsync(new ReferenceReplacement
        {
            Contracts = [ContractA, ContractB],
            Beschikkingen = [Beschikking1, Beschikking2, OtherClient, OtherGemeente],
            Budgets = [Budget2025],
            Gemeenten = [Amsterdam, Old],
            ProductCodes = [National, Own],
        });

        var set = await test.Store.LoadReferenceSetAsync();

        Assert.Equal([ContractA, ContractB], set.Contracts);
        Assert.Equal([Budget2025], set.Budgets);
        Assert.Equal([Amsterdam, Old], set.Gemeenten);
        Assert.Equal([National, Own], set.ProductCodes);
        Assert.True(set.IsKnownGemeente("0363", new DateOnly(2025, 6, 1)));
        Assert.False(set.IsKnownGemeente("0001", new DateOnly(2025, 6, 1)));
        Assert.Equal(ContractA, set.ContractFor("0363", "42420001", "45", "45A04", new DateOnly(2025, 6, 1)));
        Assert.Equal(1_000_000, set.BudgetFor("0363", "42420001", 2025));
        Assert.True(set.ProductCodeBelongs("45", "45X99", "0363", new DateOnly(2025, 6, 1)));
    }

    private static readonly Pgb PgbCoded = new("0363", "123456782", "45", "45A04", new DateOnly(2025, 3, 1), null);
    private static readonly Pgb PgbCategorie = new("0599", "123456782", "54", null, new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31));
    private static readonly BundleComponent BundleOwn = new("0363", "42420001", "45", "45A20", "45A10");
    private static readonly BundleComponent BundleAll = new(null, null, "45", "45A20", "45A11");

    [Theory, OnSqlite, OnPostgres]
    public async Task Pgb_register_and_bundle_table_round_trip_with_their_empty_cells(string provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        await test.Store.ReplaceAsync(new ReferenceReplacement { Contracts = [ContractA], Pgbs = [PgbCoded, PgbCategorie], Bundles = [BundleOwn, BundleAll] });

        var set = await test.Store.LoadReferenceSetAsync();

        Assert.Equal([PgbCoded, PgbCategorie], set.Pgbs);
        Assert.Equal([PgbCoded, PgbCategorie], set.PgbsFor("123456782"));
        Assert.Equal([BundleOwn, BundleAll], set.Bundles);

        // A later import of only the bundle table clears it without touching the PGB rows; duplicate keys (empty = all) are refused.
        await test.Store.ReplaceAsync(new ReferenceReplacement { Bundles = [] });
        await Assert.ThrowsAsync<InvalidOperationException>(() => test.Store.ReplaceAsync(new ReferenceReplacement { Pgbs = [], Bundles = [BundleAll, BundleAll] }));
        var after = await test.Store.LoadReferenceSetAsync();
        Assert.Empty(after.Bundles);
        Assert.Equal([PgbCoded, PgbCategorie], after.Pgbs);
        Assert.Equal([ContractA], after.Contracts);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Replacing_one_kind_leaves_the_others_and_an_empty_list_clears_a_kind(string provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        await test.Store.ReplaceAsync(new ReferenceReplacement { Contracts = [ContractA], Budgets = [Budget2025], Gemeenten = [Amsterdam] });

        await test.Store.ReplaceAsync(new ReferenceReplacement { Contracts = [ContractB], Budgets = [] });

        var set = await test.Store.LoadReferenceSetAsync();
        Assert.Equal([ContractB], set.Contracts);
        Assert.Empty(set.Budgets);
        Assert.Equal([Amsterdam], set.Gemeenten);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_replacement_with_duplicate_keys_fails_as_a_whole(string provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        await test.Store.ReplaceAsync(new ReferenceReplacement { Contracts = [ContractA], Gemeenten = [Amsterdam] });

        await Assert.ThrowsAsync<InvalidOperationException>(() => test.Store.ReplaceAsync(new ReferenceReplacement
        {
            Gemeenten = [Old],
            Contracts = [ContractB, ContractB with { Tarief = 1 }],
        }));

        var set = await test.Store.LoadReferenceSetAsync();
        Assert.Equal([ContractA], set.Contracts);
        Assert.Equal([Amsterdam], set.Gemeenten);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Beschikkingen_are_queried_per_municipality_and_client(string provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        await test.Store.ReplaceAsync(new ReferenceReplacement { Beschikkingen = [Beschikking1, Beschikking2, OtherClient, OtherGemeente] });

        Assert.Equal([Beschikking2, Beschikking1], await test.Store.BeschikkingenForAsync("0363", "123456782"));
        Assert.Equal([OtherClient], await test.Store.BeschikkingenForAsync("0363", "111222333"));
        Assert.Empty(await test.Store.BeschikkingenForAsync("0363", "999998456"));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Importing_the_same_folder_twice_changes_nothing(string provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        var folder = Directory.CreateTempSubdirectory("bvt-import-");
        try
        {
            await File.WriteAllTextAsync(Path.Combine(folder.FullName, "contracten.csv"),
                "gemeente;agb;productcategorie;productcode;eenheid;tarief;geldig_van;geldig_tot\n0363;42420001;45;45A04;04;9550;2025-01-01;2025-12-31\n0363;42420001;45;45A05;01;160;2025-01-01;\n");
            await File.WriteAllTextAsync(Path.Combine(folder.FullName, "beschikkingen.csv"),
                "gemeente,beschikkingnummer,bsn,productcategorie,productcode,geldig_van,geldig_tot,volume,eenheid,frequentie\n0363,B-1,123456782,45,45A04,2025-01-01,,10,04,2\n");
            await File.WriteAllTextAsync(Path.Combine(folder.FullName, "gemeenten.csv"), "code;naam;geldig_van;geldig_tot\n0363;Amsterdam;1900-01-01;\n");

            var first = await ReferenceImporter.ImportFolderAsync(folder.FullName, test.Store);
            var afterFirst = await test.Store.LoadReferenceSetAsync();
            var beschikkingenAfterFirst = await test.Store.BeschikkingenForAsync("0363", "123456782");
            var second = await ReferenceImporter.ImportFolderAsync(folder.FullName, test.Store);
            var afterSecond = await test.Store.LoadReferenceSetAsync();

            Assert.True(first.Succeeded, first.ToString());
            Assert.Equal(first.Counts, second.Counts);
            Assert.Equal(2, first.Counts[ReferenceKind.Contracten]);
            Assert.Equal(afterFirst.Contracts, afterSecond.Contracts);
            Assert.Equal(afterFirst.Gemeenten, afterSecond.Gemeenten);
            Assert.Equal(2, afterSecond.Contracts.Count);
            Assert.Equal(beschikkingenAfterFirst, await test.Store.BeschikkingenForAsync("0363", "123456782"));
            Assert.Single(beschikkingenAfterFirst);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
