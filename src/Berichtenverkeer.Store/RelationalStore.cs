using System.Data.Common;
using Berichtenverkeer.Ijw.Catalog;
using Berichtenverkeer.Ijw.Model;
using Berichtenverkeer.Matching.State;
using Berichtenverkeer.ReferenceData;
using Berichtenverkeer.ReferenceData.Import;
using Berichtenverkeer.Store.Migrations;
using Berichtenverkeer.Store.Schema;
using Microsoft.Extensions.Logging;
using Polly;

namespace Berichtenverkeer.Store;

/// <summary>
/// The store logic both databases share: what LoadAsync reads and CommitAsync writes, in which order, and how errors
/// become <see cref="StateConflictException"/>. <see cref="SqliteStateStore"/> and <see cref="PostgresStateStore"/>
/// only supply their <see cref="SqlDialect"/>.
/// </summary>
public abstract partial class RelationalStore : IGatewayStore
{
    private readonly SqlDialect _dialect;
    private readonly StoreSql _sql;
    private readonly ResiliencePipeline _pipeline;
    private bool _disposed;

    private protected RelationalStore(SqlDialect dialect, StateStoreOptions options, ILogger? logger)
    {
        _dialect = dialect;
        _sql = new StoreSql(dialect);
        _pipeline = StoreResilience.Create(dialect, options, logger);
    }

    public string Provider => _dialect.Name;

    public Task<int> MigrateAsync(CancellationToken cancellationToken = default) =>
        RunAsync(ct => Migrator.MigrateAsync(_dialect, ct), cancellationToken);

    public Task<int> SchemaVersionAsync(CancellationToken cancellationToken = default) =>
        RunAsync(ct => Migrator.VersionAsync(_dialect, ct), cancellationToken);

    /// <inheritdoc />
    public Task<StateSnapshot> LoadAsync(StateScope scope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return RunAsync(ct => LoadOnceAsync(scope, ct), cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>
    /// Order inside the transaction: the message record; the regie records <see cref="StateChanges.DeletedRegie"/> names are
    /// marked deleted (before the inserts, so a delete plus its replacement with the same key in one message works, IV008);
    /// then assignments (a version already stored is skipped), regie, requests, answers, the declaration and its prestaties.
    /// A delete that finds no current record (another writer deleted it first) is a conflict, as is any unique violation.
    /// A transient fault retries the whole transaction; a retry that finds the message already stored knows the earlier
    /// attempt committed (the fault hit the acknowledgement) and returns.
    /// </remarks>
    public Task CommitAsync(StateChanges changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var steps = StateSteps(changes);

        var attempt = 0;
        return RunAsync(
            async ct =>
            {
                if (attempt++ > 0 && await MessageExistsAsync(changes.Message.MessageId, ct).ConfigureAwait(false))
                {
                    return true;
                }

                await WriteAsync(steps, ct).ConfigureAwait(false);
                return true;
            },
            cancellationToken);
    }

    /// <summary>The writes of one message's state changes, in the order <see cref="CommitAsync"/> documents.</summary>
    private static List<WriteStep> StateSteps(StateChanges changes)
    {
        var steps = new List<WriteStep> { new InsertStep<MessageRecord>(Tables.Messages, [changes.Message]) };
        foreach (var deleted in changes.DeletedRegie)
        {
            steps.Add(new CommandStep(
                StoreSql.DeleteRegie,
                [
                    new(StoreSql.MessageId, changes.Message.MessageId, ColumnType.Text),
                    new(StoreSql.Gemeente, deleted.Gemeente, ColumnType.Text),
                    new(StoreSql.Agb, deleted.Agb, ColumnType.Text),
                    new(StoreSql.Bsn, deleted.Bsn, ColumnType.Text),
                    new(StoreSql.Kind, deleted.Kind.ToString(), ColumnType.Text),
                    new(StoreSql.Key, deleted.Key, ColumnType.Text),
                ],
                expectedRows: 1,
                conflictMessage: "TR063: the start/stop to delete is not (or no longer) current; another message deleted it first."));
        }

        steps.Add(new InsertStep<AssignmentRecord>(Tables.Assignments, changes.Assignments));
        steps.Add(new InsertStep<RegieRecord>(Tables.Regie, changes.Regie));
        steps.Add(new InsertStep<RequestRecord>(Tables.Requests, changes.Requests));
        steps.Add(new InsertStep<AnswerRecord>(Tables.Answers, changes.Answers));
        steps.Add(new InsertStep<DeclarationRecord>(Tables.Declarations, changes.Declaration is { } d ? [d] : []));
        steps.Add(new InsertStep<PrestatieRecord>(Tables.Prestaties, changes.Prestaties));

        return steps;
    }

    /// <inheritdoc />
    public Task ReplaceAsync(ReferenceReplacement replacement, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(replacement);
        var steps = new List<WriteStep>();
        Replace(Tables.Contracts, replacement.Contracts);
        Replace(Tables.Beschikkingen, replacement.Beschikkingen);
        Replace(Tables.Budgets, replacement.Budgets);
        Replace(Tables.Gemeenten, replacement.Gemeenten);
        Replace(Tables.ProductCodes, replacement.ProductCodes);
        Replace(Tables.Pgbs, replacement.Pgbs);
        Replace(Tables.Bundles, replacement.Bundles);
        if (steps.Count == 0)
        {
            return Task.CompletedTask;
        }

        return RunAsync(
            async ct =>
            {
                await WriteAsync(steps, ct, reference: true).ConfigureAwait(false);
                return true;
            },
            cancellationToken);

        void Replace<T>(Table<T> table, IReadOnlyList<T>? rows)
        {
            if (rows is not null)
            {
                steps.Add(new CommandStep(StoreSql.DeleteAll(table), []));
                steps.Add(new InsertStep<T>(table, rows));
            }
        }
    }

    /// <inheritdoc />
    public Task<ReferenceSet> LoadReferenceSetAsync(CancellationToken cancellationToken = default) =>
        RunAsync(
            async ct =>
            {
                await using var connection = await _dialect.OpenAsync(ct).ConfigureAwait(false);
                await using var transaction = await _dialect.BeginReadAsync(connection, ct).ConfigureAwait(false);
                await using var command = Command(connection, transaction, _sql.LoadReferenceSet);
                await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
                var gemeenten = await ReadAllAsync(reader, Tables.Gemeenten, ct).ConfigureAwait(false);
                var productCodes = await NextAllAsync(reader, Tables.ProductCodes, ct).ConfigureAwait(false);
                var contracts = await NextAllAsync(reader, Tables.Contracts, ct).ConfigureAwait(false);
                var budgets = await NextAllAsync(reader, Tables.Budgets, ct).ConfigureAwait(false);
                var pgbs = await NextAllAsync(reader, Tables.Pgbs, ct).ConfigureAwait(false);
                var bundles = await NextAllAsync(reader, Tables.Bundles, ct).ConfigureAwait(false);
                await reader.DisposeAsync().ConfigureAwait(false);
                await transaction.CommitAsync(ct).ConfigureAwait(false);
                return new ReferenceSet(gemeenten, productCodes, contracts, budgets, pgbs, bundles);
            },
            cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<Beschikking>> BeschikkingenForAsync(string gemeente, string bsn, CancellationToken cancellationToken = default) =>
        RunAsync<IReadOnlyList<Beschikking>>(
            async ct =>
            {
                await using var connection = await _dialect.OpenAsync(ct).ConfigureAwait(false);
                await using var command = Command(connection, null, StoreSql.BeschikkingenFor);
                command.Parameters.Add(_dialect.Parameter(StoreSql.Gemeente, gemeente, ColumnType.Text));
                command.Parameters.Add(_dialect.Parameter(StoreSql.Bsn, bsn, ColumnType.Text));
                await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
                return await ReadAllAsync(reader, Tables.Beschikkingen, ct).ConfigureAwait(false);
            },
            cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (!_disposed)
        {
            _disposed = true;
            await _dialect.DisposeAsync().ConfigureAwait(false);
        }

        GC.SuppressFinalize(this);
    }

    public void Dispose()
    {
        DisposeAsync().AsTask().GetAwaiter().GetResult();
        GC.SuppressFinalize(this);
    }

    private async Task<StateSnapshot> LoadOnceAsync(StateScope scope, CancellationToken ct)
    {
        await using var connection = await _dialect.OpenAsync(ct).ConfigureAwait(false);
        await using var transaction = await _dialect.BeginReadAsync(connection, ct).ConfigureAwait(false);
        await using var command = Command(connection, transaction, _sql.Load);
        var p = command.Parameters;
        p.Add(_dialect.Parameter(StoreSql.Type, scope.Type, ColumnType.Text));
        p.Add(_dialect.Parameter(StoreSql.Afzender, scope.Afzender, ColumnType.Text));
        p.Add(_dialect.Parameter(StoreSql.Identificatie, scope.Identificatie, ColumnType.Text));
        p.Add(_dialect.Parameter(StoreSql.Gemeente, scope.Gemeente, ColumnType.Text));
        p.Add(_dialect.Parameter(StoreSql.Agb, scope.Agb, ColumnType.Text));
        p.Add(_dialect.ListParameter(StoreSql.Bsns, scope.Bsns.Distinct().ToList()));
        p.Add(_dialect.ListParameter(StoreSql.Nummers, scope.ToewijzingNummers.Distinct().ToList()));
        p.Add(_dialect.ListParameter(StoreSql.Referenties, scope.Referenties.Distinct().ToList()));
        p.Add(_dialect.ListParameter(StoreSql.PrestatieReferenties, scope.PrestatieReferenties.Distinct().ToList()));
        p.Add(_dialect.Parameter(StoreSql.DeclaratieNummer, scope.DeclaratieNummer, ColumnType.Text));
        p.Add(_dialect.Parameter(StoreSql.AnsweredType, MessageTypes.JW323.Name, ColumnType.Text));
        p.Add(_dialect.Parameter(StoreSql.AnsweredIdentificatie, scope.AnsweredDeclaratie?.Identificatie, ColumnType.Text));
        p.Add(_dialect.Parameter(StoreSql.AnsweredDagtekening, scope.AnsweredDeclaratie?.Dagtekening, ColumnType.Date));

        StateSnapshot snapshot;
        await using (var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false))
        {
            var sameIdentificatie = await ReadOneAsync(reader, Tables.Messages, ct).ConfigureAwait(false);
            var assignments = await NextAllAsync(reader, Tables.Assignments, ct).ConfigureAwait(false);
            var regie = await NextAllAsync(reader, Tables.Regie, ct).ConfigureAwait(false);
            var requests = await NextAllAsync(reader, Tables.Requests, ct).ConfigureAwait(false);
            var answers = await NextAllAsync(reader, Tables.Answers, ct).ConfigureAwait(false);
            await NextResultAsync(reader, ct).ConfigureAwait(false);
            var sameDeclaratie = await ReadOneAsync(reader, Tables.Declarations, ct).ConfigureAwait(false);
            await NextResultAsync(reader, ct).ConfigureAwait(false);
            GeslotenPeriode? latest = null;
            if (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                latest = new GeslotenPeriode(reader.GetFieldValue<DateOnly>(0), reader.GetFieldValue<DateOnly>(1));
            }

            var prestaties = await NextAllAsync(reader, Tables.Prestaties, ct).ConfigureAwait(false);
            await NextResultAsync(reader, ct).ConfigureAwait(false);
            var answeredMessage = await ReadOneAsync(reader, Tables.Messages, ct).ConfigureAwait(false);
            await NextResultAsync(reader, ct).ConfigureAwait(false);
            var answeredDeclaratie = await ReadOneAsync(reader, Tables.Declarations, ct).ConfigureAwait(false);
            var answeredPrestaties = await NextAllAsync(reader, Tables.Prestaties, ct).ConfigureAwait(false);

            snapshot = new StateSnapshot
            {
                SameIdentificatie = sameIdentificatie,
                Assignments = assignments,
                Regie = regie,
                Requests = requests,
                Answers = answers,
                SameDeclaratieNummer = sameDeclaratie,
                LatestDeclaratiePeriode = latest,
                Prestaties = prestaties,
                AnsweredDeclaratieMessage = answeredMessage,
                AnsweredDeclaratie = answeredMessage is null ? null : answeredDeclaratie,
                AnsweredPrestaties = answeredMessage is null ? [] : answeredPrestaties,
            };
        }

        await transaction.CommitAsync(ct).ConfigureAwait(false);
        return snapshot;
    }

    private async Task<bool> MessageExistsAsync(string messageId, CancellationToken ct)
    {
        await using var connection = await _dialect.OpenAsync(ct).ConfigureAwait(false);
        await using var command = Command(connection, null, StoreSql.MessageExists);
        command.Parameters.Add(_dialect.Parameter(StoreSql.MessageId, messageId, ColumnType.Text));
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture) > 0;
    }

    private async Task WriteAsync(IReadOnlyList<WriteStep> steps, CancellationToken ct, bool reference = false, bool singleStatement = false)
    {
        await using var connection = await _dialect.OpenAsync(ct).ConfigureAwait(false);

        // One statement is atomic by itself: BEGIN and COMMIT would only add round trips (two on PostgreSQL).
        await using var transaction = singleStatement ? null : await _dialect.BeginWriteAsync(connection, ct).ConfigureAwait(false);
        try
        {
            await _dialect.ExecuteAsync(connection, transaction, steps, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (_dialect.IsUniqueViolation(e, out var table, out var where))
        {
            if (reference)
            {
                throw new InvalidOperationException($"The reference data has two rows with the same key in {table} ({where}).", e);
            }

            throw new StateConflictException(DescribeConflict(table, where), e);
        }

        if (transaction is not null)
        {
            await transaction.CommitAsync(ct).ConfigureAwait(false);
        }
    }

    /// <summary>Names the rule behind a unique violation. Never includes the conflicting values (they may hold a BSN).</summary>
    internal static string DescribeConflict(string table, string where)
    {
        // The message's primary key: "message.message_id" (SQLite columns) or "message_pkey" (PostgreSQL constraint).
        if (where is "message.message_id" or "ledger.message_id" || where.EndsWith("_pkey", StringComparison.Ordinal))
        {
            return $"This message id is already committed ({table}).";
        }

        return table switch
        {
            "message" => "TR056: a message of this type from this sender with this Identificatie was already received.",
            "regie" => "TR074: a not-deleted start/stop with the same key already exists for this client.",
            "request" => "TR347: this ReferentieAanbieder was already used by this provider.",
            "declaration" => "TR333: this DeclaratieNummer was already used by this provider.",
            "prestatie" => "TR314: this prestatie ReferentieNummer was already used by this provider.",
            _ => $"Unique constraint violated on {table} ({where}).",
        };
    }

    private async Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> operation, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return await _pipeline.ExecuteAsync(
            static async (op, ct) => await op(ct).ConfigureAwait(false), operation, cancellationToken).ConfigureAwait(false);
    }

    private static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    private static async Task NextResultAsync(DbDataReader reader, CancellationToken ct)
    {
        if (!await reader.NextResultAsync(ct).ConfigureAwait(false))
        {
            throw new InvalidOperationException("The load query returned fewer result sets than expected.");
        }
    }

    private static async Task<List<T>> NextAllAsync<T>(DbDataReader reader, Table<T> table, CancellationToken ct)
    {
        await NextResultAsync(reader, ct).ConfigureAwait(false);
        return await ReadAllAsync(reader, table, ct).ConfigureAwait(false);
    }

    private static async Task<List<T>> ReadAllAsync<T>(DbDataReader reader, Table<T> table, CancellationToken ct)
    {
        var rows = new List<T>();
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            rows.Add(table.ReadRow(reader));
        }

        return rows;
    }

    private static async Task<T?> ReadOneAsync<T>(DbDataReader reader, Table<T> table, CancellationToken ct)
        where T : class
    {
        T? row = null;
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            row ??= table.ReadRow(reader);
        }

        return row;
    }
}
