using Microsoft.Extensions.Logging;

namespace Berichtenverkeer.Store;

/// <summary>Creates the configured store.</summary>
public static class StateStoreFactory
{
    public static IGatewayStore Create(StateStoreOptions options, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var provider = (options.Provider ?? StateStoreOptions.Sqlite).Trim().ToLowerInvariant();
        return provider switch
        {
            StateStoreOptions.Sqlite => new SqliteStateStore(options, loggerFactory?.CreateLogger<SqliteStateStore>()),
            StateStoreOptions.Postgres or "postgresql" => new PostgresStateStore(options, loggerFactory?.CreateLogger<PostgresStateStore>()),
            _ => throw new ArgumentException($"Unknown state store provider '{options.Provider}': use 'sqlite' or 'postgres'.", nameof(options)),
        };
    }

    /// <summary>Creates the store and applies pending migrations; what a host does at startup.</summary>
    public static async Task<IGatewayStore> CreateMigratedAsync(
        StateStoreOptions options, ILoggerFactory? loggerFactory = null, CancellationToken cancellationToken = default)
    {
        var store = Create(options, loggerFactory);
        try
        {
            await store.MigrateAsync(cancellationToken).ConfigureAwait(false);
            return store;
        }
        catch
        {
            await store.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
