using Berichtenverkeer.Matching.State;
using Berichtenverkeer.ReferenceData.Import;

namespace Berichtenverkeer.Store;

/// <summary>
/// The gateway's database: message state (<see cref="IStateStore"/>) and reference data (<see cref="IReferenceStore"/>)
/// in one schema, with the tamper-evident audit trail fed from the outbox (<see cref="Audit.Trail.IAuditOutboxFeed"/>) and
/// the triage of fraud-suspicion signals recorded in it. Call <see cref="MigrateAsync"/> once at startup (<see cref="StateStoreFactory.CreateMigratedAsync"/> does).
/// </summary>
public interface IGatewayStore : IStateStore, IReferenceStore, Processing.Ledger.IMessageLedger, Reconciliation.IReconciliationSource,
    Audit.Trail.IAuditTrailStore, Audit.Trail.ISignalTriageStore, Audit.Trail.IAuditOutboxFeed, Signals.Exceptions.ISignalStore, IAsyncDisposable, IDisposable
{
    /// <summary>"sqlite" or "postgres".</summary>
    string Provider { get; }

    /// <summary>
    /// Applies the embedded migration scripts the database has not seen yet, in one transaction, and returns how many it
    /// applied. Idempotent, and safe to run from several processes at once (SQLite: BEGIN IMMEDIATE; PostgreSQL: an
    /// advisory lock per schema). Throws when the database is newer than this build.
    /// </summary>
    Task<int> MigrateAsync(CancellationToken cancellationToken = default);

    /// <summary>Checks that the database answers (readiness).</summary>
    Task PingAsync(CancellationToken cancellationToken = default);

    /// <summary>The highest applied migration number (0 for an empty database).</summary>
    Task<int> SchemaVersionAsync(CancellationToken cancellationToken = default);
}
