using System.Reflection;
using Berichtenverkeer.Store;
using Microsoft.Data.Sqlite;
using Npgsql;
using Xunit.Sdk;

namespace Berichtenverkeer.Audit.Tests.Support;

/// <summary>Runs a contract theory against SQLite (a database file, so two store instances behave like two processes).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class OnSqliteAttribute : DataAttribute
{
    public override IEnumerable<object[]> GetData(MethodInfo testMethod) => [[StateStoreOptions.Sqlite]];
}

/// <summary>
/// Runs a contract theory against PostgreSQL at BERICHTENVERKEER_POSTGRES; skipped without it locally, failing on CI
/// (CI=true), where PostgreSQL tests must run.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class OnPostgresAttribute : DataAttribute
{
    public OnPostgresAttribute()
    {
        if (TestStore.PostgresConnectionString is null && !TestStore.IsCi)
        {
            Skip = $"{TestStore.PostgresVariable} is not set: start PostgreSQL with `eval \"$(deploy/local-services.sh)\"` to run the PostgreSQL tests.";
        }
    }

    public override IEnumerable<object[]> GetData(MethodInfo testMethod) => [[StateStoreOptions.Postgres]];
}

/// <summary>A migrated store on a database of its own (SQLite file or PostgreSQL schema), removed on dispose.</summary>
public sealed class TestStore : IAsyncDisposable
{
    public const string PostgresVariable = "BERICHTENVERKEER_POSTGRES";

    private static readonly string RunId = DateTime.UtcNow.ToString("MMddHHmmss", System.Globalization.CultureInfo.InvariantCulture)
        + "_" + Guid.NewGuid().ToString("N")[..6];

    private static int _counter;

    private readonly Func<RelationalStore> _open;
    private readonly Func<ValueTask> _drop;
    private readonly List<RelationalStore> _siblings = [];

    private TestStore(string provider, string connectionString, string? sqlitePath, Func<RelationalStore> open, Func<ValueTask> drop)
    {
        Provider = provider;
        ConnectionString = connectionString;
        SqlitePath = sqlitePath;
        _open = open;
        _drop = drop;
        Store = open();
    }

    public static string? PostgresConnectionString =>
        Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } value ? value : null;

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public string Provider { get; }

    /// <summary>For looking into (and tampering with) the database directly.</summary>
    public string ConnectionString { get; }

    /// <summary>The SQLite file (null on PostgreSQL), for the CLI's --db.</summary>
    public string? SqlitePath { get; }

    public RelationalStore Store { get; }

    /// <summary>Another store instance on the same database, as a second gateway process would have.</summary>
    public RelationalStore OpenSibling()
    {
        var sibling = _open();
        _siblings.Add(sibling);
        return sibling;
    }

    public static async Task<TestStore> CreateAsync(string provider)
    {
        var test = provider switch
        {
            StateStoreOptions.Sqlite => Sqlite(),
            StateStoreOptions.Postgres => await PostgresAsync(),
            _ => throw new ArgumentOutOfRangeException(nameof(provider)),
        };
        await test.Store.MigrateAsync();
        return test;
    }

    /// <summary>Runs SQL on the test database outside the store (e.g. to tamper with the trail as a DBA could).</summary>
    public async Task ExecuteAsync(string sql)
    {
        if (Provider == StateStoreOptions.Sqlite)
        {
            await using var connection = new SqliteConnection(ConnectionString);
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            await command.ExecuteNonQueryAsync();
        }
        else
        {
            await using var connection = new NpgsqlConnection(ConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var sibling in _siblings)
        {
            await sibling.DisposeAsync();
        }

        await Store.DisposeAsync();
        await _drop();
    }

    private static TestStore Sqlite()
    {
        var folder = Directory.CreateTempSubdirectory("bv-audit-");
        var path = Path.Combine(folder.FullName, "gateway.db");
        return new TestStore(
            StateStoreOptions.Sqlite,
            new SqliteConnectionStringBuilder { DataSource = path }.ToString(),
            path,
            () => new SqliteStateStore(new StateStoreOptions { ConnectionString = path, BusyTimeout = TimeSpan.FromSeconds(10), MaxRetryAttempts = 10 }),
            () =>
            {
                SqliteConnection.ClearAllPools();
                folder.Delete(recursive: true);
                return ValueTask.CompletedTask;
            });
    }

    private static async Task<TestStore> PostgresAsync()
    {
        var connectionString = PostgresConnectionString ?? throw new InvalidOperationException(
            $"CI=true but {PostgresVariable} is not set: the PostgreSQL audit tests must run on CI. "
            + "Start PostgreSQL with `eval \"$(deploy/local-services.sh)\"` before the tests.");
        var schema = $"bva_{RunId}_{Interlocked.Increment(ref _counter)}";
        await Run(connectionString, $"CREATE SCHEMA {schema}");
        var storeConnectionString = new NpgsqlConnectionStringBuilder(connectionString) { SearchPath = schema }.ToString();
        return new TestStore(
            StateStoreOptions.Postgres,
            storeConnectionString,
            null,
            () => new PostgresStateStore(new StateStoreOptions { Provider = StateStoreOptions.Postgres, ConnectionString = storeConnectionString }),
            async () => await Run(connectionString, $"DROP SCHEMA {schema} CASCADE"));

        static async Task Run(string connectionString, string sql)
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync();
        }
    }
}
