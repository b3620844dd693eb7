using System.Runtime.CompilerServices;
using Berichtenverkeer.Matching.State;

namespace Berichtenverkeer.Reconciliation;

/// <summary>
/// <see cref="IReconciliationSource"/> over lists: for tests, and the embedded default until the store implements the
/// port. Returns records in input order.
/// </summary>
public sealed class InMemoryReconciliationSource(IEnumerable<AssignmentRecord> assignments, IEnumerable<PrestatieRecord> prestaties)
    : IReconciliationSource
{
    private readonly IReadOnlyList<AssignmentRecord> _assignments = [.. assignments];
    private readonly IReadOnlyList<PrestatieRecord> _prestaties = [.. prestaties];

    public async IAsyncEnumerable<AssignmentRecord> AssignmentsAsync(
        ReconciliationQuery query,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        query.Validate();
        var wanted = _assignments
            .Where(a => query.Includes(a.Gemeente, a.Agb) && query.Touches(a.Ingangsdatum, a.Einddatum))
            .Select(a => (a.Gemeente, a.Agb, a.ToewijzingNummer))
            .ToHashSet();
        foreach (var a in _assignments)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (wanted.Contains((a.Gemeente, a.Agb, a.ToewijzingNummer)))
            {
                yield return a;
            }
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    public async IAsyncEnumerable<PrestatieRecord> PrestatiesAsync(
        ReconciliationQuery query,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        query.Validate();
        bool InPeriod(PrestatieRecord p) =>
            query.Includes(p.Gemeente, p.Agb) && query.Touches(p.ProductPeriode.Begindatum, p.ProductPeriode.Einddatum);

        var debitsInPeriod = _prestaties
            .Where(p => !p.IsCredit && InPeriod(p))
            .Select(p => (p.Agb, p.ReferentieNummer))
            .ToHashSet();
        foreach (var p in _prestaties)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (InPeriod(p) || (p.IsCredit && p.VorigReferentieNummer is { } vorig && debitsInPeriod.Contains((p.Agb, vorig))))
            {
                yield return p;
            }
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }
}
