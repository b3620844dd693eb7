using Berichtenverkeer.Store.Postgres;
using Berichtenverkeer.Store.Sqlite;
using Microsoft.Data.Sqlite;
using Npgsql;
using static Berichtenverkeer.Store.Tests.Build;

namespace Berichtenverkeer.Store.Tests;

/// <summary>Factory, connection strings, error classification and retry behaviour.</summary>
public sealed class StoreInfrastructureTests
{
    [Fact]
    public void The_default_is_sqlite_at_berichtenverkeer_db_in_the_working_directory()
    {
        var options = new StateStoreOptions();
        Assert.Equal(StateStoreOptions.Sqlite, options.Provider);
        Assert.Equal("Data Source=berichtenverkeer.db", SqliteStateStore.ConnectionString(options.ConnectionString));
        Assert.Equal("Data Source=/var/lib/bv/state.db", SqliteStateStore.ConnectionString("/var/lib/bv/state.db"));
        Assert.Equal("Data Source=x.db;Cache=Shared", SqliteStateStore.ConnectionString("Data Source=x.db;Cache=Shared"));
    }

    [Fact]
    public async Task The_factory_creates_the_configured_provider()
    {
        await using (var sqlite = StateStoreFactory.Create(new StateStoreOptions { ConnectionString = ":memory:" }))
        {
            Assert.IsType<SqliteStateStore>(sqlite);
            Assert.Equal(1, await sqlite.MigrateAsync());
            await sqlite.CommitAsync(Changes());
        }

        await using (var postgres = StateStoreFactory.Create(new StateStoreOptions { Provider = "PostgreSQL", ConnectionString = "Host=127.0.0.1;Database=x" }))
        {
            Assert.IsType<PostgresStateStore>(postgres);
            Assert.Equal("postgres", postgres.Provider);
        }

        Assert.Throws<ArgumentException>(() => StateStoreFactory.Create(new StateStoreOptions { Provider = "oracle" }));
        Assert.Throws<ArgumentException>(() => StateStoreFactory.Create(new StateStoreOptions { Provider = "postgres" }));
    }

    [Fact]
    public async Task A_plain_memory_database_is_shared_by_the_stores_connections()
    {
        await using var store = new SqliteStateStore(":memory:");
        await store.MigrateAsync();
        var message = Message();
        await store.CommitAsync(Changes(message));
        Assert.Equal(message, (await store.LoadAsync(Scope(message.Type, message.Afzender, message.Identificatie))).SameIdentificatie);
    }

    [Fact]
    public async Task Sqlite_classifies_busy_and_locked_as_transient_and_constraints_as_conflicts()
    {
        await using var dialect = new SqliteDialect("Data Source=:memory:", TimeSpan.FromSeconds(1));
        Assert.True(dialect.IsTransient(new SqliteException("busy", 5)));
        Assert.True(dialect.IsTransient(new SqliteException("locked", 6)));
        Assert.False(dialect.IsTransient(new SqliteException("constraint", 19, 2067)));
        Assert.True(dialect.IsUniqueViolation(
            new SqliteException("SQLite Error 19: 'UNIQUE constraint failed: request.agb, request.referentie'.", 19, 2067), out var table, out var where));
        Assert.Equal("request", table);
        Assert.Equal("request.agb, request.referentie", where);
        Assert.False(dialect.IsUniqueViolation(new SqliteException("FOREIGN KEY constraint failed", 19, 787), out _, out _));
    }

    [Fact]
    public async Task Postgres_classifies_with_npgsql_and_never_retries_a_unique_violation()
    {
        await using var dataSource = NpgsqlDataSource.Create("Host=127.0.0.1;Database=x");
        await using var dialect = new PostgresDialect(dataSource, ownsDataSource: false);
        Assert.True(dialect.IsTransient(new PostgresException("could not serialize", "ERROR", "ERROR", "40001")));
        Assert.True(dialect.IsTransient(new PostgresException("deadlock", "ERROR", "ERROR", "40P01")));
        Assert.False(dialect.IsTransient(new PostgresException("duplicate key", "ERROR", "ERROR", "23505")));
        Assert.True(dialect.IsUniqueViolation(new PostgresException("duplicate key", "ERROR", "ERROR", "23505"), out _, out _));
        Assert.False(dialect.IsUniqueViolation(new PostgresException("fk", "ERROR", "ERROR", "23503"), out _, out _));
    }

    [Fact]
    public void Conflict_messages_name_the_rule_and_no_values()
    {
        Assert.StartsWith("TR056", RelationalStore.DescribeConflict("message", "ux_message_identificatie"), StringComparison.Ordinal);
        Assert.StartsWith("TR074", RelationalStore.DescribeConflict("regie", "ux_regie_current_key"), StringComparison.Ordinal);
        Assert.StartsWith("TR347", RelationalStore.DescribeConflict("request", "request.agb, request.referentie"), StringComparison.Ordinal);
        Assert.StartsWith("TR333", RelationalStore.DescribeConflict("declaration", "ux_declaration_nummer"), StringComparison.Ordinal);
        Assert.StartsWith("TR314", RelationalStore.DescribeConflict("prestatie", "ux_prestatie_referentie"), StringComparison.Ordinal);
        Assert.StartsWith("TR056", RelationalStore.DescribeConflict("message", "message.type, message.afzender, message.identificatie"), StringComparison.Ordinal);
        Assert.Contains("message id", RelationalStore.DescribeConflict("message", "message.message_id"), StringComparison.Ordinal);
        Assert.Contains("message id", RelationalStore.DescribeConflict("message", "message_pkey"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_sqlite_writer_blocked_past_the_busy_timeout_is_retried_and_succeeds()
    {
        var folder = Directory.CreateTempSubdirectory("bvt-busy-");
        var path = Path.Combine(folder.FullName, "busy.db");
        try
        {
            await using var store = new SqliteStateStore(new StateStoreOptions
            {
                ConnectionString = path,
                BusyTimeout = TimeSpan.FromMilliseconds(200),
                MaxRetryAttempts = 6,
                RetryDelay = TimeSpan.FromMilliseconds(200),
            });
            await store.MigrateAsync();

            // Another process holds the write lock for a while.
            await using var blocker = new SqliteConnection($"Data Source={path};Pooling=False");
            await blocker.OpenAsync();
            var transaction = blocker.BeginTransaction(deferred: false);
            var release = Task.Run(async () =>
            {
                await Task.Delay(1_500);
                transaction.Commit();
            });

            await store.CommitAsync(Changes(Message(identificatie: "AFTER-BUSY")));
            await release;

            Assert.NotNull((await store.LoadAsync(Scope("JW301", Gemeente, "AFTER-BUSY"))).SameIdentificatie);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Without_retries_a_blocked_sqlite_writer_fails_with_busy()
    {
        var folder = Directory.CreateTempSubdirectory("bvt-busy-");
        var path = Path.Combine(folder.FullName, "busy.db");
        try
        {
            await using var store = new SqliteStateStore(new StateStoreOptions { ConnectionString = path, BusyTimeout = TimeSpan.FromMilliseconds(100), MaxRetryAttempts = 0 });
            await store.MigrateAsync();
            await using var blocker = new SqliteConnection($"Data Source={path};Pooling=False");
            await blocker.OpenAsync();
            using var transaction = blocker.BeginTransaction(deferred: false);

            var e = await Assert.ThrowsAsync<SqliteException>(() => store.CommitAsync(Changes()));
            Assert.Equal(5, e.SqliteErrorCode);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task A_disposed_store_refuses_work()
    {
        var store = SqliteStateStore.InMemory();
        await store.MigrateAsync();
        await store.DisposeAsync();
        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.LoadAsync(Scope()));
    }
}
