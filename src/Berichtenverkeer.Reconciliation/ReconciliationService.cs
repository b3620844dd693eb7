using Berichtenverkeer.Matching.State;
using Berichtenverkeer.ReferenceData;

namespace Berichtenverkeer.Reconciliation;

/// <summary>Reads the records a report needs from an <see cref="IReconciliationSource"/> and computes it.</summary>
public sealed class ReconciliationService(IReconciliationSource source, IReferenceData referenceData)
{
    /// <summary>Assigned against declared per gemeente × month × provider × product, with totals (<see cref="Reconciler"/>).</summary>
    public async Task<ReconciliationReport> ReconcileAsync(ReconciliationQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        query.Validate();
        var (assignments, prestaties) = await LoadAsync(query, cancellationToken);
        return Reconciler.Reconcile(query, assignments, prestaties, referenceData);
    }

    /// <summary>Budget use per gemeente × provider for the year of AsOf (<see cref="BudgetUseCalculator"/>).</summary>
    public async Task<BudgetUseReport> BudgetUseAsync(BudgetUseQuery query, BudgetUseOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var (assignments, prestaties) = await LoadAsync(query.SourceQuery, cancellationToken);
        return BudgetUseCalculator.Compute(query, assignments, prestaties, referenceData, options);
    }

    private async Task<(List<AssignmentRecord> Assignments, List<PrestatieRecord> Prestaties)> LoadAsync(
        ReconciliationQuery query,
        CancellationToken cancellationToken)
    {
        var assignments = new List<AssignmentRecord>();
        await foreach (var a in source.AssignmentsAsync(query, cancellationToken).WithCancellation(cancellationToken))
        {
            assignments.Add(a);
        }

        var prestaties = new List<PrestatieRecord>();
        await foreach (var p in source.PrestatiesAsync(query, cancellationToken).WithCancellation(cancellationToken))
        {
            prestaties.Add(p);
        }

        return (assignments, prestaties);
    }
}
