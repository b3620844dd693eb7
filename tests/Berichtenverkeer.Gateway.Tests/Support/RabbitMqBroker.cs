using Testcontainers.RabbitMq;

namespace Berichtenverkeer.Gateway.Tests.Support;

/// <summary>
/// The one broker all RabbitMQ tests share (xunit collection fixture): the server named by
/// <see cref="EnvironmentVariable"/> (an amqp:// URI; `eval "$(deploy/local-services.sh)"` starts one without Docker),
/// else a Testcontainers RabbitMQ where a Docker engine answers. Tests keep apart by a queue prefix of their own.
/// </summary>
public sealed class RabbitMqBroker : IAsyncLifetime
{
    public const string EnvironmentVariable = "BERICHTENVERKEER_RABBITMQ";

    private RabbitMqContainer? _container;

    /// <summary>The broker's AMQP URI (user, password, host, port, vhost).</summary>
    public Uri Uri { get; private set; } = null!;

    public static string? Configured => Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } value ? value : null;

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>A Docker engine socket (or DOCKER_HOST) for Testcontainers; the docker CLI alone is not enough.</summary>
    public static bool DockerEngineAvailable =>
        Environment.GetEnvironmentVariable("DOCKER_HOST") is { Length: > 0 } || File.Exists("/var/run/docker.sock");

    /// <summary>Why the RabbitMQ tests cannot run here, or null when they can (or must, on CI).</summary>
    public static string? SkipReason =>
        Configured is not null || DockerEngineAvailable || IsCi
            ? null
            : $"No RabbitMQ: {EnvironmentVariable} is not set and no Docker engine runs. "
              + "Start one with `eval \"$(bash deploy/local-services.sh)\"` to run the RabbitMQ tests.";

    public async Task InitializeAsync()
    {
        if (Configured is { } configured)
        {
            Uri = new Uri(configured);
            return;
        }

        if (!DockerEngineAvailable)
        {
            if (SkipReason is not null)
            {
                // No broker and not on CI: the tests that need one are skipped (RabbitMqFact); the class's other tests
                // (argument checks) must still run rather than fail on a fixture they do not use.
                return;
            }

            throw new InvalidOperationException(
                $"CI=true but no RabbitMQ is available: set {EnvironmentVariable} to an amqp:// URI (CI starts one with "
                + "`eval \"$(bash deploy/local-services.sh)\"` before the tests) or provide a Docker engine for Testcontainers. "
                + "The RabbitMQ integration tests never skip on CI.");
        }

        _container = new RabbitMqBuilder("rabbitmq:3.13").Build();
        await _container.StartAsync();
        Uri = new Uri(_container.GetConnectionString());
    }

    public async Task DisposeAsync()
    {
        if (_container is not null)
        {
            await _container.DisposeAsync();
        }
    }
}

/// <summary>Every RabbitMQ test class belongs to this collection: one broker, and the tests run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class RabbitMqCollection : ICollectionFixture<RabbitMqBroker>
{
    public const string Name = "RabbitMQ";
}

/// <summary>A fact that needs the broker: skipped with the reason where none can be had, never on CI (there it fails).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RabbitMqFactAttribute : FactAttribute
{
    public RabbitMqFactAttribute()
    {
        if (RabbitMqBroker.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}
