using System.Text;
using System.Text.Json;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Berichtenverkeer.Gateway.Tests.Support;

/// <summary>A message taken from a queue: the MassTransit envelope's "message" and the transport headers.</summary>
public sealed record QueuedMessage(string? MessageId, JsonElement Message, IReadOnlyDictionary<string, string?> Headers)
{
    public string? Text(string property) => Message.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

/// <summary>Looks into the broker with the plain RabbitMQ client, as a party's system (or an operator) would.</summary>
public sealed class BrokerQueues(Uri broker) : IAsyncDisposable
{
    private IConnection? _connection;

    /// <summary>How many messages wait in the queue; 0 when it does not exist.</summary>
    public async Task<uint> CountAsync(string queue)
    {
        await using var channel = await ChannelAsync();
        try
        {
            return (await channel.QueueDeclarePassiveAsync(queue)).MessageCount;
        }
        catch (OperationInterruptedException ex) when (ex.ShutdownReason?.ReplyCode == 404)
        {
            return 0;
        }
    }

    public async Task<bool> ExistsAsync(string queue)
    {
        await using var channel = await ChannelAsync();
        try
        {
            await channel.QueueDeclarePassiveAsync(queue);
            return true;
        }
        catch (OperationInterruptedException ex) when (ex.ShutdownReason?.ReplyCode == 404)
        {
            return false;
        }
    }

    /// <summary>Takes (acknowledges) every message now in the queue.</summary>
    public async Task<IReadOnlyList<QueuedMessage>> TakeAllAsync(string queue)
    {
        var taken = new List<QueuedMessage>();
        if (!await ExistsAsync(queue))
        {
            return taken;
        }

        await using var channel = await ChannelAsync();
        while (await channel.BasicGetAsync(queue, autoAck: true) is { } result)
        {
            taken.Add(Parse(result));
        }

        return taken;
    }

    /// <summary>The queue's first message, left in the queue (fetched unacknowledged, returned on channel close).</summary>
    public async Task<QueuedMessage?> PeekAsync(string queue)
    {
        if (!await ExistsAsync(queue))
        {
            return null;
        }

        await using var channel = await ChannelAsync();
        var result = await channel.BasicGetAsync(queue, autoAck: false);
        var message = result is null ? null : Parse(result);
        await channel.CloseAsync();
        return message;
    }

    /// <summary>Publishes raw bytes to a queue through the default exchange.</summary>
    public async Task PublishRawAsync(string queue, byte[] body, string messageId, IDictionary<string, object?>? headers = null)
    {
        await using var channel = await ChannelAsync();
        var properties = new BasicProperties { Headers = headers, Persistent = true, MessageId = messageId, ContentType = "application/vnd.masstransit+json" };
        await channel.BasicPublishAsync(string.Empty, queue, mandatory: false, properties, body);
    }

    /// <summary>Declares a plain durable (classic) queue.</summary>
    public async Task DeclareAsync(string queue)
    {
        await using var channel = await ChannelAsync();
        await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false);
    }

    /// <summary>Takes one message with its raw properties (headers as the broker holds them).</summary>
    public async Task<BasicGetResult?> GetRawAsync(string queue)
    {
        await using var channel = await ChannelAsync();
        return await channel.BasicGetAsync(queue, autoAck: true);
    }

    /// <summary>Deletes queues and their same-named exchanges (MassTransit binds an exchange to each queue); missing ones are fine.</summary>
    public async Task DeleteAsync(IEnumerable<string> queues)
    {
        foreach (var name in queues)
        {
            await using var channel = await ChannelAsync();
            try
            {
                await channel.QueueDeleteAsync(name, ifUnused: false, ifEmpty: false);
                await channel.ExchangeDeleteAsync(name, ifUnused: false);
            }
            catch (OperationInterruptedException)
            {
                // Already gone, or in use by a consumer that is going away: the names are unique to the test anyway.
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }
    }

    private static QueuedMessage Parse(BasicGetResult result)
    {
        var headers = (result.BasicProperties.Headers ?? new Dictionary<string, object?>())
            .ToDictionary(h => h.Key, h => h.Value switch { byte[] b => Encoding.UTF8.GetString(b), null => null, var v => v.ToString() });
        using var envelope = JsonDocument.Parse(result.Body);
        var message = envelope.RootElement.TryGetProperty("message", out var m) ? m.Clone() : envelope.RootElement.Clone();
        return new QueuedMessage(result.BasicProperties.MessageId, message, headers);
    }

    private async Task<IChannel> ChannelAsync()
    {
        if (_connection is not { IsOpen: true })
        {
            _connection = await new ConnectionFactory { Uri = broker, ClientProvidedName = "berichtenverkeer tests" }.CreateConnectionAsync();
        }

        return await _connection.CreateChannelAsync();
    }
}
