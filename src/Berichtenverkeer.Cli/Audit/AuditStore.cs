using System.Data.Common;
using Berichtenverkeer.Cli.Arguments;
using Berichtenverkeer.Store;
using Microsoft.Data.Sqlite;

namespace Berichtenverkeer.Cli.Audit;

/// <summary>Opens the gateway's database named by <c>--db &lt;sqlite file&gt;</c> or <c>--postgres &lt;connection string&gt;</c>.</summary>
internal static class AuditStore
{
    /// <summary>The schema version that has the audit trail (migration 0003).</summary>
    public const int TrailSchemaVersion = 3;

    public static ArgumentParser AddOptions(ArgumentParser parser) => parser
        .Option("--db", "file", "The gateway's SQLite database file")
        .Option("--postgres", "connection", "The gateway's PostgreSQL database: an Npgsql connection string (Host=…;Database=…;Username=…;Password=…)");

    /// <summary>
    /// Opens the store the arguments name and checks it has the audit trail. Returns null after printing why (exit 2):
    /// a missing file, an unreachable server, or a database without migration 0003.
    /// </summary>
    public static RelationalStore? Open(ParsedArguments parsed, string command, CliContext context)
    {
        var db = parsed.Value("--db");
        var postgres = parsed.Value("--postgres");
        if (db is null == postgres is null)
        {
            throw new UsageException("give the database: either --db <sqlite file> or --postgres <connection string>");
        }

        RelationalStore store;
        if (db is not null)
        {
            if (!File.Exists(db))
            {
                context.Error.WriteLine($"berichtenverkeer audit {command}: database file not found: {db}");
                return null;
            }

            store = new SqliteStateStore(new StateStoreOptions
            {
                Provider = StateStoreOptions.Sqlite,
                ConnectionString = new SqliteConnectionStringBuilder { DataSource = db }.ToString(),
            });
        }
        else
        {
            store = new PostgresStateStore(new StateStoreOptions { Provider = StateStoreOptions.Postgres, ConnectionString = postgres });
        }

        try
        {
            var version = store.SchemaVersionAsync().GetAwaiter().GetResult();
            if (version < TrailSchemaVersion)
            {
                context.Error.WriteLine(
                    $"berichtenverkeer audit {command}: the database is at schema version {version}, which has no audit trail (needs {TrailSchemaVersion}): start the gateway once to migrate it.");
                store.Dispose();
                return null;
            }

            return store;
        }
        catch (Exception e) when (e is DbException or InvalidOperationException or ArgumentException)
        {
            context.Error.WriteLine($"berichtenverkeer audit {command}: cannot open the database: {e.Message}");
            store.Dispose();
            return null;
        }
    }
}
