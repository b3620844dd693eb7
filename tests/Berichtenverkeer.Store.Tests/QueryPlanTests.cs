using System.Data.Common;
using System.Text.RegularExpressions;
using Berichtenverkeer.Store.Postgres;
using Berichtenverkeer.Store.Schema;
using Berichtenverkeer.Store.Sqlite;
using Microsoft.Data.Sqlite;
using Npgsql;
using Xunit.Abstractions;

namespace Berichtenverkeer.Store.Tests;

/// <summary>Every lookup LoadAsync makes is served by an index: no query plan scans a whole state table.</summary>
public sealed partial class QueryPlanTests(ITestOutputHelper output)
{
    private static readonly string[] StateTables = ["message", "assignment", "regie", "request", "answer", "declaration", "prestatie", "ref_beschikking"];

    [Theory, OnSqlite, OnPostgres]
    public async Task Load_queries_use_indexes(string provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        var plans = provider == StateStoreOptions.Sqlite ? await SqlitePlansAsync(test) : await PostgresPlansAsync(test);

        foreach (var (sql, plan) in plans)
        {
            output.WriteLine(sql[..Math.Min(sql.Length, 120)]);
            output.WriteLine(plan);
            foreach (var table in StateTables)
            {
                Assert.DoesNotMatch(provider == StateStoreOptions.Sqlite ? $@"(?m)^SCAN {table}\b" : $@"Seq Scan on {table}\b", plan);
            }

            if (provider == StateStoreOptions.Sqlite)
            {
                // Nor a range over a whole municipality or provider (the planner once chose that to serve an ORDER BY).
                Assert.DoesNotMatch(@"INDEX \w+ \((gemeente|agb)=\?\)", plan);
            }
        }
    }

    private static IEnumerable<string> Statements()
    {
        var sqlite = new StoreSql(new SqliteDialect("Data Source=:memory:", TimeSpan.FromSeconds(1)));
        return sqlite.Load.Split(";\n").Append(StoreSql.BeschikkingenFor).Append(StoreSql.DeleteRegie);
    }

    private static async Task<List<(string Sql, string Plan)>> SqlitePlansAsync(TestStore test)
    {
        var plans = new List<(string, string)>();
        await using var connection = new SqliteConnection(test.ConnectionString);
        await connection.OpenAsync();
        foreach (var sql in Statements())
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "EXPLAIN QUERY PLAN " + sql;
            foreach (var name in ParameterNames(sql))
            {
                command.Parameters.AddWithValue(name, name is "@bsns" or "@nummers" or "@referenties" or "@prestatie_referenties" ? "[\"1\"]" : "x");
            }

            plans.Add((sql, await ReadPlanAsync(command, column: 3)));
        }

        return plans;
    }

    private static async Task<List<(string Sql, string Plan)>> PostgresPlansAsync(TestStore test)
    {
        var plans = new List<(string, string)>();
        await using var connection = new NpgsqlConnection(test.ConnectionString);
        await connection.OpenAsync();
        await using (var off = new NpgsqlCommand("SET enable_seqscan = off", connection))
        {
            await off.ExecuteNonQueryAsync();
        }

        var postgres = new StoreSql(new PostgresDialect(NpgsqlDataSource.Create(test.ConnectionString), ownsDataSource: true));
        foreach (var sql in postgres.Load.Split(";\n").Append(StoreSql.BeschikkingenFor).Append(StoreSql.DeleteRegie))
        {
            await using var command = new NpgsqlCommand("EXPLAIN " + sql, connection);
            foreach (var name in ParameterNames(sql))
            {
                command.Parameters.Add(name switch
                {
                    "@bsns" or "@referenties" or "@prestatie_referenties" => new NpgsqlParameter(name, NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Text) { Value = new[] { "1" } },
                    "@nummers" => new NpgsqlParameter(name, NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Bigint) { Value = new[] { 1L } },
                    "@answered_dagtekening" => new NpgsqlParameter(name, NpgsqlTypes.NpgsqlDbType.Date) { Value = new DateOnly(2025, 1, 1) },
                    _ => new NpgsqlParameter(name, NpgsqlTypes.NpgsqlDbType.Text) { Value = "x" },
                });
            }

            plans.Add((sql, await ReadPlanAsync(command, column: 0)));
        }

        return plans;
    }

    private static IEnumerable<string> ParameterNames(string sql) => ParameterPattern().Matches(sql).Select(m => m.Value).Distinct();

    private static async Task<string> ReadPlanAsync(DbCommand command, int column)
    {
        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(column));
        }

        return string.Join("\n", lines);
    }

    [GeneratedRegex(@"@\w+")]
    private static partial Regex ParameterPattern();
}
