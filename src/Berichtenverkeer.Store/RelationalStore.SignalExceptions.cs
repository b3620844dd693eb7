using System.Data.Common;
using Berichtenverkeer.Audit.Trail;
using Berichtenverkeer.Signals;
using Berichtenverkeer.Signals.Exceptions;
using Berichtenverkeer.Store.Schema;

namespace Berichtenverkeer.Store;

/// <summary>
/// Raised signals (<see cref="ISignalStore"/>, table <c>signal</c>, migration 0004). Saving runs under the audit trail's
/// append lock: the check for ids seen before, the signal rows, their triage registrations and the registrations' trail
/// entries are one transaction, so two writers racing on the same signal cannot both register it.
/// </summary>
public abstract partial class RelationalStore : ISignalStore
{
    /// <summary>Who registers a signal in triage: the detector, not a person.</summary>
    public const string SignalRegistrar = "berichtenverkeer-signals";

    private const string SignalIds = "@signal_ids";

    private static readonly Table<(Signal Signal, DateTimeOffset FirstSeen)> SignalTable = new(
        "signal",
        hasId: false,
        [
            new("id", ColumnType.Text, r => r.Signal.Id),
            new("rule_id", ColumnType.Text, r => r.Signal.RuleId),
            new("rule_version", ColumnType.Int64, r => (long)r.Signal.RuleVersion),
            new("severity", ColumnType.Text, r => r.Signal.Severity.ToString()),
            new("stage", ColumnType.Text, r => r.Signal.Stage.ToString()),
            new("gemeente", ColumnType.Text, r => r.Signal.Gemeente),
            new("agb", ColumnType.Text, r => r.Signal.Agb),
            new("client", ColumnType.Text, r => r.Signal.Client),
            new("period_from", ColumnType.Date, r => r.Signal.PeriodFrom),
            new("period_to", ColumnType.Date, r => r.Signal.PeriodTo),
            new("first_seen", ColumnType.Timestamp, r => r.FirstSeen),
            new("payload", ColumnType.Text, r => SignalJson.Serialize(r.Signal)),
        ],
        _ => throw new NotSupportedException("Signals are read with their triage state (StoredSignalColumns)."));

    private const string StoredSignalColumns = "s.payload, s.first_seen, s.published_at, t.state";

    /// <inheritdoc />
    public Task<IReadOnlyList<Signal>> SaveSignalsAsync(IReadOnlyList<Signal> signals, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(signals);
        var distinct = signals.DistinctBy(s => s.Id, StringComparer.Ordinal).ToList();
        if (distinct.Count == 0)
        {
            return Task.FromResult<IReadOnlyList<Signal>>([]);
        }

        return RunAsync(
            ct => InTrailTransactionAsync<IReadOnlyList<Signal>>(
                async (connection, transaction, c) =>
                {
                    var known = await KnownSignalIdsAsync(connection, transaction, distinct.Select(s => s.Id).ToList(), c).ConfigureAwait(false);
                    var fresh = distinct.Where(s => !known.Contains(s.Id)).ToList();
                    if (fresh.Count == 0)
                    {
                        return [];
                    }

                    // The registration is an ordinary triage transition: the same state machine and trail payload as a person's.
                    var transitions = fresh.Select(s => TriageRules.Transition(TriageSignalOf(s), null, TriageAction.Register, SignalRegistrar, at, null)).ToList();
                    var entries = await AppendLockedAsync(connection, transaction, transitions.Select(t => t.ToDraft()).ToList(), c).ConfigureAwait(false);
                    var triage = transitions.Select((t, i) => new TriageRecord(t.Signal, t.To, t.Reason, t.Who, t.At, entries[i].Sequence)).ToList();
                    await _dialect.ExecuteAsync(
                        connection,
                        transaction,
                        [
                            new InsertStep<(Signal, DateTimeOffset)>(SignalTable, fresh.Select(s => (s, AuditTime.Truncate(at))).ToList()),
                            new InsertStep<TriageRecord>(TriageTable, triage),
                        ],
                        c).ConfigureAwait(false);
                    return fresh;
                },
                ct),
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<StoredSignal>> QuerySignalsAsync(SignalQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(query.Limit);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(query.Limit, SignalQuery.MaxLimit);
        return RunAsync<IReadOnlyList<StoredSignal>>(
            async ct =>
            {
                await using var connection = await _dialect.OpenAsync(ct).ConfigureAwait(false);
                await using var command = Command(connection, null, string.Empty);
                var where = new List<string>();
                Equal("s.gemeente", "@q_gemeente", query.Gemeente);
                Equal("s.agb", "@q_agb", query.Agb);
                Equal("s.rule_id", "@q_rule", query.RuleId);
                Equal("t.state", "@q_state", query.State is { } state ? TriageRules.StateText(state) : null);
                if (query.Severity is not null || query.MinSeverity is not null)
                {
                    where.Add("s.severity " + _dialect.InList("@q_severities"));
                    command.Parameters.Add(_dialect.ListParameter("@q_severities", query.Severities().Select(s => s.ToString()).ToList()));
                }

                if (query.From is { } from)
                {
                    where.Add("s.period_to >= @q_from");
                    command.Parameters.Add(_dialect.Parameter("@q_from", from, ColumnType.Date));
                }

                if (query.To is { } to)
                {
                    where.Add("s.period_from <= @q_to");
                    command.Parameters.Add(_dialect.Parameter("@q_to", to, ColumnType.Date));
                }

                command.Parameters.Add(_dialect.Parameter(Max, (long)query.Limit, ColumnType.Int64));
                command.CommandText = $"SELECT {StoredSignalColumns} FROM signal s JOIN signal_triage t ON t.signal_id = s.id"
                    + (where.Count == 0 ? string.Empty : " WHERE " + string.Join(" AND ", where))
                    + $" ORDER BY s.period_from, s.rule_id, s.id LIMIT {Max}";
                await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
                return await ReadStoredSignalsAsync(reader, ct).ConfigureAwait(false);

                void Equal(string column, string parameter, string? value)
                {
                    if (value is not null)
                    {
                        where.Add($"{column} = {parameter}");
                        command.Parameters.Add(_dialect.Parameter(parameter, value, ColumnType.Text));
                    }
                }
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<StoredSignal?> FindStoredSignalAsync(string signalId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(signalId);
        return RunAsync(
            async ct =>
            {
                await using var connection = await _dialect.OpenAsync(ct).ConfigureAwait(false);
                await using var command = Command(
                    connection, null, $"SELECT {StoredSignalColumns} FROM signal s JOIN signal_triage t ON t.signal_id = s.id WHERE s.id = {SignalId}");
                command.Parameters.Add(_dialect.Parameter(SignalId, signalId, ColumnType.Text));
                await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
                return (await ReadStoredSignalsAsync(reader, ct).ConfigureAwait(false)).SingleOrDefault();
            },
            cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>The triage payload is compact JSON written by <see cref="TriageTransition.ToDraft"/>, so the id appears as <c>"signalId":"…"</c>.</remarks>
    public Task<IReadOnlyList<AuditTrailEntry>> SignalTrailAsync(string signalId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(signalId);
        return RunAsync<IReadOnlyList<AuditTrailEntry>>(
            async ct =>
            {
                await using var connection = await _dialect.OpenAsync(ct).ConfigureAwait(false);
                await using var command = Command(
                    connection,
                    null,
                    $"SELECT {TrailTable.SelectList} FROM audit_trail WHERE kind = 'triage' AND payload LIKE @pattern ESCAPE '!' ORDER BY sequence");
                var escaped = signalId.Replace("!", "!!", StringComparison.Ordinal).Replace("%", "!%", StringComparison.Ordinal).Replace("_", "!_", StringComparison.Ordinal);
                command.Parameters.Add(_dialect.Parameter("@pattern", $"%\"signalId\":\"{escaped}\"%", ColumnType.Text));
                await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
                var entries = await ReadAllAsync(reader, TrailTable, ct).ConfigureAwait(false);

                // LIKE narrows; the payload itself decides (a reason could quote another signal's id).
                return entries.Where(e => TriagePayloadNames(e, signalId)).ToList();
            },
            cancellationToken);
    }

    /// <summary>The municipalities that have any state (assignments or prestaties): the scope of a period batch.</summary>
    public Task<IReadOnlyList<string>> SignalGemeentenAsync(CancellationToken cancellationToken = default) =>
        RunAsync<IReadOnlyList<string>>(
            async ct =>
            {
                await using var connection = await _dialect.OpenAsync(ct).ConfigureAwait(false);
                await using var command = Command(
                    connection, null, "SELECT gemeente FROM assignment UNION SELECT gemeente FROM prestatie UNION SELECT gemeente FROM regie ORDER BY 1");
                await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
                var gemeenten = new List<string>();
                while (await reader.ReadAsync(ct).ConfigureAwait(false))
                {
                    gemeenten.Add(reader.GetString(0));
                }

                return gemeenten;
            },
            cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<StoredSignal>> UnpublishedSignalsAsync(int max, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        return RunAsync<IReadOnlyList<StoredSignal>>(
            async ct =>
            {
                await using var connection = await _dialect.OpenAsync(ct).ConfigureAwait(false);
                await using var command = Command(
                    connection,
                    null,
                    $"SELECT {StoredSignalColumns} FROM signal s JOIN signal_triage t ON t.signal_id = s.id "
                        + $"WHERE s.published_at IS NULL ORDER BY s.first_seen, s.id LIMIT {Max}");
                command.Parameters.Add(_dialect.Parameter(Max, (long)max, ColumnType.Int64));
                await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
                return await ReadStoredSignalsAsync(reader, ct).ConfigureAwait(false);
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<int> MarkSignalsPublishedAsync(IReadOnlyCollection<string> signalIds, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(signalIds);
        if (signalIds.Count == 0)
        {
            return Task.FromResult(0);
        }

        // Only the first confirmation counts: a re-publish after a crash keeps the original time.
        return RunAsync(
            async ct =>
            {
                await using var connection = await _dialect.OpenAsync(ct).ConfigureAwait(false);
                await using var transaction = await _dialect.BeginWriteAsync(connection, ct).ConfigureAwait(false);
                await using var command = Command(
                    connection, transaction, $"UPDATE signal SET published_at = {Now} WHERE published_at IS NULL AND id {_dialect.InList(SignalIds)}");
                command.Parameters.Add(_dialect.Parameter(Now, AuditTime.Truncate(at), ColumnType.Timestamp));
                command.Parameters.Add(_dialect.ListParameter(SignalIds, signalIds));
                var marked = await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
                await transaction.CommitAsync(ct).ConfigureAwait(false);
                return marked;
            },
            cancellationToken);
    }

    private static TriageSignal TriageSignalOf(Signal s) =>
        new(s.Id, s.Gemeente, s.Agb ?? s.RelatedAgbs.FirstOrDefault() ?? string.Empty, s.RuleId);

    private static bool TriagePayloadNames(AuditTrailEntry entry, string signalId)
    {
        using var payload = System.Text.Json.JsonDocument.Parse(entry.Payload);
        return payload.RootElement.TryGetProperty("signalId", out var id) && id.GetString() == signalId;
    }

    private static Signal Parse(string json) =>
        SignalJson.Deserialize(json) ?? throw new InvalidDataException("A stored signal's payload is not a signal.");

    private static async Task<IReadOnlyList<StoredSignal>> ReadStoredSignalsAsync(DbDataReader reader, CancellationToken ct)
    {
        var rows = new List<StoredSignal>();
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            var c = new RowCursor(reader, 0);
            var signal = Parse(c.Text());
            var firstSeen = AuditTime.Truncate(c.Timestamp());
            DateTimeOffset? published = reader.IsDBNull(2) ? null : AuditTime.Truncate(reader.GetFieldValue<DateTimeOffset>(2));
            rows.Add(new StoredSignal(signal, firstSeen, published, TriageRules.ParseState(reader.GetString(3))));
        }

        return rows;
    }

    private async Task<HashSet<string>> KnownSignalIdsAsync(DbConnection connection, DbTransaction transaction, IReadOnlyCollection<string> ids, CancellationToken ct)
    {
        await using var command = Command(connection, transaction, $"SELECT id FROM signal WHERE id {_dialect.InList(SignalIds)}");
        command.Parameters.Add(_dialect.ListParameter(SignalIds, ids));
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        var known = new HashSet<string>(StringComparer.Ordinal);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            known.Add(reader.GetString(0));
        }

        return known;
    }
}
