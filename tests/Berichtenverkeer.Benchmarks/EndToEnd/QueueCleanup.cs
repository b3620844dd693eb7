using Npgsql;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Berichtenverkeer.Benchmarks.EndToEnd;

/// <summary>Removes what a benchmark declared on the shared broker and database: its queues, their exchanges, its schema.</summary>
public static class QueueCleanup
{
    /// <summary>Each name plus MassTransit's _error and _skipped queues for it; missing ones are fine.</summary>
    public static async Task DeleteQueuesAsync(Uri broker, IEnumerable<string> names)
    {
        await using var connection = await new ConnectionFactory { Uri = broker, ClientProvidedName = "berichtenverkeer benchmark cleanup" }.CreateConnectionAsync();
        foreach (var name in names.SelectMany(n => new[] { n, n + "_error", n + "_skipped" }))
        {
            await using var channel = await connection.CreateChannelAsync();
            try
            {
                await channel.QueueDeleteAsync(name, ifUnused: false, ifEmpty: false);
                await channel.ExchangeDeleteAsync(name, ifUnused: false);
            }
            catch (OperationInterruptedException)
            {
                // Already gone: nothing to clean.
            }
        }
    }

    public static async Task CreateSchemaAsync(string connectionString, string schema) =>
        await ExecuteAsync(connectionString, $"CREATE SCHEMA {schema}");

    public static async Task DropSchemaAsync(string connectionString, string schema) =>
        await ExecuteAsync(connectionString, $"DROP SCHEMA IF EXISTS {schema} CASCADE");

    public static string WithSchema(string connectionString, string schema) =>
        new NpgsqlConnectionStringBuilder(connectionString) { SearchPath = schema }.ToString();

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
