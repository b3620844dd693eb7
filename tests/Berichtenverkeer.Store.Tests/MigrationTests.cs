using System.Data.Common;
using Berichtenverkeer.Store.Migrations;
using Berichtenverkeer.Store.Schema;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Berichtenverkeer.Store.Tests;

public sealed class MigrationTests
{
    private static readonly int LatestVersion = Migrator.Scripts("Sqlite").Count;

    [Theory, OnSqlite, OnPostgres]
    public async Task Migrate_applies_every_script_once_and_a_second_run_changes_nothing(string provider)
    {
        await using var test = await TestStore.CreateAsync(provider, migrate: false);
        Assert.Equal(0, await test.Store.SchemaVersionAsync());

        Assert.Equal(LatestVersion, await test.Store.MigrateAsync());
        Assert.Equal(0, await test.Store.MigrateAsync());
        Assert.Equal(0, await test.OpenSibling().MigrateAsync());
        Assert.Equal(LatestVersion, await test.Store.SchemaVersionAsync());
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Concurrent_migrators_apply_each_script_exactly_once(string provider)
    {
        // SQLite: a file (WAL) so the writers really are separate connections contending for the lock.
        await using var test = await TestStore.CreateAsync(provider, migrate: false, file: true);
        var stores = Enumerable.Range(0, 4).Select(_ => test.OpenSibling()).ToList();

        var applied = await Task.WhenAll(stores.Select(s => Task.Run(() => s.MigrateAsync())));

        Assert.Equal(LatestVersion, applied.Sum());
        Assert.Equal(LatestVersion, await test.Store.SchemaVersionAsync());
    }

    [Fact]
    public void Both_dialects_have_the_same_numbered_scripts()
    {
        var sqlite = Migrator.Scripts("Sqlite").Select(m => m.Name);
        var postgres = Migrator.Scripts("Postgres").Select(m => m.Name);
        Assert.Equal(sqlite, postgres);
        Assert.NotEmpty(sqlite);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Every_mapped_column_exists_in_the_migrated_schema(string provider)
    {
        await using var test = await TestStore.CreateAsync(provider, file: provider == StateStoreOptions.Sqlite);
        ITable[] tables =
        [
            Tables.Messages, Tables.Assignments, Tables.Regie, Tables.Requests, Tables.Answers, Tables.Declarations, Tables.Prestaties,
            Tables.Contracts, Tables.Beschikkingen, Tables.Budgets, Tables.Gemeenten, Tables.ProductCodes,
        ];
        foreach (var table in tables)
        {
            var actual = await ColumnsAsync(test, table.Name);
            var expected = table.ColumnShapes.Select(c => c.Name).ToHashSet();
            Assert.Empty(expected.Except(actual));
            Assert.Empty(actual.Except(expected).Except(["id", "deleted_by"]));
        }
    }

    [Fact]
    public async Task A_sqlite_file_database_runs_in_wal_mode()
    {
        await using var test = await TestStore.CreateAsync(StateStoreOptions.Sqlite, file: true);
        await using var connection = new SqliteConnection(test.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
    }

    private static async Task<HashSet<string>> ColumnsAsync(TestStore test, string table)
    {
        var columns = new HashSet<string>();
        if (test.Provider == StateStoreOptions.Sqlite)
        {
            await using var connection = new SqliteConnection(test.ConnectionString);
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT name FROM pragma_table_info('{table}')";
            await ReadAsync(command, columns);
        }
        else
        {
            await using var connection = new NpgsqlConnection(test.ConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(
                "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = @t", connection);
            command.Parameters.AddWithValue("t", table);
            await ReadAsync(command, columns);
        }

        return columns;
    }

    private static async Task ReadAsync(DbCommand command, HashSet<string> into)
    {
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            into.Add(reader.GetString(0));
        }
    }
}
