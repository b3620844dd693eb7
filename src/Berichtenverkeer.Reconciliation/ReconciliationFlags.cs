namespace Berichtenverkeer.Reconciliation;

/// <summary>Why a figure in a reconciliation or budget-use row is missing or needs a second look. Values appear as is in CSV and JSON.</summary>
public static class ReconciliationFlags
{
    /// <summary>An assignment's volume could not be valued: no contract for gemeente + AGB + categorie + code valid at the start of the month (or the assignment has no ProductCode).</summary>
    public const string NoContract = "no-contract";

    /// <summary>A contract exists but its Eenheid does not fit the assignment's (only hours and minutes convert).</summary>
    public const string UnitMismatch = "unit-mismatch";

    /// <summary>An assignment has neither Omvang nor Budget (aspecific without budget): nothing assigned can be reported.</summary>
    public const string NoVolume = "no-volume";

    /// <summary>An approved credit whose debit was not found; it is placed by its own ProductPeriode and product.</summary>
    public const string CreditWithoutDebit = "credit-without-debit";

    /// <summary>An approved prestatie's Eenheid does not fit its assignment's; it does not reduce the assignment's open volume.</summary>
    public const string PrestatieUnitMismatch = "prestatie-unit-mismatch";
}
