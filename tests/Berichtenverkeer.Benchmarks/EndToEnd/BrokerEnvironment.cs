namespace Berichtenverkeer.Benchmarks.EndToEnd;

/// <summary>The RabbitMQ broker and PostgreSQL server to measure against, from the same variables the tests use.</summary>
public sealed record BrokerEnvironment(Uri RabbitMq, string Postgres)
{
    public static BrokerEnvironment? FromEnvironment() =>
        Environment.GetEnvironmentVariable("BERICHTENVERKEER_RABBITMQ") is { Length: > 0 } rabbit
        && Environment.GetEnvironmentVariable("BERICHTENVERKEER_POSTGRES") is { Length: > 0 } postgres
            ? new BrokerEnvironment(new Uri(rabbit), postgres)
            : null;

    /// <summary>Unique per run: the broker and database are shared with other people's tests and benchmarks.</summary>
    public static string UniqueSuffix() => Guid.NewGuid().ToString("N")[..10];
}
