using Npgsql;

namespace Berichtenverkeer.Store.Tests;

/// <summary>A migrated store on a database of its own, dropped again on dispose.</summary>
public sealed class TestStore : IAsyncDisposable
{
    private readonly Func<IGatewayStore> _open;
    private readonly Func<ValueTask> _drop;
    private readonly List<IGatewayStore> _siblings = [];

    internal TestStore(string provider, string connectionString, Func<IGatewayStore> open, Func<ValueTask> drop)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _open = open;
        _drop = drop;
        Store = open();
    }

    public string Provider { get; }

    /// <summary>A connection string for looking into the test database directly.</summary>
    public string ConnectionString { get; }

    public IGatewayStore Store { get; }

    /// <summary>Another store instance on the same database, as a second gateway process would have.</summary>
    public IGatewayStore OpenSibling()
    {
        var sibling = _open();
        _siblings.Add(sibling);
        return sibling;
    }

    public static async Task<TestStore> CreateAsync(string provider, bool migrate = true, bool file = false)
    {
        var test = provider switch
        {
            StateStoreOptions.Sqlite => file ? SqliteTestDatabase.File() : SqliteTestDatabase.InMemory(),
            StateStoreOptions.Postgres => await PostgresTestDatabase.CreateAsync(),
            _ => throw new ArgumentOutOfRangeException(nameof(provider)),
        };
        if (migrate)
        {
            await test.Store.MigrateAsync();
        }

        return test;
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
}

internal static class SqliteTestDatabase
{
    public static TestStore InMemory()
    {
        var name = "bvt-" + Guid.NewGuid().ToString("N");
        return new TestStore(
            StateStoreOptions.Sqlite, $"Data Source={name};Mode=Memory;Cache=Shared", () => SqliteStateStore.InMemory(name), () => ValueTask.CompletedTask);
    }

    public static TestStore File()
    {
        var folder = Directory.CreateTempSubdirectory("bvt-");
        var path = Path.Combine(folder.FullName, "state.db");
        return new TestStore(
            StateStoreOptions.Sqlite,
            $"Data Source={path}",
            () => new SqliteStateStore(new StateStoreOptions { ConnectionString = path, BusyTimeout = TimeSpan.FromSeconds(10) }),
            () =>
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                folder.Delete(recursive: true);
                return ValueTask.CompletedTask;
            });
    }
}

/// <summary>
/// PostgreSQL at BERICHTENVERKEER_POSTGRES. Every test gets a schema of its own (bvt_&lt;run&gt;_&lt;n&gt;) as its search path,
/// so tests and concurrent runs never see each other's rows; the schema is dropped when the test ends.
/// </summary>
internal static class PostgresTestDatabase
{
    public const string EnvironmentVariable = "BERICHTENVERKEER_POSTGRES";

    private static readonly string RunId = DateTime.UtcNow.ToString("MMddHHmmss", System.Globalization.CultureInfo.InvariantCulture)
        + "_" + Guid.NewGuid().ToString("N")[..6];

    private static int _counter;

    public static string? ConnectionString =>
        Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } value ? value : null;

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static async Task<TestStore> CreateAsync()
    {
        var connectionString = ConnectionString ?? throw new InvalidOperationException(
            $"CI=true but {EnvironmentVariable} is not set: the PostgreSQL store tests must run on CI. "
            + "Start PostgreSQL with `eval \"$(deploy/local-services.sh)\"` before the tests.");
        var schema = $"bvt_{RunId}_{Interlocked.Increment(ref _counter)}";
        await ExecuteAsync(connectionString, $"CREATE SCHEMA {schema}");
        var storeConnectionString = new NpgsqlConnectionStringBuilder(connectionString) { SearchPath = schema }.ToString();
        return new TestStore(
            StateStoreOptions.Postgres,
            storeConnectionString,
            () => new PostgresStateStore(new StateStoreOptions { Provider = StateStoreOptions.Postgres, ConnectionString = storeConnectionString }),
            async () => await ExecuteAsync(connectionString, $"DROP SCHEMA {schema} CASCADE"));
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
