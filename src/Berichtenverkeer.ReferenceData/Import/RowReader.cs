using System.Globalization;
using Berichtenverkeer.Ijw.Catalog;

namespace Berichtenverkeer.ReferenceData.Import;

/// <summary>The iJw code lists a reference row is checked against (codelists.md §3, §4, §7).</summary>
internal static class CodeLists
{
    /// <summary>JZ020 Productcategorie: 31–38 (2015 categories) and 40–55.</summary>
    public static readonly IReadOnlySet<string> Productcategorie = Enumerable.Range(31, 8).Concat(Enumerable.Range(40, 16))
        .Select(n => n.ToString(CultureInfo.InvariantCulture)).ToHashSet(StringComparer.Ordinal);

    /// <summary>WJ756 Eenheid.</summary>
    public static readonly IReadOnlySet<string> Eenheid = new HashSet<string>(StringComparer.Ordinal)
    {
        Ijw.Catalog.Eenheid.Minuut, Ijw.Catalog.Eenheid.Uur, Ijw.Catalog.Eenheid.Etmaal, Ijw.Catalog.Eenheid.Dagdeel,
        Ijw.Catalog.Eenheid.StuksOutput, Ijw.Catalog.Eenheid.Euros, Ijw.Catalog.Eenheid.StuksInspanning,
    };

    /// <summary>WMO757 Frequentie.</summary>
    public static readonly IReadOnlySet<string> Frequentie = new HashSet<string>(StringComparer.Ordinal)
    {
        Ijw.Catalog.Frequentie.PerDag, Ijw.Catalog.Frequentie.PerWeek, Ijw.Catalog.Frequentie.PerMaand, Ijw.Catalog.Frequentie.Totaal,
    };
}

/// <summary>
/// Reads the cells of one row by column name and checks each, collecting plain errors with line and column.
/// Reasons never contain the cell's value (it may be a BSN). A row with any error is not used.
/// </summary>
internal sealed class RowReader(string file, CsvRow row, IReadOnlyDictionary<string, int> columns, List<ImportError> errors)
{
    public int Line => row.Line;

    public bool Ok { get; private set; } = true;

    public string? Optional(string column)
    {
        var value = row.Fields[columns[column]];
        return value.Length == 0 ? null : value;
    }

    public string Required(string column)
    {
        var value = Optional(column);
        if (value is null)
        {
            Fail(column, "is empty");
            return string.Empty;
        }

        return value;
    }

    public string Gemeente(string column) => Digits(column, Required(column), 4, "a CBS municipality code");

    public string? OptionalGemeente(string column) =>
        Optional(column) is { } value ? Digits(column, value, 4, "a CBS municipality code") : null;

    public string Agb(string column) => Digits(column, Required(column), 8, "an AGB code");

    public string? OptionalAgb(string column) => Optional(column) is { } value ? Digits(column, value, 8, "an AGB code") : null;

    public string Bsn(string column)
    {
        var value = Required(column);
        if (value.Length == 0)
        {
            return value;
        }

        if (value.Length != 9 || !value.All(char.IsAsciiDigit))
        {
            Fail(column, "must be 9 digits" + LeadingZeroHint(value, 9));
        }
        else if (!Ijw.Catalog.Bsn.IsValid(value))
        {
            Fail(column, "fails the 11-test");
        }

        return value;
    }

    public string Categorie(string column) => Code(column, Required(column), CodeLists.Productcategorie, "a JZ020 product category (31–38, 40–55)");

    public string ProductCode(string column) => ProductCodeFormat(column, Required(column));

    public string? OptionalProductCode(string column) => Optional(column) is { } value ? ProductCodeFormat(column, value) : null;

    public string Eenheid(string column) => Code(column, Required(column), CodeLists.Eenheid, "a WJ756 unit (01, 04, 14, 16, 82, 83, 84)", 2);

    public string? OptionalEenheid(string column) =>
        Optional(column) is { } value ? Code(column, value, CodeLists.Eenheid, "a WJ756 unit (01, 04, 14, 16, 82, 83, 84)", 2) : null;

    public string? OptionalFrequentie(string column) =>
        Optional(column) is { } value ? Code(column, value, CodeLists.Frequentie, "a WMO757 frequency (1, 2, 4, 6)") : null;

    public DateOnly Date(string column)
    {
        var value = Required(column);
        return value.Length == 0 ? default : ParseDate(column, value) ?? default;
    }

    public DateOnly? OptionalDate(string column) => Optional(column) is { } value ? ParseDate(column, value) : null;

    /// <summary>A non-negative whole number (euro cents, a volume).</summary>
    public long Amount(string column)
    {
        var value = Required(column);
        return value.Length == 0 ? 0 : ParseAmount(column, value);
    }

    public long? OptionalAmount(string column) => Optional(column) is { } value ? ParseAmount(column, value) : null;

    public int Year(string column)
    {
        var value = Required(column);
        if (value.Length == 0)
        {
            return 0;
        }

        if (value.Length != 4 || !int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year < 1900)
        {
            Fail(column, "is not a year (yyyy)");
            return 0;
        }

        return year;
    }

    /// <summary>geldig_tot, when given, may not lie before geldig_van.</summary>
    public void Period(DateOnly? from, string toColumn, DateOnly? to)
    {
        if (from is { } f && to is { } t && t < f)
        {
            Fail(toColumn, "lies before geldig_van");
        }
    }

    public void Fail(string? column, string reason)
    {
        Ok = false;
        errors.Add(new ImportError(file, row.Line, column, reason));
    }

    private string Digits(string column, string value, int length, string what)
    {
        if (value.Length > 0 && (value.Length != length || !value.All(char.IsAsciiDigit)))
        {
            Fail(column, string.Create(CultureInfo.InvariantCulture, $"must be {length} digits ({what})") + LeadingZeroHint(value, length));
        }

        return value;
    }

    private string Code(string column, string value, IReadOnlySet<string> allowed, string what, int codeLength = 0)
    {
        if (value.Length > 0 && !allowed.Contains(value))
        {
            Fail(column, "is not " + what + LeadingZeroHint(value, codeLength));
        }

        return value;
    }

    private string ProductCodeFormat(string column, string value)
    {
        if (value.Length > 0 && (value.Length > 5 || !value.All(char.IsAsciiLetterOrDigit)))
        {
            Fail(column, "must be 1 to 5 letters or digits (LDT_ProductCode)");
        }

        return value;
    }

    private DateOnly? ParseDate(string column, string value)
    {
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        Fail(column, "is not a date (yyyy-MM-dd)");
        return null;
    }

    private long ParseAmount(string column, string value)
    {
        if (value.Length > 0 && value[0] == '-' && long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _))
        {
            Fail(column, "may not be negative");
            return 0;
        }

        if (!long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var amount))
        {
            Fail(column, "is not a whole number (amounts in euro cents, no separators)");
            return 0;
        }

        return amount;
    }

    /// <summary>Spreadsheets turn "0363" into 363: say so when a too short value is all digits.</summary>
    private static string LeadingZeroHint(string value, int length) =>
        value.Length < length && value.Length > 0 && value.All(char.IsAsciiDigit)
            ? "; leading zeros lost? format the column as text"
            : string.Empty;
}
