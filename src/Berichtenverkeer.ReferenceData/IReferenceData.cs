namespace Berichtenverkeer.ReferenceData;

/// <summary>
/// The external sources of control level 4. Each question first says whether the gateway has the list at all:
/// a rule whose source is missing is not checked (OP095 forbids rejecting on what nobody can see), and says so.
/// </summary>
public interface IReferenceData
{
    bool HasGemeenteList { get; }

    bool IsKnownGemeente(string code, DateOnly on);

    bool HasProductCodes { get; }

    /// <summary>TR381: the code belongs to the category in the national list or the municipality's own list.</summary>
    bool ProductCodeBelongs(string categorie, string code, string gemeente, DateOnly on);

    /// <summary>Whether any contract of this municipality is known; without contracts TR418 and TR341 (aspecific) cannot be checked.</summary>
    bool HasContracts(string gemeente);

    Contract? ContractFor(string gemeente, string agb, string categorie, string code, DateOnly on);

    IEnumerable<Contract> ContractsFor(string gemeente, string agb);

    long? BudgetFor(string gemeente, string agb, int year);
}
