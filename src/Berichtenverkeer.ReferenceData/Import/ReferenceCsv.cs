namespace Berichtenverkeer.ReferenceData.Import;

/// <summary>
/// Parsers for the reference files municipal administrations keep in spreadsheets. Each file needs a header row with the
/// columns named below (any order, any case); separator <c>;</c> or <c>,</c>; UTF-8 with or without BOM; dates yyyy-MM-dd;
/// amounts in whole euro cents. Every row is checked; any bad row makes the whole file fail (no records are returned).
/// <list type="bullet">
/// <item>contracten: gemeente, agb, productcategorie, productcode, eenheid, tarief, geldig_van, geldig_tot</item>
/// <item>beschikkingen: gemeente, beschikkingnummer, bsn, productcategorie, productcode, geldig_van, geldig_tot, volume, eenheid, frequentie</item>
/// <item>budgetten: gemeente, agb, jaar, bedrag</item>
/// <item>gemeenten: code, naam, geldig_van, geldig_tot</item>
/// <item>productcodes: categorie, code, gemeente (empty = national list 021), geldig_van, geldig_tot</item>
/// <item>pgb: gemeente, bsn, productcategorie, productcode (empty = the whole category), geldig_van, geldig_tot</item>
/// <item>bundels: gemeente (empty = all), agb (empty = all), productcategorie, bundelcode, productcode (the covered code; one row per covered code)</item>
/// </list>
/// Empty cells are allowed only in geldig_tot, in beschikkingen's productcode and (together) volume/eenheid/frequentie,
/// in productcodes' gemeente and geldig_van, in pgb's productcode, and in bundels' gemeente and agb.
/// </summary>
public static class ReferenceCsv
{
    public static readonly IReadOnlyList<string> ContractColumns =
        ["gemeente", "agb", "productcategorie", "productcode", "eenheid", "tarief", "geldig_van", "geldig_tot"];

    public static readonly IReadOnlyList<string> BeschikkingColumns =
        ["gemeente", "beschikkingnummer", "bsn", "productcategorie", "productcode", "geldig_van", "geldig_tot", "volume", "eenheid", "frequentie"];

    public static readonly IReadOnlyList<string> BudgetColumns = ["gemeente", "agb", "jaar", "bedrag"];

    public static readonly IReadOnlyList<string> GemeenteColumns = ["code", "naam", "geldig_van", "geldig_tot"];

    public static readonly IReadOnlyList<string> ProductCodeColumns = ["categorie", "code", "gemeente", "geldig_van", "geldig_tot"];

    public static readonly IReadOnlyList<string> PgbColumns = ["gemeente", "bsn", "productcategorie", "productcode", "geldig_van", "geldig_tot"];

    public static readonly IReadOnlyList<string> BundleColumns = ["gemeente", "agb", "productcategorie", "bundelcode", "productcode"];

    /// <summary>Key: gemeente, agb, productcategorie, productcode, geldig_van (a new tariff period is a new row).</summary>
    public static CsvParseResult<Contract> ParseContracts(string text, string file = "contracten.csv") =>
        Parse(text, file, ContractColumns, "gemeente, agb, productcategorie, productcode, geldig_van", r =>
        {
            var contract = new Contract(
                r.Gemeente("gemeente"),
                r.Agb("agb"),
                r.Categorie("productcategorie"),
                r.ProductCode("productcode"),
                r.Eenheid("eenheid"),
                r.Amount("tarief"),
                r.Date("geldig_van"),
                r.OptionalDate("geldig_tot"));
            r.Period(contract.ValidFrom, "geldig_tot", contract.ValidTo);
            return (contract, (contract.Gemeente, contract.Agb, contract.ProductCategorie, contract.ProductCode, contract.ValidFrom));
        });

    /// <summary>Key: gemeente, beschikkingnummer, productcategorie, productcode, geldig_van.</summary>
    public static CsvParseResult<Beschikking> ParseBeschikkingen(string text, string file = "beschikkingen.csv") =>
        Parse(text, file, BeschikkingColumns, "gemeente, beschikkingnummer, productcategorie, productcode, geldig_van", r =>
        {
            var beschikking = new Beschikking(
                r.Gemeente("gemeente"),
                r.Required("beschikkingnummer"),
                r.Bsn("bsn"),
                r.Categorie("productcategorie"),
                r.OptionalProductCode("productcode"),
                r.Date("geldig_van"),
                r.OptionalDate("geldig_tot"),
                r.OptionalAmount("volume"),
                r.OptionalEenheid("eenheid"),
                r.OptionalFrequentie("frequentie"));
            r.Period(beschikking.ValidFrom, "geldig_tot", beschikking.ValidTo);
            var omvang = new[] { r.Optional("volume"), r.Optional("eenheid"), r.Optional("frequentie") };
            if (omvang.Any(v => v is null) && omvang.Any(v => v is not null))
            {
                r.Fail(null, "volume, eenheid and frequentie must be filled together or left empty together");
            }

            return (beschikking, (beschikking.Gemeente, beschikking.BeschikkingNummer, beschikking.ProductCategorie, beschikking.ProductCode, beschikking.ValidFrom));
        });

    /// <summary>Key: gemeente, agb, jaar.</summary>
    public static CsvParseResult<Budget> ParseBudgets(string text, string file = "budgetten.csv") =>
        Parse(text, file, BudgetColumns, "gemeente, agb, jaar", r =>
        {
            var budget = new Budget(r.Gemeente("gemeente"), r.Agb("agb"), r.Year("jaar"), r.Amount("bedrag"));
            return (budget, (budget.Gemeente, budget.Agb, budget.Year));
        });

    /// <summary>Key: code, geldig_van.</summary>
    public static CsvParseResult<GemeenteCode> ParseGemeenten(string text, string file = "gemeenten.csv") =>
        Parse(text, file, GemeenteColumns, "code, geldig_van", r =>
        {
            var gemeente = new GemeenteCode(r.Gemeente("code"), r.Required("naam"), r.Date("geldig_van"), r.OptionalDate("geldig_tot"));
            r.Period(gemeente.ValidFrom, "geldig_tot", gemeente.ValidTo);
            return (gemeente, (gemeente.Code, gemeente.ValidFrom));
        });

    /// <summary>Key: categorie, code, gemeente, geldig_van.</summary>
    public static CsvParseResult<ProductCode> ParseProductCodes(string text, string file = "productcodes.csv") =>
        Parse(text, file, ProductCodeColumns, "categorie, code, gemeente, geldig_van", r =>
        {
            var code = new ProductCode(
                r.Categorie("categorie"),
                r.ProductCode("code"),
                r.OptionalGemeente("gemeente"),
                r.OptionalDate("geldig_van"),
                r.OptionalDate("geldig_tot"));
            r.Period(code.ValidFrom, "geldig_tot", code.ValidTo);
            return (code, (code.Categorie, code.Code, code.Gemeente, code.ValidFrom));
        });

    /// <summary>Key: gemeente, bsn, productcategorie, productcode, geldig_van. The BSN is checked like beschikkingen's and never echoed.</summary>
    public static CsvParseResult<Pgb> ParsePgbs(string text, string file = "pgb.csv") =>
        Parse(text, file, PgbColumns, "gemeente, bsn, productcategorie, productcode, geldig_van", r =>
        {
            var pgb = new Pgb(
                r.Gemeente("gemeente"),
                r.Bsn("bsn"),
                r.Categorie("productcategorie"),
                r.OptionalProductCode("productcode"),
                r.Date("geldig_van"),
                r.OptionalDate("geldig_tot"));
            r.Period(pgb.ValidFrom, "geldig_tot", pgb.ValidTo);
            return (pgb, (pgb.Gemeente, pgb.Bsn, pgb.ProductCategorie, pgb.ProductCode, pgb.ValidFrom));
        });

    /// <summary>Key: gemeente, agb, productcategorie, bundelcode, productcode. A bundle may not cover its own code.</summary>
    public static CsvParseResult<BundleComponent> ParseBundles(string text, string file = "bundels.csv") =>
        Parse(text, file, BundleColumns, "gemeente, agb, productcategorie, bundelcode, productcode", r =>
        {
            var bundle = new BundleComponent(
                r.OptionalGemeente("gemeente"),
                r.OptionalAgb("agb"),
                r.Categorie("productcategorie"),
                r.ProductCode("bundelcode"),
                r.ProductCode("productcode"));
            if (bundle.BundleCode.Length > 0 && bundle.BundleCode == bundle.CoveredCode)
            {
                r.Fail("productcode", "equals bundelcode (a bundle covers other codes)");
            }

            return (bundle, (bundle.Gemeente, bundle.Agb, bundle.ProductCategorie, bundle.BundleCode, bundle.CoveredCode));
        });

    /// <summary>Reads a file's bytes (UTF-8, BOM optional) and parses it as <paramref name="kind"/>.</summary>
    public static CsvParseResult<object> Parse(ReferenceKind kind, Stream stream, string file)
    {
        var errors = new List<ImportError>();
        var text = CsvTable.ReadText(stream, file, errors);
        if (text is null)
        {
            return new CsvParseResult<object>([], errors);
        }

        return kind switch
        {
            ReferenceKind.Contracten => Erase(ParseContracts(text, file)),
            ReferenceKind.Beschikkingen => Erase(ParseBeschikkingen(text, file)),
            ReferenceKind.Budgetten => Erase(ParseBudgets(text, file)),
            ReferenceKind.Gemeenten => Erase(ParseGemeenten(text, file)),
            ReferenceKind.Productcodes => Erase(ParseProductCodes(text, file)),
            ReferenceKind.Pgb => Erase(ParsePgbs(text, file)),
            ReferenceKind.Bundels => Erase(ParseBundles(text, file)),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };

        static CsvParseResult<object> Erase<T>(CsvParseResult<T> result)
            where T : class => new(result.Records, result.Errors);
    }

    private static CsvParseResult<T> Parse<T, TKey>(
        string text, string file, IReadOnlyList<string> expected, string keyDescription, Func<RowReader, (T Record, TKey Key)> read)
        where TKey : notnull
    {
        var errors = new List<ImportError>();
        var table = CsvTable.Parse(text, file, errors);
        if (table is null)
        {
            return new CsvParseResult<T>([], errors);
        }

        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < table.Header.Length; i++)
        {
            var name = table.Header[i];
            if (name.Length == 0)
            {
                errors.Add(new ImportError(file, 1, null, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"column {i + 1} of the header has no name")));
            }
            else if (!expected.Contains(name))
            {
                errors.Add(new ImportError(file, 1, name, "is not a known column (expected " + string.Join(", ", expected) + ")"));
            }
            else if (!columns.TryAdd(name, i))
            {
                errors.Add(new ImportError(file, 1, name, "occurs twice in the header"));
            }
        }

        foreach (var missing in expected.Where(c => !columns.ContainsKey(c)))
        {
            errors.Add(new ImportError(file, 1, missing, "is missing from the header"));
        }

        if (errors.Count > 0)
        {
            return new CsvParseResult<T>([], errors);
        }

        var records = new List<T>(table.Rows.Count);
        var seen = new Dictionary<TKey, int>();
        foreach (var row in table.Rows)
        {
            if (row.Fields.Length != table.Header.Length)
            {
                errors.Add(new ImportError(file, row.Line, null, string.Create(
                    System.Globalization.CultureInfo.InvariantCulture,
                    $"has {row.Fields.Length} fields where the header has {table.Header.Length} (separator '{table.Separator}')")));
                continue;
            }

            var reader = new RowReader(file, row, columns, errors);
            var (record, key) = read(reader);
            if (!reader.Ok)
            {
                continue;
            }

            if (seen.TryGetValue(key, out var firstLine))
            {
                errors.Add(new ImportError(file, row.Line, null, string.Create(
                    System.Globalization.CultureInfo.InvariantCulture, $"repeats line {firstLine} (same {keyDescription})")));
                continue;
            }

            seen.Add(key, row.Line);
            records.Add(record);
        }

        return errors.Count > 0 ? new CsvParseResult<T>([], errors) : new CsvParseResult<T>(records, []);
    }
}
