using Berichtenverkeer.Cli.Arguments;
using Berichtenverkeer.Store;

namespace Berichtenverkeer.Cli;

/// <summary>The <c>--db &lt;sqlite file&gt;</c> or <c>--postgres &lt;connection string&gt;</c> pair the operator commands share.</summary>
internal static class StoreOption
{
    public static ArgumentParser WithStore(this ArgumentParser parser) => parser
        .Option("--db", "file", "The gateway's SQLite database (the embedded default)")
        .Option("--postgres", "connection", "The gateway's PostgreSQL database (Npgsql connection string)");

    public static Task<IGatewayStore> OpenAsync(ParsedArguments parsed)
    {
        var options = (parsed.Value("--db"), parsed.Value("--postgres")) switch
        {
            ({ } file, null) => new StateStoreOptions { Provider = StateStoreOptions.Sqlite, ConnectionString = file },
            (null, { } connection) => new StateStoreOptions { Provider = StateStoreOptions.Postgres, ConnectionString = connection },
            _ => throw new UsageException("give exactly one of --db <sqlite file> or --postgres <connection string>"),
        };
        return StateStoreFactory.CreateMigratedAsync(options);
    }
}
