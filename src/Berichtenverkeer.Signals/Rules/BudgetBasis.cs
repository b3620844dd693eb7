using Berichtenverkeer.Matching.State;
using Berichtenverkeer.ReferenceData;

namespace Berichtenverkeer.Signals.Rules;

/// <summary>
/// The bestedingsruimte FR33 measures against: the reference data's budget for gemeente × AGB × year where one is given;
/// otherwise regional practice, a share (default 80%) of the provider's approved net turnover with that gemeente in the
/// previous calendar year, but only when the input reaches back to January of that year — a partial year of history
/// would give a budget that is too low and turn every light red. Everything else is the reference data unchanged, so the
/// reconciliation's valuation (contract tariffs) sees the same contracts.
/// </summary>
internal sealed class BudgetBasis : IReferenceData
{
    private readonly IReferenceData _reference;
    private readonly Dictionary<(string Gemeente, string Agb, int Year), long> _turnover = [];
    private readonly DateOnly? _historyFrom;
    private readonly double _share;
    private readonly bool _derive;

    public BudgetBasis(IReferenceData reference, IReadOnlyList<PrestatieRecord> prestaties, double share, bool derive)
    {
        ArgumentNullException.ThrowIfNull(prestaties);
        _reference = reference ?? throw new ArgumentNullException(nameof(reference));
        _share = share;
        _derive = derive;
        if (prestaties.Count > 0)
        {
            _historyFrom = SignalContext.MonthOf(prestaties.Min(p => p.ProductPeriode.Begindatum));
        }

        // Net approved turnover per year of care: a credit subtracts (SignedBedrag) in the year of its own ProductPeriode,
        // which is the year of the debit it cancels.
        foreach (var p in prestaties.Where(p => p.Approved))
        {
            var key = (p.Gemeente, p.Agb, p.ProductPeriode.Begindatum.Year);
            _turnover[key] = _turnover.GetValueOrDefault(key) + p.SignedBedrag;
        }
    }

    /// <summary>Whether <see cref="BudgetFor"/> was derived from turnover rather than taken from the reference data.</summary>
    public bool IsDerived(string gemeente, string agb, int year) => _reference.BudgetFor(gemeente, agb, year) is null && Derived(gemeente, agb, year) is not null;

    /// <summary>The input holds the whole previous calendar year of <paramref name="year"/>.</summary>
    public bool CoversPreviousYear(int year) => _derive && _historyFrom is { } h && h <= new DateOnly(year - 1, 1, 1);

    public long? BudgetFor(string gemeente, string agb, int year) => _reference.BudgetFor(gemeente, agb, year) ?? Derived(gemeente, agb, year);

    public bool HasGemeenteList => _reference.HasGemeenteList;

    public bool IsKnownGemeente(string code, DateOnly on) => _reference.IsKnownGemeente(code, on);

    public bool HasProductCodes => _reference.HasProductCodes;

    public bool ProductCodeBelongs(string categorie, string code, string gemeente, DateOnly on) => _reference.ProductCodeBelongs(categorie, code, gemeente, on);

    public bool HasContracts(string gemeente) => _reference.HasContracts(gemeente);

    public Contract? ContractFor(string gemeente, string agb, string categorie, string code, DateOnly on) => _reference.ContractFor(gemeente, agb, categorie, code, on);

    public IEnumerable<Contract> ContractsFor(string gemeente, string agb) => _reference.ContractsFor(gemeente, agb);

    private long? Derived(string gemeente, string agb, int year) =>
        CoversPreviousYear(year) && _turnover.TryGetValue((gemeente, agb, year - 1), out var turnover) && turnover > 0
            ? (long)Math.Round(turnover * _share, MidpointRounding.AwayFromZero)
            : null;
}
