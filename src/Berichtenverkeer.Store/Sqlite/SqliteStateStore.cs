using Berichtenverkeer.Store.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Berichtenverkeer.Store;

/// <summary>
/// The embedded default store: a SQLite file (WAL mode, busy timeout, foreign keys on) or a shared in-memory database for
/// tests. One writer at a time (BEGIN IMMEDIATE); readers never block it.
/// </summary>
public sealed class SqliteStateStore : RelationalStore
{
    public SqliteStateStore(StateStoreOptions options, ILogger? logger = null)
        : base(new SqliteDialect(ConnectionString(options?.ConnectionString), options?.BusyTimeout ?? TimeSpan.FromSeconds(5), options?.SqliteSynchronous ?? "NORMAL"), options ?? new StateStoreOptions(), logger)
    {
    }

    /// <summary>A store on a file path, <c>:memory:</c> or a connection string, with default options.</summary>
    public SqliteStateStore(string pathOrConnectionString)
        : this(new StateStoreOptions { Provider = StateStoreOptions.Sqlite, ConnectionString = pathOrConnectionString })
    {
    }

    /// <summary>
    /// A shared in-memory database that lives until the store is disposed. Stores created with the same name in one
    /// process see the same database (while one of them is alive), which tests use to simulate two gateway instances.
    /// </summary>
    public static SqliteStateStore InMemory(string? name = null) =>
        new($"Data Source={name ?? "bv-" + Guid.NewGuid().ToString("N")};Mode=Memory;Cache=Shared");

    /// <summary>
    /// Turns the configured value into a connection string: empty → berichtenverkeer.db in the working directory;
    /// text with '=' → a connection string as is; anything else (including <c>:memory:</c>) → the data source. A data source
    /// of <c>:memory:</c> becomes a private shared-cache in-memory database (plain :memory: would give each pooled
    /// connection its own empty database).
    /// </summary>
    internal static string ConnectionString(string? configured)
    {
        if (string.IsNullOrWhiteSpace(configured))
        {
            return StateStoreOptions.DefaultSqliteConnectionString;
        }

        return configured.Contains('=', StringComparison.Ordinal)
            ? configured
            : new SqliteConnectionStringBuilder { DataSource = configured }.ToString();
    }
}
