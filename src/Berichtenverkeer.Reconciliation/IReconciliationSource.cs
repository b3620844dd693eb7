using Berichtenverkeer.Matching.State;

namespace Berichtenverkeer.Reconciliation;

/// <summary>
/// The read side the reconciliation needs from the store. Streams so a year of a large region need not sit in memory
/// twice. Implementations may return more than asked (the reconciliation filters again) but never less.
/// </summary>
public interface IReconciliationSource
{
    /// <summary>
    /// All versions of every assignment (same Gemeente + Agb + ToewijzingNummer) of the query's municipalities and
    /// providers of which at least one version's [Ingangsdatum, Einddatum] touches the query period. All versions are
    /// needed because only the latest one counts (IV013) and it may be a version that no longer touches the period.
    /// </summary>
    IAsyncEnumerable<AssignmentRecord> AssignmentsAsync(ReconciliationQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// The prestaties of the query's municipalities and providers whose ProductPeriode touches the query period, approved
    /// or not, debit or credit; plus every credit (any period) whose debit (same Agb, ReferentieNummer =
    /// VorigReferentieNummer) is among them.
    /// </summary>
    IAsyncEnumerable<PrestatieRecord> PrestatiesAsync(ReconciliationQuery query, CancellationToken cancellationToken = default);
}
