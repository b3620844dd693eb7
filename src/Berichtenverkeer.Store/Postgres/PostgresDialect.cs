using System.Data.Common;
using System.Globalization;
using System.Text;
using Berichtenverkeer.Matching.State;
using Berichtenverkeer.Store.Schema;
using Npgsql;
using NpgsqlTypes;

namespace Berichtenverkeer.Store.Postgres;

/// <summary>
/// PostgreSQL through one NpgsqlDataSource: lists as array parameters (<c>= ANY(@list)</c>); a write transaction's steps
/// sent as one NpgsqlBatch (one round trip), each table's rows inserted by one <c>INSERT … SELECT * FROM unnest(@c0, @c1, …)</c>
/// with one typed array per column (binary, any row count, and unlike COPY it allows ON CONFLICT DO NOTHING).
/// </summary>
internal sealed class PostgresDialect(NpgsqlDataSource dataSource, bool ownsDataSource) : SqlDialect
{
    private const string UniqueViolation = "23505";

    public override string Name => StateStoreOptions.Postgres;

    public override string MigrationFolder => "Postgres";

    public override string SchemaVersionDdl =>
        "CREATE TABLE IF NOT EXISTS schema_version (version integer NOT NULL PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL)";

    public override async ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

    public override async ValueTask<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>
        // Read committed suffices: every rule-relevant uniqueness is a unique index, which serialises concurrent writers.
        await ((NpgsqlConnection)connection).BeginTransactionAsync(System.Data.IsolationLevel.ReadCommitted, cancellationToken).ConfigureAwait(false);

    public override async ValueTask<DbTransaction> BeginReadAsync(DbConnection connection, CancellationToken cancellationToken) =>
        await ((NpgsqlConnection)connection).BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken).ConfigureAwait(false);

    public override string InList(string parameterName) => $"= ANY({parameterName})";

    public override DbParameter Parameter(string name, object? value, ColumnType type) =>
        new NpgsqlParameter(name, DbType(type)) { Value = ToDb(value) };

    public override DbParameter ListParameter(string name, IReadOnlyCollection<string> values) =>
        new NpgsqlParameter(name, NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = values.ToArray() };

    public override DbParameter ListParameter(string name, IReadOnlyCollection<long> values) =>
        new NpgsqlParameter(name, NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = values.ToArray() };

    public override async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, IReadOnlyList<WriteStep> steps, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch((NpgsqlConnection)connection, (NpgsqlTransaction?)transaction);
        var checks = new List<(NpgsqlBatchCommand Command, CommandStep Step)>();
        foreach (var step in steps)
        {
            switch (step)
            {
                case CommandStep command:
                {
                    var cmd = new NpgsqlBatchCommand(command.Sql);
                    foreach (var p in command.Parameters)
                    {
                        cmd.Parameters.Add((NpgsqlParameter)Parameter(p.Name, p.Value, p.Type));
                    }

                    batch.BatchCommands.Add(cmd);
                    if (command.ExpectedRows is not null)
                    {
                        checks.Add((cmd, command));
                    }

                    break;
                }

                case InsertStep insert when insert.Count > 0:
                    batch.BatchCommands.Add(Insert(insert));
                    break;
            }
        }

        if (batch.BatchCommands.Count == 0)
        {
            return;
        }

        await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        foreach (var (cmd, step) in checks)
        {
            if (cmd.RecordsAffected != step.ExpectedRows)
            {
                throw new StateConflictException(step.ConflictMessage ?? "The state changed concurrently.");
            }
        }
    }

    public override bool IsUniqueViolation(Exception exception, out string table, out string where)
    {
        if (exception is PostgresException { SqlState: UniqueViolation } e)
        {
            table = e.TableName ?? string.Empty;
            where = e.ConstraintName ?? string.Empty;
            return true;
        }

        table = where = string.Empty;
        return false;
    }

    public override bool IsTransient(Exception exception) => exception is NpgsqlException { IsTransient: true };

    public override async Task LockForMigrationAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        // A transaction-scoped advisory lock per schema: concurrent migrators of one schema queue here (released at commit),
        // migrators of different schemas (parallel test runs) do not block each other.
        await using var command = new NpgsqlCommand(
            "SELECT pg_advisory_xact_lock(hashtext('berichtenverkeer.migrate'), hashtext(current_schema()))",
            (NpgsqlConnection)connection,
            (NpgsqlTransaction)transaction);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public override async ValueTask DisposeAsync()
    {
        if (ownsDataSource)
        {
            await dataSource.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static NpgsqlBatchCommand Insert(InsertStep insert)
    {
        var shapes = insert.Table.ColumnShapes;
        var sql = new StringBuilder()
            .Append("INSERT INTO ").Append(insert.Table.Name).Append(" (")
            .AppendJoin(", ", shapes.Select(c => c.Name))
            .Append(") SELECT * FROM unnest(")
            .AppendJoin(", ", shapes.Select((_, i) => "@c" + i.ToString(CultureInfo.InvariantCulture)))
            .Append(')');
        if (insert.Table.IgnoreConflictsOn is { } key)
        {
            sql.Append(" ON CONFLICT (").Append(key).Append(") DO NOTHING");
        }

        var command = new NpgsqlBatchCommand(sql.ToString());
        for (var c = 0; c < shapes.Count; c++)
        {
            command.Parameters.Add(new NpgsqlParameter("@c" + c.ToString(CultureInfo.InvariantCulture), NpgsqlDbType.Array | DbType(shapes[c].Type))
            {
                Value = Column(insert, c, shapes[c].Type),
            });
        }

        return command;
    }

    /// <summary>One column of all rows as a typed array (nullable elements where the column allows NULL).</summary>
    private static Array Column(InsertStep insert, int column, ColumnType type)
    {
        return type switch
        {
            ColumnType.Text => Fill<string?>(v => (string?)v),
            ColumnType.Int64 => Fill<long?>(v => v is null ? null : Convert.ToInt64(v, CultureInfo.InvariantCulture)),
            ColumnType.Date => Fill<DateOnly?>(v => (DateOnly?)v),
            ColumnType.Time => Fill<TimeOnly?>(v => (TimeOnly?)v),
            ColumnType.Timestamp => Fill<DateTimeOffset?>(v => ((DateTimeOffset?)v)?.ToUniversalTime()),
            ColumnType.Bool => Fill<bool?>(v => (bool?)v),
            ColumnType.Bytes => Fill<byte[]?>(v => (byte[]?)v),
            _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
        };

        T[] Fill<T>(Func<object?, T> convert)
        {
            var values = new T[insert.Count];
            for (var row = 0; row < values.Length; row++)
            {
                values[row] = convert(insert.Value(row, column));
            }

            return values;
        }
    }

    private static NpgsqlDbType DbType(ColumnType type) => type switch
    {
        ColumnType.Text => NpgsqlDbType.Text,
        ColumnType.Int64 => NpgsqlDbType.Bigint,
        ColumnType.Date => NpgsqlDbType.Date,
        ColumnType.Time => NpgsqlDbType.Time,
        ColumnType.Timestamp => NpgsqlDbType.TimestampTz,
        ColumnType.Bool => NpgsqlDbType.Boolean,
        ColumnType.Bytes => NpgsqlDbType.Bytea,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    /// <summary>timestamptz takes UTC only (Npgsql 6+).</summary>
    private static object ToDb(object? value) => value switch
    {
        null => DBNull.Value,
        DateTimeOffset m => m.ToUniversalTime(),
        _ => value,
    };
}
