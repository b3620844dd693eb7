namespace Berichtenverkeer.ReferenceData.Import;

/// <summary>
/// Persistence of the reference data municipal administrations keep in spreadsheets.
/// Defined here rather than in Berichtenverkeer.Store so the importer (and anyone else who only
/// needs the port) does not depend on a database driver; the Store project implements it for
/// SQLite and PostgreSQL, <see cref="InMemoryReferenceStore"/> for tests and tools.
/// </summary>
public interface IReferenceStore
{
    /// <summary>
    /// Replaces, in one transaction, every kind the replacement carries (a non-null list, even an empty one)
    /// by exactly that list; kinds left null keep their rows. Replace-all makes a re-import of the same file a no-op.
    /// </summary>
    Task ReplaceAsync(ReferenceReplacement replacement, CancellationToken cancellationToken = default);

    /// <summary>
    /// Everything the level-4 rules and the signals look up in memory: gemeenten, product codes, contracts, budgets, the PGB
    /// register extract and the bundle table (not beschikkingen).
    /// </summary>
    Task<ReferenceSet> LoadReferenceSetAsync(CancellationToken cancellationToken = default);

    /// <summary>The beschikkingen of one client at one municipality; they are many and personal, so they are queried on demand.</summary>
    Task<IReadOnlyList<Beschikking>> BeschikkingenForAsync(string gemeente, string bsn, CancellationToken cancellationToken = default);
}

/// <summary>The kinds of reference data, each with the file name the folder importer looks for.</summary>
public enum ReferenceKind
{
    Contracten,
    Beschikkingen,
    Budgetten,
    Gemeenten,
    Productcodes,
    Pgb,
    Bundels,
}

/// <summary>What <see cref="IReferenceStore.ReplaceAsync"/> writes: per kind, null = leave as is, a list = replace all rows of that kind.</summary>
public sealed record ReferenceReplacement
{
    public IReadOnlyList<Contract>? Contracts { get; init; }

    public IReadOnlyList<Beschikking>? Beschikkingen { get; init; }

    public IReadOnlyList<Budget>? Budgets { get; init; }

    public IReadOnlyList<GemeenteCode>? Gemeenten { get; init; }

    public IReadOnlyList<ProductCode>? ProductCodes { get; init; }

    public IReadOnlyList<Pgb>? Pgbs { get; init; }

    public IReadOnlyList<BundleComponent>? Bundles { get; init; }

    public bool IsEmpty => Contracts is null && Beschikkingen is null && Budgets is null && Gemeenten is null && ProductCodes is null
        && Pgbs is null && Bundles is null;

    /// <summary>The number of rows per kind this replacement writes (only the kinds it carries).</summary>
    public IReadOnlyDictionary<ReferenceKind, int> Counts()
    {
        var counts = new SortedDictionary<ReferenceKind, int>();
        Add(ReferenceKind.Contracten, Contracts?.Count);
        Add(ReferenceKind.Beschikkingen, Beschikkingen?.Count);
        Add(ReferenceKind.Budgetten, Budgets?.Count);
        Add(ReferenceKind.Gemeenten, Gemeenten?.Count);
        Add(ReferenceKind.Productcodes, ProductCodes?.Count);
        Add(ReferenceKind.Pgb, Pgbs?.Count);
        Add(ReferenceKind.Bundels, Bundles?.Count);
        return counts;

        void Add(ReferenceKind kind, int? count)
        {
            if (count is { } n)
            {
                counts[kind] = n;
            }
        }
    }
}
