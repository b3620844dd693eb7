namespace Berichtenverkeer.ReferenceData.Import;

/// <summary>An <see cref="IReferenceStore"/> in memory, for tests and tools that need no database. Thread-safe.</summary>
public sealed class InMemoryReferenceStore : IReferenceStore
{
    private readonly Lock _lock = new();
    private IReadOnlyList<Contract> _contracts = [];
    private IReadOnlyList<Beschikking> _beschikkingen = [];
    private IReadOnlyList<Budget> _budgets = [];
    private IReadOnlyList<GemeenteCode> _gemeenten = [];
    private IReadOnlyList<ProductCode> _productCodes = [];
    private IReadOnlyList<Pgb> _pgbs = [];
    private IReadOnlyList<BundleComponent> _bundles = [];

    /// <summary>How many times <see cref="ReplaceAsync"/> ran; lets a test see that a failed import wrote nothing.</summary>
    public int ReplaceCount { get; private set; }

    public IReadOnlyList<Beschikking> Beschikkingen
    {
        get
        {
            lock (_lock)
            {
                return _beschikkingen;
            }
        }
    }

    public Task ReplaceAsync(ReferenceReplacement replacement, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(replacement);
        lock (_lock)
        {
            _contracts = replacement.Contracts?.ToList() ?? _contracts;
            _beschikkingen = replacement.Beschikkingen?.ToList() ?? _beschikkingen;
            _budgets = replacement.Budgets?.ToList() ?? _budgets;
            _gemeenten = replacement.Gemeenten?.ToList() ?? _gemeenten;
            _productCodes = replacement.ProductCodes?.ToList() ?? _productCodes;
            _pgbs = replacement.Pgbs?.ToList() ?? _pgbs;
            _bundles = replacement.Bundles?.ToList() ?? _bundles;
            ReplaceCount++;
        }

        return Task.CompletedTask;
    }

    public Task<ReferenceSet> LoadReferenceSetAsync(CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult(new ReferenceSet(_gemeenten, _productCodes, _contracts, _budgets, _pgbs, _bundles));
        }
    }

    public Task<IReadOnlyList<Beschikking>> BeschikkingenForAsync(string gemeente, string bsn, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            IReadOnlyList<Beschikking> result = _beschikkingen.Where(b => b.Gemeente == gemeente && b.Bsn == bsn).ToList();
            return Task.FromResult(result);
        }
    }
}
