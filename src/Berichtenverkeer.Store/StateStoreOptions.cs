namespace Berichtenverkeer.Store;

/// <summary>Where the gateway keeps its state. Bindable from configuration (section <see cref="SectionName"/>).</summary>
public sealed class StateStoreOptions
{
    public const string SectionName = "StateStore";

    public const string Sqlite = "sqlite";

    public const string Postgres = "postgres";

    /// <summary>The embedded default: a SQLite file in the working directory.</summary>
    public const string DefaultSqliteConnectionString = "Data Source=berichtenverkeer.db";

    /// <summary>"sqlite" (default) or "postgres" (also "postgresql"); case-insensitive.</summary>
    public string Provider { get; set; } = Sqlite;

    /// <summary>
    /// SQLite: a file path, <c>:memory:</c> (a private in-memory database) or a Microsoft.Data.Sqlite connection string;
    /// empty = <see cref="DefaultSqliteConnectionString"/>. PostgreSQL: an Npgsql connection string (required).
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>Retries of a transient fault (lock contention, lost connection) before it is thrown; 0 disables retrying.</summary>
    public int MaxRetryAttempts { get; set; } = 3;

    /// <summary>The first retry delay; later ones grow exponentially, with jitter.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>SQLite: how long a statement waits for another writer's lock before SQLITE_BUSY.</summary>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// SQLite <c>PRAGMA synchronous</c> for a WAL database: <c>NORMAL</c> (default) or <c>FULL</c> (also <c>EXTRA</c>).
    /// NORMAL does not sync the WAL at each commit, only at checkpoints: the database stays consistent after a crash
    /// or power loss, but the last transactions committed before a power loss (not a process crash) may roll back.
    /// FULL syncs at every commit, so a commit survives power loss too, at the cost of one fsync per transaction.
    /// A database not in WAL mode always runs FULL. PostgreSQL is unaffected (synchronous_commit stays on).
    /// </summary>
    public string SqliteSynchronous { get; set; } = "NORMAL";
}
