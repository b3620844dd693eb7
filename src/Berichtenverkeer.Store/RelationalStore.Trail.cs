using System.Data.Common;
using System.Globalization;
using Berichtenverkeer.Audit.Sampling;
using Berichtenverkeer.Audit.Trail;
using Berichtenverkeer.Store.Schema;

namespace Berichtenverkeer.Store;

/// <summary>
/// The audit trail (<see cref="IAuditTrailStore"/>, table <c>audit_trail</c>), signal triage (<see cref="ISignalTriageStore"/>,
/// table <c>signal_triage</c>) and sampling frames (<see cref="ISamplingSource"/>), migration 0003. Every write to the
/// trail runs under one append lock — SQLite: BEGIN IMMEDIATE (one writer per database); PostgreSQL: a transaction-scoped
/// advisory lock per schema — and reads the head inside it, so concurrent writers (threads or processes) always form one
/// unbroken chain. Nothing here updates <c>audit_trail</c>; retention deletes its oldest prefix and appends an anchor in
/// the same transaction.
/// </summary>
public abstract partial class RelationalStore : IAuditTrailStore, ISignalTriageStore, ISamplingSource, IAuditOutboxFeed
{
    private const string Sequence = "@sequence";
    private const string Cutoff = "@cutoff";
    private const string SignalId = "@signal_id";
    private const string State = "@state";
    private const string FromState = "@from_state";

    private static readonly Table<AuditTrailEntry> TrailTable = new(
        "audit_trail",
        hasId: false,
        [
            new("sequence", ColumnType.Int64, e => e.Sequence),
            new("at", ColumnType.Timestamp, e => e.At),
            new("kind", ColumnType.Text, e => e.Kind),
            new("payload", ColumnType.Text, e => e.Payload),
            new("prev_hash", ColumnType.Text, e => e.PrevHash),
            new("entry_hash", ColumnType.Text, e => e.EntryHash),
        ],
        c => new AuditTrailEntry(c.Int64(), AuditTime.Truncate(c.Timestamp()), c.Text(), c.Text(), c.Text(), c.Text()));

    private static readonly Table<TriageRecord> TriageTable = new(
        "signal_triage",
        hasId: false,
        [
            new("signal_id", ColumnType.Text, r => r.Signal.SignalId),
            new("gemeente", ColumnType.Text, r => r.Signal.Gemeente),
            new("agb", ColumnType.Text, r => r.Signal.Agb),
            new("rule_id", ColumnType.Text, r => r.Signal.RuleId),
            new("state", ColumnType.Text, r => TriageRules.StateText(r.State)),
            new("reason", ColumnType.Text, r => r.Reason),
            new("updated_by", ColumnType.Text, r => r.UpdatedBy),
            new("updated_at", ColumnType.Timestamp, r => r.UpdatedAt),
            new("trail_sequence", ColumnType.Int64, r => r.TrailSequence),
        ],
        c => new TriageRecord(
            new TriageSignal(c.Text(), c.Text(), c.Text(), c.Text()),
            TriageRules.ParseState(c.Text()),
            c.NullableText(),
            c.Text(),
            AuditTime.Truncate(c.Timestamp()),
            c.Int64()));

    /// <inheritdoc />
    public Task<IReadOnlyList<AuditTrailEntry>> AppendTrailAsync(IReadOnlyList<TrailDraft> drafts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(drafts);
        if (drafts.Count == 0)
        {
            return Task.FromResult<IReadOnlyList<AuditTrailEntry>>([]);
        }

        return RunAsync(ct => InTrailTransactionAsync((connection, transaction, c) => AppendLockedAsync(connection, transaction, drafts, c), ct), cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<AuditTrailEntry>> ReadTrailAsync(long fromSequence, int max, CancellationToken cancellationToken = default) =>
        RunAsync<IReadOnlyList<AuditTrailEntry>>(
            async ct =>
            {
                await using var connection = await _dialect.OpenAsync(ct).ConfigureAwait(false);
                await using var command = Command(
                    connection, null, $"SELECT {TrailTable.SelectList} FROM audit_trail WHERE sequence >= {Sequence} ORDER BY sequence LIMIT {Max}");
                command.Parameters.Add(_dialect.Parameter(Sequence, fromSequence, ColumnType.Int64));
                command.Parameters.Add(_dialect.Parameter(Max, (long)Math.Max(0, max), ColumnType.Int64));
                await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
                return await ReadAllAsync(reader, TrailTable, ct).ConfigureAwait(false);
            },
            cancellationToken);

    /// <inheritdoc />
    public Task<AuditTrailHead?> TrailHeadAsync(CancellationToken cancellationToken = default) =>
        RunAsync(
            async ct =>
            {
                await using var connection = await _dialect.OpenAsync(ct).ConfigureAwait(false);
                await using var transaction = await _dialect.BeginReadAsync(connection, ct).ConfigureAwait(false);
                var head = await HeadAsync(connection, transaction, ct).ConfigureAwait(false);
                if (head is not null)
                {
                    head = head with { Count = await ScalarAsync(connection, transaction, "SELECT COUNT(*) FROM audit_trail", [], ct).ConfigureAwait(false) ?? 0 };
                }

                await transaction.CommitAsync(ct).ConfigureAwait(false);
                return head;
            },
            cancellationToken);

    /// <inheritdoc />
    public Task<RetentionOutcome?> DeleteTrailBeforeAsync(DateTimeOffset cutoff, DateTimeOffset anchorAt, CancellationToken cancellationToken = default) =>
        RunAsync(
            ct => InTrailTransactionAsync<RetentionOutcome?>(
                async (connection, transaction, c) =>
                {
                    var head = await HeadAsync(connection, transaction, c).ConfigureAwait(false);
                    if (head is null)
                    {
                        return null;
                    }

                    var cut = AuditTime.Truncate(cutoff);
                    var first = await ScalarAsync(connection, transaction, "SELECT MIN(sequence) FROM audit_trail", [], c).ConfigureAwait(false);

                    // The longest prefix whose entries are all older than the cut-off: up to the first entry that is not.
                    var kept = await ScalarAsync(
                        connection,
                        transaction,
                        $"SELECT sequence FROM audit_trail WHERE at >= {Cutoff} ORDER BY sequence LIMIT 1",
                        [(Cutoff, cut, ColumnType.Timestamp)],
                        c).ConfigureAwait(false);
                    var last = kept is { } k ? k - 1 : head.Sequence;
                    if (first is null || last < first)
                    {
                        return null;
                    }

                    var lastHash = await TextScalarAsync(
                        connection, transaction, $"SELECT entry_hash FROM audit_trail WHERE sequence = {Sequence}", [(Sequence, last, ColumnType.Int64)], c).ConfigureAwait(false)
                        ?? throw new InvalidOperationException($"Audit trail entry {last.ToString(CultureInfo.InvariantCulture)} is missing: the trail has a gap.");
                    var count = await ScalarAsync(
                        connection, transaction, $"SELECT COUNT(*) FROM audit_trail WHERE sequence <= {Sequence}", [(Sequence, last, ColumnType.Int64)], c).ConfigureAwait(false) ?? 0;

                    var removed = new RetentionAnchor(first.Value, last, count, lastHash, cut);
                    var anchor = AuditChain.Link(head, [removed.Draft(anchorAt)]);
                    await _dialect.ExecuteAsync(
                        connection,
                        transaction,
                        [
                            new CommandStep($"DELETE FROM audit_trail WHERE sequence <= {Sequence}", [new(Sequence, last, ColumnType.Int64)]),
                            new InsertStep<AuditTrailEntry>(TrailTable, anchor),
                        ],
                        c).ConfigureAwait(false);
                    return new RetentionOutcome(anchor[0], removed);
                },
                ct),
            cancellationToken);

    /// <inheritdoc />
    /// <remarks>The outbox rows are marked (<c>trailed_at</c>) in the transaction that appends them, under the append lock.</remarks>
    public Task<int> TrailOutboxAsync(int max, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        return RunAsync(
            ct => InTrailTransactionAsync(
                async (connection, transaction, c) =>
                {
                    var pending = new List<(long Id, string Json)>();
                    await using (var command = Command(
                        connection,
                        transaction,
                        $"SELECT id, audit_event FROM outbox WHERE audit_event IS NOT NULL AND trailed_at IS NULL ORDER BY id LIMIT {Max}"))
                    {
                        command.Parameters.Add(_dialect.Parameter(Max, (long)max, ColumnType.Int64));
                        await using var reader = await command.ExecuteReaderAsync(c).ConfigureAwait(false);
                        while (await reader.ReadAsync(c).ConfigureAwait(false))
                        {
                            pending.Add((reader.GetInt64(0), reader.GetString(1)));
                        }
                    }

                    if (pending.Count == 0)
                    {
                        return 0;
                    }

                    var drafts = pending.Select(p => TrailDraft.Create(TrailKind.AuditEvent, at, p.Json)).ToList();
                    await AppendLockedAsync(connection, transaction, drafts, c).ConfigureAwait(false);
                    await using var mark = Command(connection, transaction, $"UPDATE outbox SET trailed_at = {Now} WHERE id {_dialect.InList(Ids)}");
                    mark.Parameters.Add(_dialect.Parameter(Now, AuditTime.Truncate(at), ColumnType.Timestamp));
                    mark.Parameters.Add(_dialect.ListParameter(Ids, pending.Select(p => p.Id).ToList()));
                    await mark.ExecuteNonQueryAsync(c).ConfigureAwait(false);
                    return pending.Count;
                },
                ct),
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<TriageRecord?> FindSignalAsync(string signalId, CancellationToken cancellationToken = default) =>
        RunAsync(
            async ct =>
            {
                await using var connection = await _dialect.OpenAsync(ct).ConfigureAwait(false);
                return await FindSignalAsync(connection, null, signalId, ct).ConfigureAwait(false);
            },
            cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<TriageRecord>> ListSignalsAsync(TriageState? state = null, CancellationToken cancellationToken = default) =>
        RunAsync<IReadOnlyList<TriageRecord>>(
            async ct =>
            {
                await using var connection = await _dialect.OpenAsync(ct).ConfigureAwait(false);
                var where = state is null ? string.Empty : $" WHERE state = {State}";
                await using var command = Command(connection, null, $"SELECT {TriageTable.SelectList} FROM signal_triage{where} ORDER BY trail_sequence");
                if (state is { } s)
                {
                    command.Parameters.Add(_dialect.Parameter(State, TriageRules.StateText(s), ColumnType.Text));
                }

                await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
                return await ReadAllAsync(reader, TriageTable, ct).ConfigureAwait(false);
            },
            cancellationToken);

    /// <inheritdoc />
    public Task<TriageRecord> ApplyTriageAsync(TriageTransition transition, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(transition);
        return RunAsync(
            ct => InTrailTransactionAsync(
                async (connection, transaction, c) =>
                {
                    // Under the trail's append lock, so this read and the write below cannot interleave with another transition.
                    var current = await FindSignalAsync(connection, transaction, transition.Signal.SignalId, c).ConfigureAwait(false);
                    if (current?.State != transition.From)
                    {
                        throw new TriageConflictException(TriageRules.ConflictMessage(transition, current?.State));
                    }

                    var entry = (await AppendLockedAsync(connection, transaction, [transition.ToDraft()], c).ConfigureAwait(false))[0];
                    var record = new TriageRecord(
                        current?.Signal ?? transition.Signal, transition.To, transition.Reason, transition.Who, transition.At, entry.Sequence);
                    WriteStep step = current is null
                        ? new InsertStep<TriageRecord>(TriageTable, [record])
                        : new CommandStep(
                            "UPDATE signal_triage SET state = @state, reason = @reason, updated_by = @updated_by, updated_at = @updated_at, "
                                + $"trail_sequence = @trail_sequence WHERE signal_id = {SignalId} AND state = {FromState}",
                            [
                                new(State, TriageRules.StateText(record.State), ColumnType.Text),
                                new("@reason", record.Reason, ColumnType.Text),
                                new("@updated_by", record.UpdatedBy, ColumnType.Text),
                                new("@updated_at", record.UpdatedAt, ColumnType.Timestamp),
                                new("@trail_sequence", record.TrailSequence, ColumnType.Int64),
                                new(SignalId, record.Signal.SignalId, ColumnType.Text),
                                new(FromState, TriageRules.StateText(current.State), ColumnType.Text),
                            ]);
                    await _dialect.ExecuteAsync(connection, transaction, [step], c).ConfigureAwait(false);
                    return record;
                },
                ct),
            cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>Reads agb, referentienummer, gemeente, product, ProductPeriode begin, bedrag, D/C and approval — never the BSN column.</remarks>
    public Task<IReadOnlyList<SamplingUnit>> SamplingUnitsAsync(SamplingPopulation population, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(population);
        if (population.UnitType != UnitType.Prestatie)
        {
            throw new NotSupportedException($"The store samples {UnitType.Prestatie} units; build {population.UnitType} units yourself.");
        }

        return RunAsync<IReadOnlyList<SamplingUnit>>(
            async ct =>
            {
                await using var connection = await _dialect.OpenAsync(ct).ConfigureAwait(false);
                await using var command = Command(connection, null, string.Empty);
                var sql = new System.Text.StringBuilder(
                    "SELECT agb, referentienummer, gemeente, product_categorie, product_code, product_periode_begin, bedrag, debet_credit, approved "
                    + "FROM prestatie WHERE product_periode_begin >= @period_start AND product_periode_begin <= @period_end");
                command.Parameters.Add(_dialect.Parameter("@period_start", population.PeriodStart, ColumnType.Date));
                command.Parameters.Add(_dialect.Parameter("@period_end", population.PeriodEnd, ColumnType.Date));
                Filter("gemeente", "@gemeenten", population.Gemeenten);
                Filter("agb", "@agbs", population.Providers);
                Filter("product_categorie", "@categorieen", population.ProductCategories);
                Filter("product_code", "@codes", population.ProductCodes);
                if (!population.IncludeCredits)
                {
                    sql.Append(" AND debet_credit = 'D'");
                }

                if (!population.IncludeRejected)
                {
                    sql.Append(" AND approved = @approved");
                    command.Parameters.Add(_dialect.Parameter("@approved", true, ColumnType.Bool));
                }

                command.CommandText = sql.Append(" ORDER BY agb, referentienummer").ToString();
                await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
                var units = new List<SamplingUnit>();
                while (await reader.ReadAsync(ct).ConfigureAwait(false))
                {
                    var c = new RowCursor(reader, 0);
                    units.Add(SamplingUnit.Prestatie(
                        agb: c.Text(),
                        referentieNummer: c.Text(),
                        gemeente: c.Text(),
                        productCategorie: c.Text(),
                        productCode: c.Text(),
                        periode: c.Date(),
                        bedrag: c.Int64(),
                        credit: c.Text() == "C",
                        approved: c.Bool()));
                }

                return units;

                void Filter(string column, string parameter, IReadOnlyList<string> values)
                {
                    if (values.Count > 0)
                    {
                        sql.Append(" AND ").Append(column).Append(' ').Append(_dialect.InList(parameter));
                        command.Parameters.Add(_dialect.ListParameter(parameter, values.ToList()));
                    }
                }
            },
            cancellationToken);
    }

    /// <summary>Runs <paramref name="work"/> in a write transaction holding the trail's append lock, and commits.</summary>
    private async Task<T> InTrailTransactionAsync<T>(Func<DbConnection, DbTransaction, CancellationToken, Task<T>> work, CancellationToken ct)
    {
        await using var connection = await _dialect.OpenAsync(ct).ConfigureAwait(false);

        // SQLite: BEGIN IMMEDIATE takes the database's write lock now, so this transaction is the only writer.
        await using var transaction = await _dialect.BeginWriteAsync(connection, ct).ConfigureAwait(false);
        if (_dialect.Name == StateStoreOptions.Postgres)
        {
            // PostgreSQL: one append lock per schema, released at commit or rollback. Read committed then shows the head
            // the previous lock holder committed.
            await ExecuteAsync(connection, transaction, "SELECT pg_advisory_xact_lock(hashtext('berichtenverkeer.audit_trail'), hashtext(current_schema()))", ct)
                .ConfigureAwait(false);
        }

        T result;
        try
        {
            result = await work(connection, transaction, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (_dialect.IsUniqueViolation(e, out var table, out _) && table == TrailTable.Name)
        {
            throw new InvalidOperationException("Another writer appended to the audit trail without holding the append lock.", e);
        }

        await transaction.CommitAsync(ct).ConfigureAwait(false);
        return result;
    }

    private async Task<IReadOnlyList<AuditTrailEntry>> AppendLockedAsync(
        DbConnection connection, DbTransaction transaction, IReadOnlyList<TrailDraft> drafts, CancellationToken ct)
    {
        var head = await HeadAsync(connection, transaction, ct).ConfigureAwait(false);
        var entries = AuditChain.Link(head, drafts);
        await _dialect.ExecuteAsync(connection, transaction, [new InsertStep<AuditTrailEntry>(TrailTable, entries)], ct).ConfigureAwait(false);
        return entries;
    }

    /// <summary>The newest entry (Count left 0: counting is for <see cref="TrailHeadAsync"/> only).</summary>
    private static async Task<AuditTrailHead?> HeadAsync(DbConnection connection, DbTransaction? transaction, CancellationToken ct)
    {
        await using var command = Command(connection, transaction, "SELECT sequence, entry_hash, at FROM audit_trail ORDER BY sequence DESC LIMIT 1");
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        if (!await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            return null;
        }

        var c = new RowCursor(reader, 0);
        return new AuditTrailHead(c.Int64(), c.Text(), AuditTime.Truncate(c.Timestamp()), 0);
    }

    private async Task<TriageRecord?> FindSignalAsync(DbConnection connection, DbTransaction? transaction, string signalId, CancellationToken ct)
    {
        await using var command = Command(connection, transaction, $"SELECT {TriageTable.SelectList} FROM signal_triage WHERE signal_id = {SignalId}");
        command.Parameters.Add(_dialect.Parameter(SignalId, signalId, ColumnType.Text));
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        return await ReadOneAsync(reader, TriageTable, ct).ConfigureAwait(false);
    }

    private async Task<long?> ScalarAsync(
        DbConnection connection, DbTransaction transaction, string sql, (string Name, object Value, ColumnType Type)[] parameters, CancellationToken ct)
    {
        var value = await ScalarObjectAsync(connection, transaction, sql, parameters, ct).ConfigureAwait(false);
        return value is null ? null : Convert.ToInt64(value, CultureInfo.InvariantCulture);
    }

    private async Task<string?> TextScalarAsync(
        DbConnection connection, DbTransaction transaction, string sql, (string Name, object Value, ColumnType Type)[] parameters, CancellationToken ct) =>
        (string?)await ScalarObjectAsync(connection, transaction, sql, parameters, ct).ConfigureAwait(false);

    private async Task<object?> ScalarObjectAsync(
        DbConnection connection, DbTransaction transaction, string sql, (string Name, object Value, ColumnType Type)[] parameters, CancellationToken ct)
    {
        await using var command = Command(connection, transaction, sql);
        foreach (var (name, value, type) in parameters)
        {
            command.Parameters.Add(_dialect.Parameter(name, value, type));
        }

        var result = await command.ExecuteScalarAsync(ct).ConfigureAwait(false);
        return result is null or DBNull ? null : result;
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction transaction, string sql, CancellationToken ct)
    {
        await using var command = Command(connection, transaction, sql);
        await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }
}
