using Berichtenverkeer.Store.Postgres;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Berichtenverkeer.Store;

/// <summary>
/// The production store: PostgreSQL through an NpgsqlDataSource (connection pooling, multiplexing-safe). The schema is
/// the connection's search path (first entry), so one database can hold several gateways or test runs side by side.
/// </summary>
public sealed class PostgresStateStore : RelationalStore
{
    public PostgresStateStore(StateStoreOptions options, ILogger? logger = null)
        : base(new PostgresDialect(CreateDataSource(options), ownsDataSource: true), options, logger)
    {
    }

    /// <summary>A store on a data source the caller owns (and disposes).</summary>
    public PostgresStateStore(NpgsqlDataSource dataSource, StateStoreOptions? options = null, ILogger? logger = null)
        : base(new PostgresDialect(dataSource ?? throw new ArgumentNullException(nameof(dataSource)), ownsDataSource: false), options ?? new StateStoreOptions { Provider = StateStoreOptions.Postgres }, logger)
    {
    }

    private static NpgsqlDataSource CreateDataSource(StateStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            throw new ArgumentException("The postgres state store needs a ConnectionString (Host=…;Database=…;Username=…;Password=…).", nameof(options));
        }

        // The hot path runs the same few dozen statements for every message (the eleven-statement load, the ledger
        // look-ups, one insert per table): prepared once per connection, PostgreSQL skips parsing and planning them again.
        var builder = new NpgsqlConnectionStringBuilder(options.ConnectionString);
        if (builder.MaxAutoPrepare == 0)
        {
            builder.MaxAutoPrepare = 64;
        }

        return NpgsqlDataSource.Create(builder.ConnectionString);
    }
}
