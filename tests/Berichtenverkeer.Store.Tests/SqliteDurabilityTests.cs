using System.Data.Common;
using Berichtenverkeer.Store.Sqlite;

namespace Berichtenverkeer.Store.Tests;

/// <summary>The SQLite synchronous level: NORMAL (or the configured level) only where WAL keeps it crash-consistent.</summary>
public sealed class SqliteDurabilityTests
{
    [Theory]
    [InlineData("NORMAL", 1L)]
    [InlineData("full", 2L)]
    [InlineData("EXTRA", 3L)]
    public async Task A_wal_database_runs_the_configured_synchronous_level_on_every_connection(string level, long expected)
    {
        var path = TempDatabase();
        try
        {
            await using var dialect = new SqliteDialect($"Data Source={path}", TimeSpan.FromSeconds(1), level);
            await using (var first = await dialect.OpenAsync(CancellationToken.None))
            {
                await dialect.PrepareDatabaseAsync(first, CancellationToken.None);
                Assert.Equal(expected, await ScalarAsync(first, "PRAGMA synchronous"));
            }

            // Two at once: the second is a new pooled handle, set up on its first open.
            await using var again = await dialect.OpenAsync(CancellationToken.None);
            await using var other = await dialect.OpenAsync(CancellationToken.None);
            await AssertSetUpAsync(again);
            await AssertSetUpAsync(other);
        }
        finally
        {
            Delete(path);
        }

        async Task AssertSetUpAsync(DbConnection connection)
        {
            Assert.Equal("wal", await ScalarAsync(connection, "PRAGMA journal_mode"));
            Assert.Equal(expected, await ScalarAsync(connection, "PRAGMA synchronous"));
            Assert.Equal(1L, await ScalarAsync(connection, "PRAGMA foreign_keys"));
        }
    }

    [Fact]
    public async Task A_database_not_in_wal_mode_keeps_synchronous_full_whatever_is_configured()
    {
        var path = TempDatabase();
        try
        {
            await using var dialect = new SqliteDialect($"Data Source={path}", TimeSpan.FromSeconds(1), "NORMAL");
            await using var connection = await dialect.OpenAsync(CancellationToken.None);
            Assert.Equal("delete", await ScalarAsync(connection, "PRAGMA journal_mode"));
            Assert.Equal(2L, await ScalarAsync(connection, "PRAGMA synchronous"));
        }
        finally
        {
            Delete(path);
        }
    }

    [Theory]
    [InlineData("OFF")]
    [InlineData("fast")]
    public void An_unknown_or_unsafe_synchronous_level_is_refused_with_the_setting_named(string level)
    {
        var error = Assert.Throws<ArgumentException>(() => new SqliteDialect("Data Source=:memory:", TimeSpan.FromSeconds(1), level));
        Assert.Contains("StateStore:SqliteSynchronous", error.Message, StringComparison.Ordinal);
    }

    private static string TempDatabase() => Path.Combine(Path.GetTempPath(), $"bv-durability-{Guid.NewGuid():N}.db");

    private static async Task<object?> ScalarAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }

    private static void Delete(string path)
    {
        File.Delete(path);
        File.Delete(path + "-wal");
        File.Delete(path + "-shm");
    }
}
