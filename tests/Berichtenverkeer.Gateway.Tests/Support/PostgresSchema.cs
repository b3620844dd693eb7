using Npgsql;

namespace Berichtenverkeer.Gateway.Tests.Support;

/// <summary>
/// A schema of its own on the PostgreSQL server named by <see cref="EnvironmentVariable"/>, as the gateway's store (its
/// search path), dropped at the end. Other test runs share the server; the schema name keeps them apart.
/// </summary>
public sealed class PostgresSchema : IAsyncDisposable
{
    public const string EnvironmentVariable = "BERICHTENVERKEER_POSTGRES";

    private readonly string _server;

    private PostgresSchema(string server, string name)
    {
        _server = server;
        Name = name;
    }

    public string Name { get; }

    public static string? Configured => Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } value ? value : null;

    /// <summary>The server's host and port, for a relay in front of it.</summary>
    public (string Host, int Port) Endpoint
    {
        get
        {
            var builder = new NpgsqlConnectionStringBuilder(_server);
            return (builder.Host ?? "127.0.0.1", builder.Port);
        }
    }

    public static async Task<PostgresSchema> CreateAsync()
    {
        var server = Configured ?? throw new InvalidOperationException(
            $"CI=true but {EnvironmentVariable} is not set: the PostgreSQL gateway tests must run on CI. "
            + "Start PostgreSQL with `eval \"$(bash deploy/local-services.sh)\"` before the tests.");
        var schema = new PostgresSchema(server, "bvgw_" + Guid.NewGuid().ToString("N")[..12]);
        await schema.ExecuteAsync($"CREATE SCHEMA {schema.Name}");
        return schema;
    }

    /// <summary>The store's connection string: this schema as search path, optionally through a relay on 127.0.0.1.</summary>
    public string ConnectionString(int? port = null)
    {
        var builder = new NpgsqlConnectionStringBuilder(_server) { SearchPath = Name };
        if (port is { } relay)
        {
            builder.Host = "127.0.0.1";
            builder.Port = relay;
        }

        return builder.ToString();
    }

    /// <summary>The gateway settings that put its store in this schema.</summary>
    public Dictionary<string, string?> StoreSettings(int? port = null) => new()
    {
        ["StateStore:Provider"] = Berichtenverkeer.Store.StateStoreOptions.Postgres,
        ["StateStore:ConnectionString"] = ConnectionString(port),
    };

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync($"DROP SCHEMA IF EXISTS {Name} CASCADE");
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}

/// <summary>A fact that needs both the broker and PostgreSQL: skipped with the reason where either is missing, never on CI.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RabbitMqAndPostgresFactAttribute : FactAttribute
{
    public RabbitMqAndPostgresFactAttribute()
    {
        if (RabbitMqBroker.SkipReason is { } reason)
        {
            Skip = reason;
        }
        else if (PostgresSchema.Configured is null && !RabbitMqBroker.IsCi)
        {
            Skip = $"No PostgreSQL: {PostgresSchema.EnvironmentVariable} is not set. "
                + "Start one with `eval \"$(bash deploy/local-services.sh)\"` to run the PostgreSQL gateway tests.";
        }
    }
}
