using System.Data.Common;
using Berichtenverkeer.Matching.State;
using Berichtenverkeer.Processing;
using Berichtenverkeer.Processing.Ledger;
using Berichtenverkeer.Store.Schema;

namespace Berichtenverkeer.Store;

/// <summary>The inbox, ledger and outbox (<see cref="IMessageLedger"/>), written in the same transactions as the iJw state.</summary>
public abstract partial class RelationalStore : IMessageLedger
{
    private const string Id = "@id";
    private const string ContentHash = "@content_hash";
    private const string Max = "@max";
    private const string Now = "@now";
    private const string Ids = "@ids";

    private static readonly string LedgerColumns = LedgerTables.Ledger.SelectList;
    private static readonly string InboundColumns = LedgerTables.Inbound.SelectList;
    private static readonly string OutboxColumns = LedgerTables.Outbox.SelectList;

    /// <inheritdoc />
    public Task SaveInboundAsync(InboundMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        return RunAsync(
            async ct =>
            {
                await WriteAsync([new InsertStep<InboundMessage>(LedgerTables.Inbound, [message])], ct, singleStatement: true).ConfigureAwait(false);
                return true;
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<InboundMessage?> LoadInboundAsync(string messageId, CancellationToken cancellationToken = default) =>
        RunAsync(
            async ct =>
            {
                await using var connection = await _dialect.OpenAsync(ct).ConfigureAwait(false);
                await using var command = Command(connection, null, $"SELECT {InboundColumns} FROM inbound WHERE message_id = {StoreSql.MessageId}");
                command.Parameters.Add(_dialect.Parameter(StoreSql.MessageId, messageId, ColumnType.Text));
                await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
                return await ReadOneAsync(reader, LedgerTables.Inbound, ct).ConfigureAwait(false);
            },
            cancellationToken);

    /// <inheritdoc />
    public Task<LedgerRecord?> FindAsync(string messageId, CancellationToken cancellationToken = default) =>
        FindLedgerAsync($"SELECT {LedgerColumns} FROM ledger WHERE message_id = {StoreSql.MessageId}", [(StoreSql.MessageId, messageId)], cancellationToken);

    /// <inheritdoc />
    /// <remarks>Only messages that were answered or routed count: an invalid or refused one was never received (IV032, OP286).</remarks>
    public Task<LedgerRecord?> FindDuplicateAsync(string afzender, string type, string identificatie, string contentHash, CancellationToken cancellationToken = default) =>
        FindLedgerAsync(
            $"SELECT {LedgerColumns} FROM ledger WHERE afzender = {StoreSql.Afzender} AND message_type = {StoreSql.Type} "
                + $"AND identificatie = {StoreSql.Identificatie} AND content_hash = {ContentHash} "
                + $"AND disposition IN ('{Disposition.Routed}', '{Disposition.Rejected}') ORDER BY received_at LIMIT 1",
            [(StoreSql.Afzender, afzender), (StoreSql.Type, type), (StoreSql.Identificatie, identificatie), (ContentHash, contentHash)],
            cancellationToken);

    /// <inheritdoc />
    /// <remarks>
    /// One transaction: the inbound bytes (kept if ingress stored them already), the ledger row, its deliveries and audit
    /// events in the outbox, and the state changes. A retry after a transient fault that finds the ledger row knows the
    /// earlier attempt committed.
    /// </remarks>
    public Task RecordAsync(LedgerRecord record, StateChanges? changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        var inbound = new InboundMessage(record.MessageId, record.Content, record.Channel, record.AuthenticatedParty, record.ReceivedAt);
        var outbox = record.Deliveries.Select(d => new OutboxRow(record.MessageId, d, null))
            .Concat(record.AuditEvents.Select(e => new OutboxRow(record.MessageId, null, e)))
            .ToList();
        var steps = new List<WriteStep>
        {
            new InsertStep<InboundMessage>(LedgerTables.Inbound, [inbound]),
            new InsertStep<LedgerRecord>(LedgerTables.Ledger, [record]),
            new InsertStep<OutboxRow>(LedgerTables.Outbox, outbox),
        };
        if (changes is not null)
        {
            steps.AddRange(StateSteps(changes));
        }

        var attempt = 0;
        return RunAsync(
            async ct =>
            {
                if (attempt++ > 0 && await FindAsync(record.MessageId, ct).ConfigureAwait(false) is not null)
                {
                    return true;
                }

                await WriteAsync(steps, ct).ConfigureAwait(false);
                return true;
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<OutboxItem>> PendingAsync(int max, CancellationToken cancellationToken = default) =>
        RunAsync<IReadOnlyList<OutboxItem>>(
            async ct =>
            {
                await using var connection = await _dialect.OpenAsync(ct).ConfigureAwait(false);
                await using var command = Command(connection, null, $"SELECT {OutboxColumns} FROM outbox WHERE dispatched_at IS NULL ORDER BY id LIMIT {Max}");
                command.Parameters.Add(_dialect.Parameter(Max, (long)max, ColumnType.Int64));
                await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
                var items = new List<OutboxItem>();
                while (await reader.ReadAsync(ct).ConfigureAwait(false))
                {
                    var row = LedgerTables.Outbox.ReadRow(reader);
                    items.Add(new OutboxItem(reader.GetInt64(0), row.MessageId, row.Delivery, row.AuditEvent));
                }

                return items;
            },
            cancellationToken);

    /// <inheritdoc />
    public Task MarkDispatchedAsync(IReadOnlyCollection<long> outboxIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(outboxIds);
        if (outboxIds.Count == 0)
        {
            return Task.CompletedTask;
        }

        var ids = outboxIds.ToList();
        return RunAsync(
            async ct =>
            {
                await using var connection = await _dialect.OpenAsync(ct).ConfigureAwait(false);
                await using var command = Command(connection, null, $"UPDATE outbox SET dispatched_at = {Now} WHERE id {_dialect.InList(Ids)} AND dispatched_at IS NULL");
                command.Parameters.Add(_dialect.Parameter(Now, DateTimeOffset.UtcNow, ColumnType.Timestamp));
                command.Parameters.Add(_dialect.ListParameter(Ids, ids));
                await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
                return true;
            },
            cancellationToken);
    }

    /// <summary>Deliveries of one message, for a duplicate's answer and for fetching a large delivery by id.</summary>
    public Task<IReadOnlyList<Processing.Routing.Delivery>> DeliveriesAsync(string messageId, CancellationToken cancellationToken = default) =>
        RunAsync<IReadOnlyList<Processing.Routing.Delivery>>(
            async ct =>
            {
                await using var connection = await _dialect.OpenAsync(ct).ConfigureAwait(false);
                return await DeliveriesAsync(connection, messageId, ct).ConfigureAwait(false);
            },
            cancellationToken);

    /// <summary>Checks that the database answers: the readiness probe.</summary>
    public Task PingAsync(CancellationToken cancellationToken = default) =>
        RunAsync(
            async ct =>
            {
                await using var connection = await _dialect.OpenAsync(ct).ConfigureAwait(false);
                await using var command = Command(connection, null, "SELECT 1");
                await command.ExecuteScalarAsync(ct).ConfigureAwait(false);
                return true;
            },
            cancellationToken);

    private Task<LedgerRecord?> FindLedgerAsync(string sql, (string Name, string Value)[] parameters, CancellationToken cancellationToken) =>
        RunAsync(
            async ct =>
            {
                await using var connection = await _dialect.OpenAsync(ct).ConfigureAwait(false);
                LedgerRecord? record;
                await using (var command = Command(connection, null, sql))
                {
                    foreach (var (name, value) in parameters)
                    {
                        command.Parameters.Add(_dialect.Parameter(name, value, ColumnType.Text));
                    }

                    await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
                    record = await ReadOneAsync(reader, LedgerTables.Ledger, ct).ConfigureAwait(false);
                }

                return record is null ? null : record with { Deliveries = await DeliveriesAsync(connection, record.MessageId, ct).ConfigureAwait(false) };
            },
            cancellationToken);

    private async Task<IReadOnlyList<Processing.Routing.Delivery>> DeliveriesAsync(DbConnection connection, string messageId, CancellationToken ct)
    {
        await using var command = Command(connection, null, $"SELECT {OutboxColumns} FROM outbox WHERE message_id = {StoreSql.MessageId} AND delivery_id IS NOT NULL ORDER BY id");
        command.Parameters.Add(_dialect.Parameter(StoreSql.MessageId, messageId, ColumnType.Text));
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        var rows = await ReadAllAsync(reader, LedgerTables.Outbox, ct).ConfigureAwait(false);
        return rows.Select(r => r.Delivery!).ToList();
    }
}
