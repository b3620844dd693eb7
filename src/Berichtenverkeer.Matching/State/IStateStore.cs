namespace Berichtenverkeer.Matching.State;

/// <summary>
/// The gateway's memory of accepted messages, kept per municipality and provider.
/// PostgreSQL in production, SQLite as the embedded default; both enforce the uniqueness the rules demand.
/// </summary>
public interface IStateStore
{
    /// <summary>
    /// Loads what the rules need for one message:
    /// <list type="bullet">
    /// <item>the earlier message with the same Type + Afzender + Identificatie;</item>
    /// <item>assignments: gemeente = G and (ToewijzingNummer in scope, or agb = A and bsn in scope, or agb = A and
    ///   ReferentieAanbieder in scope (a JW319 has no client: TR359)), all versions;</item>
    /// <item>regie: gemeente = G, agb = A, bsn in scope, deleted ones included;</item>
    /// <item>requests: agb = A and (referentie in scope, or gemeente = G and bsn in scope);
    ///   answers: gemeente = G, agb = A, referentie in scope or of those requests;</item>
    /// <item>declarations: agb = A with the scope's DeclaratieNummer; the latest DeclaratiePeriode of A to G;</item>
    /// <item>prestaties: agb = A and (ReferentieNummer in scope, or gemeente = G and ToewijzingNummer in scope);</item>
    /// <item>for a JW325: the JW323 from A to G with the answered BerichtIdentificatie, its declaration and prestaties.</item>
    /// </list>
    /// </summary>
    Task<StateSnapshot> LoadAsync(StateScope scope, CancellationToken cancellationToken = default);

    /// <summary>Writes the message record and all its effects atomically. A uniqueness conflict throws <see cref="StateConflictException"/>.</summary>
    Task CommitAsync(StateChanges changes, CancellationToken cancellationToken = default);
}

/// <summary>Two writers tried to establish the same unique fact (a concurrent duplicate); the caller re-evaluates.</summary>
public sealed class StateConflictException(string message, Exception? inner = null) : Exception(message, inner);
