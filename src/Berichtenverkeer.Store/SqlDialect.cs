using System.Data.Common;
using Berichtenverkeer.Store.Schema;

namespace Berichtenverkeer.Store;

/// <summary>
/// Everything that differs between SQLite and PostgreSQL, in one place per dialect: connections and transactions, how a
/// list is passed to a query, parameter types, how a write transaction's steps are executed, which errors are unique
/// violations or transient, and how migrations are serialised. The SQL of the store itself is shared (<see cref="StoreSql"/>).
/// </summary>
internal abstract class SqlDialect : IAsyncDisposable
{
    /// <summary>"sqlite" or "postgres".</summary>
    public abstract string Name { get; }

    /// <summary>The folder under Migrations/ holding this dialect's numbered scripts.</summary>
    public abstract string MigrationFolder { get; }

    /// <summary>DDL creating the schema_version table if it is missing.</summary>
    public abstract string SchemaVersionDdl { get; }

    public abstract ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>A write transaction that takes the write lock at its start (SQLite BEGIN IMMEDIATE; PostgreSQL read committed).</summary>
    public abstract ValueTask<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>A transaction giving all reads one consistent snapshot.</summary>
    public abstract ValueTask<DbTransaction> BeginReadAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>
    /// The SQL fragment testing membership of a list parameter, e.g. <c>bsn {0}</c> → <c>bsn = ANY(@bsns)</c> (PostgreSQL)
    /// or <c>bsn IN (SELECT value FROM json_each(@bsns))</c> (SQLite; one parameter, so no 999-variable limit).
    /// </summary>
    public abstract string InList(string parameterName);

    public abstract DbParameter Parameter(string name, object? value, ColumnType type);

    public abstract DbParameter ListParameter(string name, IReadOnlyCollection<string> values);

    public abstract DbParameter ListParameter(string name, IReadOnlyCollection<long> values);

    /// <summary>Runs the steps in order inside <paramref name="transaction"/> (null: one single-statement step, atomic on its own).</summary>
    public abstract Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, IReadOnlyList<WriteStep> steps, CancellationToken cancellationToken);

    /// <summary>Whether the error is a unique (or primary key) violation; <paramref name="where"/> names the table and, where known, the index or columns.</summary>
    public abstract bool IsUniqueViolation(Exception exception, out string table, out string where);

    /// <summary>Faults worth retrying: lock contention, lost connections, serialization failures. Never constraint violations.</summary>
    public abstract bool IsTransient(Exception exception);

    /// <summary>Called once per migration run before the transaction (SQLite: WAL mode, which cannot change inside one).</summary>
    public virtual Task PrepareDatabaseAsync(DbConnection connection, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Serialises concurrent migrators inside the migration transaction (PostgreSQL: advisory lock; SQLite: BEGIN IMMEDIATE already did).</summary>
    public virtual Task LockForMigrationAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) => Task.CompletedTask;

    public abstract ValueTask DisposeAsync();
}
