using System.Data.Common;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Berichtenverkeer.Matching.State;
using Berichtenverkeer.Store.Schema;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Berichtenverkeer.Store.Sqlite;

/// <summary>
/// SQLite: dates and times as ISO text (so they sort and compare as text), booleans as 0/1, lists as one JSON parameter
/// read with json_each, inserts as one prepared command re-executed per row inside the transaction.
/// </summary>
internal sealed class SqliteDialect : SqlDialect
{
    // SQLite result codes: https://www.sqlite.org/rescode.html
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;
    private const int SqliteConstraint = 19;
    private const int SqliteConstraintPrimaryKey = 1555;
    private const int SqliteConstraintUnique = 2067;

    private static readonly string[] SynchronousLevels = ["NORMAL", "FULL", "EXTRA"];

    private readonly string _connectionString;
    private readonly string _connectionSetup;
    private readonly string _synchronous;
    private readonly SqliteConnection? _keepAlive;

    // Pooled connections keep their sqlite3 handle, and with it the pragmas below: set them once per handle, not per open.
    private readonly ConditionalWeakTable<sqlite3, object> _setUp = new();

    public SqliteDialect(string connectionString, TimeSpan busyTimeout, string synchronous = "NORMAL")
    {
        _synchronous = synchronous?.Trim().ToUpperInvariant() is { } level && SynchronousLevels.Contains(level)
            ? level
            : throw new ArgumentException($"StateStore:SqliteSynchronous must be NORMAL, FULL or EXTRA, not '{synchronous}'.", nameof(synchronous));

        // Foreign keys are switched on once per pooled handle (below): in the connection string they cost a statement per open.
        var builder = new SqliteConnectionStringBuilder(connectionString) { ForeignKeys = null, Pooling = true };
        if (builder.DataSource == ":memory:")
        {
            // Plain :memory: gives each (pooled) connection its own empty database: use a private shared one instead.
            builder.DataSource = "bv-" + Guid.NewGuid().ToString("N");
            builder.Mode = SqliteOpenMode.Memory;
            builder.Cache = SqliteCacheMode.Shared;
        }

        // Microsoft.Data.Sqlite retries SQLITE_BUSY itself until the command timeout (default 30 s); tie it to the busy
        // timeout so a blocked writer surfaces after about that long and the bounded Polly retries take over.
        builder.DefaultTimeout = Math.Max(1, (int)Math.Ceiling(busyTimeout.TotalSeconds));
        IsInMemory = builder.Mode == SqliteOpenMode.Memory || builder.DataSource.Contains("mode=memory", StringComparison.OrdinalIgnoreCase);
        _connectionString = builder.ToString();
        var busyTimeoutMs = (int)Math.Clamp(busyTimeout.TotalMilliseconds, 0, int.MaxValue);
        _connectionSetup = string.Create(CultureInfo.InvariantCulture, $"PRAGMA busy_timeout = {busyTimeoutMs}; PRAGMA foreign_keys = ON; PRAGMA temp_store = MEMORY");
        if (IsInMemory)
        {
            // A shared in-memory database lives as long as one connection to it is open.
            _keepAlive = new SqliteConnection(_connectionString);
            _keepAlive.Open();
        }
    }

    public bool IsInMemory { get; }

    public override string Name => StateStoreOptions.Sqlite;

    public override string MigrationFolder => "Sqlite";

    public override string SchemaVersionDdl =>
        "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT";

    public override async ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            if (connection.Handle is { } handle && !_setUp.TryGetValue(handle, out _))
            {
                await SetUpAsync(connection, cancellationToken).ConfigureAwait(false);
                _setUp.AddOrUpdate(handle, this);
            }

            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public override ValueTask<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>
        // BEGIN IMMEDIATE: take the write lock now (waiting up to busy_timeout) instead of failing on a lock upgrade later.
        ValueTask.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: false));

    public override ValueTask<DbTransaction> BeginReadAsync(DbConnection connection, CancellationToken cancellationToken) =>
        // A deferred transaction: in WAL mode all reads see one snapshot and never block the writer.
        ValueTask.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: true));

    public override string InList(string parameterName) => $"IN (SELECT value FROM json_each({parameterName}))";

    public override DbParameter Parameter(string name, object? value, ColumnType type) =>
        new SqliteParameter(name, type switch
        {
            ColumnType.Int64 or ColumnType.Bool => SqliteType.Integer,
            ColumnType.Bytes => SqliteType.Blob,
            _ => SqliteType.Text,
        })
        { Value = ToDb(value, type) };

    public override DbParameter ListParameter(string name, IReadOnlyCollection<string> values) =>
        new SqliteParameter(name, SqliteType.Text) { Value = JsonSerializer.Serialize(values) };

    public override DbParameter ListParameter(string name, IReadOnlyCollection<long> values) =>
        new SqliteParameter(name, SqliteType.Text) { Value = JsonSerializer.Serialize(values) };

    public override async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, IReadOnlyList<WriteStep> steps, CancellationToken cancellationToken)
    {
        var sqlite = (SqliteConnection)connection;
        foreach (var step in steps)
        {
            switch (step)
            {
                case CommandStep command:
                {
                    await using var cmd = sqlite.CreateCommand();
                    cmd.Transaction = (SqliteTransaction?)transaction;
                    cmd.CommandText = command.Sql;
                    foreach (var p in command.Parameters)
                    {
                        cmd.Parameters.Add(Parameter(p.Name, p.Value, p.Type));
                    }

                    var affected = await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                    if (command.ExpectedRows is { } expected && affected != expected)
                    {
                        throw new StateConflictException(command.ConflictMessage ?? "The state changed concurrently.");
                    }

                    break;
                }

                case InsertStep insert when insert.Count > 0:
                    await InsertAsync(sqlite, (SqliteTransaction?)transaction, insert, cancellationToken).ConfigureAwait(false);
                    break;
            }
        }
    }

    public override bool IsUniqueViolation(Exception exception, out string table, out string where)
    {
        table = where = string.Empty;
        if (exception is not SqliteException { SqliteErrorCode: SqliteConstraint } e
            || e.SqliteExtendedErrorCode is not (SqliteConstraintUnique or SqliteConstraintPrimaryKey))
        {
            return false;
        }

        // "UNIQUE constraint failed: regie.gemeente, regie.agb, ..." names the columns, never the values.
        var marker = e.Message.IndexOf("failed: ", StringComparison.Ordinal);
        if (marker >= 0)
        {
            where = e.Message[(marker + "failed: ".Length)..].TrimEnd('\'', '.', ' ');
            var dot = where.IndexOf('.', StringComparison.Ordinal);
            table = dot > 0 ? where[..dot] : where;
        }

        return true;
    }

    public override bool IsTransient(Exception exception) =>
        exception is SqliteException { SqliteErrorCode: SqliteBusy or SqliteLocked };

    public override async Task PrepareDatabaseAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        if (IsInMemory)
        {
            return;
        }

        // Persistent per database file: readers never block the writer and vice versa.
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode = WAL";
        await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);

        // This handle was set up before the switch (as for a rollback journal): give it the WAL level now.
        await SetUpAsync((SqliteConnection)connection, cancellationToken).ConfigureAwait(false);
    }

    public override ValueTask DisposeAsync()
    {
        _keepAlive?.Dispose();

        // Close this database's pooled connections (file handles; for memory mode the database itself).
        using var pooled = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(pooled);
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// The per-handle pragmas: busy timeout, foreign keys, in-memory temp tables (the load query's UNIONs), and the
    /// configured synchronous level — only in WAL mode, where NORMAL keeps the database consistent after a crash; any
    /// other journal mode gets FULL (SQLite's default), since NORMAL there risks corruption on power loss.
    /// </summary>
    private async Task SetUpAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = _connectionSetup;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        command.CommandText = "PRAGMA journal_mode";
        var journal = Convert.ToString(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
        command.CommandText = "PRAGMA synchronous = " + (string.Equals(journal, "wal", StringComparison.OrdinalIgnoreCase) ? _synchronous : "FULL");
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task InsertAsync(SqliteConnection connection, SqliteTransaction? transaction, InsertStep insert, CancellationToken cancellationToken)
    {
        var shapes = insert.Table.ColumnShapes;
        var sql = new StringBuilder()
            .Append("INSERT INTO ").Append(insert.Table.Name).Append(" (")
            .AppendJoin(", ", shapes.Select(c => c.Name))
            .Append(") VALUES (")
            .AppendJoin(", ", shapes.Select((_, i) => "@p" + i.ToString(CultureInfo.InvariantCulture)))
            .Append(')');
        if (insert.Table.IgnoreConflictsOn is { } key)
        {
            sql.Append(" ON CONFLICT (").Append(key).Append(") DO NOTHING");
        }

        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql.ToString();
        var parameters = new SqliteParameter[shapes.Count];
        for (var c = 0; c < shapes.Count; c++)
        {
            parameters[c] = (SqliteParameter)Parameter("@p" + c.ToString(CultureInfo.InvariantCulture), null, shapes[c].Type);
            command.Parameters.Add(parameters[c]);
        }

        command.Prepare();
        for (var row = 0; row < insert.Count; row++)
        {
            for (var c = 0; c < shapes.Count; c++)
            {
                parameters[c].Value = ToDb(insert.Value(row, c), shapes[c].Type);
            }

            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>ISO text for dates and times (times without a fraction when whole seconds), UTC round-trip text for moments.</summary>
    private static object ToDb(object? value, ColumnType type) => value switch
    {
        null => DBNull.Value,
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        TimeOnly t => t.Ticks % TimeSpan.TicksPerSecond == 0
            ? t.ToString("HH:mm:ss", CultureInfo.InvariantCulture)
            : t.ToString("HH:mm:ss.fffffff", CultureInfo.InvariantCulture),
        DateTimeOffset m => m.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture),
        bool b => b ? 1L : 0L,
        int i when type == ColumnType.Int64 => (long)i,
        _ => value,
    };
}
