using System.Collections.Frozen;

namespace Berichtenverkeer.ReferenceData;

/// <summary>An immutable in-memory index of the reference data, rebuilt after every import.</summary>
public sealed class ReferenceSet : IReferenceData
{
    private readonly FrozenDictionary<string, GemeenteCode[]> _gemeenten;
    private readonly FrozenDictionary<(string Categorie, string Code), ProductCode[]> _productCodes;
    private readonly FrozenDictionary<(string Gemeente, string Agb), Contract[]> _contracts;
    private readonly FrozenSet<string> _contractGemeenten;
    private readonly FrozenDictionary<(string Gemeente, string Agb, int Year), long> _budgets;
    private readonly FrozenDictionary<string, Pgb[]> _pgbs;

    public ReferenceSet(
        IEnumerable<GemeenteCode> gemeenten,
        IEnumerable<ProductCode> productCodes,
        IEnumerable<Contract> contracts,
        IEnumerable<Budget> budgets,
        IEnumerable<Pgb>? pgbs = null,
        IEnumerable<BundleComponent>? bundles = null)
    {
        Gemeenten = gemeenten.ToList();
        ProductCodes = productCodes.ToList();
        Contracts = contracts.ToList();
        Budgets = budgets.ToList();
        Pgbs = (pgbs ?? []).ToList();
        Bundles = (bundles ?? []).ToList();
        _gemeenten = Gemeenten.GroupBy(g => g.Code).ToFrozenDictionary(g => g.Key, g => g.ToArray());
        _productCodes = ProductCodes.GroupBy(p => (p.Categorie, p.Code)).ToFrozenDictionary(g => g.Key, g => g.ToArray());
        _contracts = Contracts.GroupBy(c => (c.Gemeente, c.Agb)).ToFrozenDictionary(g => g.Key, g => g.ToArray());
        _contractGemeenten = Contracts.Select(c => c.Gemeente).ToFrozenSet();
        _budgets = Budgets.GroupBy(b => (b.Gemeente, b.Agb, b.Year)).ToFrozenDictionary(g => g.Key, g => g.Sum(b => b.Amount));
        _pgbs = Pgbs.GroupBy(p => p.Bsn, StringComparer.Ordinal).ToFrozenDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
    }

    public static ReferenceSet Empty { get; } = new([], [], [], []);

    public IReadOnlyList<GemeenteCode> Gemeenten { get; }

    public IReadOnlyList<ProductCode> ProductCodes { get; }

    public IReadOnlyList<Contract> Contracts { get; }

    public IReadOnlyList<Budget> Budgets { get; }

    /// <summary>The PGB register extract (FR22); empty when none was imported.</summary>
    public IReadOnlyList<Pgb> Pgbs { get; }

    /// <summary>The contracts' bundle table, one row per covered code (FR31); empty when none was imported.</summary>
    public IReadOnlyList<BundleComponent> Bundles { get; }

    public bool HasGemeenteList => _gemeenten.Count > 0;

    public bool HasProductCodes => _productCodes.Count > 0;

    public bool IsKnownGemeente(string code, DateOnly on) =>
        _gemeenten.TryGetValue(code, out var periods) && periods.Any(g => g.IsValidOn(on));

    public bool ProductCodeBelongs(string categorie, string code, string gemeente, DateOnly on) =>
        _productCodes.TryGetValue((categorie, code), out var entries)
        && entries.Any(p => (p.Gemeente is null || p.Gemeente == gemeente) && p.IsValidOn(on));

    public bool HasContracts(string gemeente) => _contractGemeenten.Contains(gemeente);

    public Contract? ContractFor(string gemeente, string agb, string categorie, string code, DateOnly on) =>
        _contracts.TryGetValue((gemeente, agb), out var contracts)
            ? contracts.FirstOrDefault(c => c.ProductCategorie == categorie && c.ProductCode == code && c.IsValidOn(on))
            : null;

    public IEnumerable<Contract> ContractsFor(string gemeente, string agb) =>
        _contracts.TryGetValue((gemeente, agb), out var contracts) ? contracts : [];

    /// <summary>The PGBs of one client, at any municipality.</summary>
    public IReadOnlyList<Pgb> PgbsFor(string bsn) => _pgbs.TryGetValue(bsn, out var pgbs) ? pgbs : [];

    public long? BudgetFor(string gemeente, string agb, int year) =>
        _budgets.TryGetValue((gemeente, agb, year), out var amount) ? amount : null;
}
