namespace Berichtenverkeer.ReferenceData.Import;

/// <summary>
/// Imports reference files into an <see cref="IReferenceStore"/>. All files are parsed and checked first; any error in any
/// file means nothing is written. Otherwise every kind present is replaced in one <see cref="IReferenceStore.ReplaceAsync"/>
/// call (one transaction), so importing the same files again changes nothing.
/// </summary>
public static class ReferenceImporter
{
    public static string FileName(ReferenceKind kind) => kind switch
    {
        ReferenceKind.Contracten => "contracten.csv",
        ReferenceKind.Beschikkingen => "beschikkingen.csv",
        ReferenceKind.Budgetten => "budgetten.csv",
        ReferenceKind.Gemeenten => "gemeenten.csv",
        ReferenceKind.Productcodes => "productcodes.csv",
        ReferenceKind.Pgb => "pgb.csv",
        ReferenceKind.Bundels => "bundels.csv",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>
    /// Imports whichever of contracten.csv, beschikkingen.csv, budgetten.csv, gemeenten.csv, productcodes.csv, pgb.csv and bundels.csv the folder holds
    /// (file names compared case-insensitively). Kinds without a file keep what the store has.
    /// </summary>
    public static async Task<ImportReport> ImportFolderAsync(string folder, IReferenceStore store, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var (replacement, errors) = ReadFolder(folder);
        return await WriteAsync(replacement, errors, store, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Imports one file as <paramref name="kind"/>, whatever its name.</summary>
    public static async Task<ImportReport> ImportFileAsync(ReferenceKind kind, string path, IReferenceStore store, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var errors = new List<ImportError>();
        var replacement = new ReferenceReplacement();
        if (!File.Exists(path))
        {
            errors.Add(new ImportError(Path.GetFileName(path), 0, null, "does not exist"));
        }
        else
        {
            replacement = Read(kind, path, replacement, errors);
        }

        return await WriteAsync(replacement, errors, store, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Parses and checks a folder without writing anything (a dry run).</summary>
    public static (ReferenceReplacement Replacement, IReadOnlyList<ImportError> Errors) ReadFolder(string folder)
    {
        var errors = new List<ImportError>();
        var replacement = new ReferenceReplacement();
        if (!Directory.Exists(folder))
        {
            errors.Add(new ImportError(folder, 0, null, "is not a folder"));
            return (replacement, errors);
        }

        var files = Directory.EnumerateFiles(folder).ToList();
        var found = false;
        foreach (var kind in Enum.GetValues<ReferenceKind>())
        {
            var matches = files.Where(f => string.Equals(Path.GetFileName(f), FileName(kind), StringComparison.OrdinalIgnoreCase)).ToList();
            if (matches.Count > 1)
            {
                errors.Add(new ImportError(FileName(kind), 0, null, "exists more than once with different letter case"));
                continue;
            }

            if (matches.Count == 1)
            {
                found = true;
                replacement = Read(kind, matches[0], replacement, errors);
            }
        }

        if (!found && errors.Count == 0)
        {
            errors.Add(new ImportError(folder, 0, null,
                "holds none of " + string.Join(", ", Enum.GetValues<ReferenceKind>().Select(FileName))));
        }

        return (replacement, errors);
    }

    private static ReferenceReplacement Read(ReferenceKind kind, string path, ReferenceReplacement replacement, List<ImportError> errors)
    {
        using var stream = File.OpenRead(path);
        var result = ReferenceCsv.Parse(kind, stream, Path.GetFileName(path));
        errors.AddRange(result.Errors);
        if (!result.Succeeded)
        {
            return replacement;
        }

        return kind switch
        {
            ReferenceKind.Contracten => replacement with { Contracts = result.Records.Cast<Contract>().ToList() },
            ReferenceKind.Beschikkingen => replacement with { Beschikkingen = result.Records.Cast<Beschikking>().ToList() },
            ReferenceKind.Budgetten => replacement with { Budgets = result.Records.Cast<Budget>().ToList() },
            ReferenceKind.Gemeenten => replacement with { Gemeenten = result.Records.Cast<GemeenteCode>().ToList() },
            ReferenceKind.Productcodes => replacement with { ProductCodes = result.Records.Cast<ProductCode>().ToList() },
            ReferenceKind.Pgb => replacement with { Pgbs = result.Records.Cast<Pgb>().ToList() },
            ReferenceKind.Bundels => replacement with { Bundles = result.Records.Cast<BundleComponent>().ToList() },
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };
    }

    private static async Task<ImportReport> WriteAsync(
        ReferenceReplacement replacement, IReadOnlyList<ImportError> errors, IReferenceStore store, CancellationToken cancellationToken)
    {
        if (errors.Count > 0)
        {
            return new ImportReport(new SortedDictionary<ReferenceKind, int>(), errors);
        }

        await store.ReplaceAsync(replacement, cancellationToken).ConfigureAwait(false);
        return new ImportReport(replacement.Counts(), []);
    }
}
