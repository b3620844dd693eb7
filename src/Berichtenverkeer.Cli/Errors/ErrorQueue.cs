using System.Globalization;
using System.Text;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Berichtenverkeer.Cli.Errors;

/// <summary>Reads and drains a MassTransit error queue with the plain RabbitMQ client (it comes with MassTransit.RabbitMQ).</summary>
internal static class ErrorQueue
{
    public const string Suffix = "_error";

    /// <summary>The headers MassTransit adds when it moves a message to the error queue, and the broker's redelivery bookkeeping.</summary>
    public static bool IsFaultHeader(string name) =>
        name.StartsWith("MT-Fault-", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("MT-Host-", StringComparison.OrdinalIgnoreCase)
        || name.Equals("MT-Reason", StringComparison.OrdinalIgnoreCase)
        || name.Equals("x-delivery-count", StringComparison.OrdinalIgnoreCase)
        || name.Equals("x-death", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("x-first-death-", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("x-last-death-", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Prints the count, the reasons by exception type, and the first <paramref name="max"/> messages. The messages are
    /// fetched unacknowledged and handed back when the channel closes, so they stay in the queue, in their order.
    /// </summary>
    public static async Task<int> ListAsync(Uri broker, string queue, int max, TextWriter output)
    {
        var errorQueue = queue + Suffix;
        await using var connection = await ConnectAsync(broker);
        var count = await CountAsync(connection, errorQueue);
        if (count is null)
        {
            output.WriteLine($"{errorQueue}: does not exist (no message of {queue} has failed yet)");
            return ExitCodes.Ok;
        }

        output.WriteLine($"{errorQueue}: {count} message{(count == 1 ? "" : "s")}");
        if (count == 0)
        {
            return ExitCodes.Ok;
        }

        var shown = new List<string>();
        var byType = new SortedDictionary<string, int>(StringComparer.Ordinal);
        await using (var channel = await connection.CreateChannelAsync())
        {
            for (var i = 0; i < max; i++)
            {
                var message = await channel.BasicGetAsync(errorQueue, autoAck: false);
                if (message is null)
                {
                    break;
                }

                var headers = message.BasicProperties.Headers;
                var type = ShortTypeName(Header(headers, "MT-Fault-ExceptionType") ?? "(no fault headers)");
                byType[type] = byType.GetValueOrDefault(type) + 1;
                var when = Header(headers, "MT-Fault-Timestamp") ?? "";
                shown.Add($"  {message.BasicProperties.MessageId ?? "(no id)"}  {when}  {type}: {Header(headers, "MT-Fault-Message") ?? Header(headers, "MT-Reason") ?? "(no reason given)"}");
            }

            // Closing the channel returns every unacknowledged message to the queue.
            await channel.CloseAsync();
        }

        output.WriteLine(shown.Count < count ? $"Reasons (of the first {shown.Count}):" : "Reasons:");
        foreach (var (type, n) in byType)
        {
            output.WriteLine($"  {n,5}  {type}");
        }

        output.WriteLine("Messages (oldest first):");
        foreach (var line in shown)
        {
            output.WriteLine(line);
        }

        return ExitCodes.Ok;
    }

    /// <summary>
    /// Moves up to <paramref name="max"/> messages (default: as many as the error queue holds when it starts, so a
    /// message that fails again at once is not moved round in circles) back to <paramref name="queue"/>. Each goes
    /// out with a publisher confirm and as mandatory (an unroutable one is not lost) before it is acknowledged.
    /// </summary>
    public static async Task<int> RequeueAsync(Uri broker, string queue, long? max, TextWriter output, TextWriter error)
    {
        var errorQueue = queue + Suffix;
        await using var connection = await ConnectAsync(broker);
        var count = await CountAsync(connection, errorQueue);
        if (count is null or 0)
        {
            output.WriteLine($"{errorQueue}: {(count is null ? "does not exist" : "empty")}; nothing to requeue");
            return ExitCodes.Ok;
        }

        if (await CountAsync(connection, queue) is null)
        {
            error.WriteLine($"berichtenverkeer errors: queue {queue} does not exist; nothing was moved");
            return ExitCodes.Failed;
        }

        var limit = max ?? count.Value;
        var moved = 0;
        var kept = new List<ulong>();
        var brokerUser = Uri.UnescapeDataString(broker.UserInfo.Split(':')[0]);
        await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        while (moved + kept.Count < limit)
        {
            var message = await channel.BasicGetAsync(errorQueue, autoAck: false);
            if (message is null)
            {
                break;
            }

            var original = message.BasicProperties;
            if (original.UserId is { Length: > 0 } userId && userId != brokerUser)
            {
                // RabbitMQ only accepts a user_id equal to the publishing connection's user, and the gateway's inbound
                // queue authenticates the party by it: re-sending under our user would be refused or misattributed.
                error.WriteLine($"  kept {original.MessageId}: published by broker user '{userId}'; that party must send it again");
                kept.Add(message.DeliveryTag);
                continue;
            }

            var properties = new BasicProperties(original)
            {
                Headers = original.Headers?.Where(h => !IsFaultHeader(h.Key)).ToDictionary(h => h.Key, h => h.Value),
                DeliveryMode = DeliveryModes.Persistent,
            };
            try
            {
                await channel.BasicPublishAsync(string.Empty, queue, mandatory: true, properties, message.Body);
            }
            catch (PublishException)
            {
                error.WriteLine($"  kept {original.MessageId}: the broker did not confirm it into {queue}");
                kept.Add(message.DeliveryTag);
                continue;
            }

            await channel.BasicAckAsync(message.DeliveryTag, multiple: false);
            moved++;
        }

        foreach (var tag in kept)
        {
            await channel.BasicNackAsync(tag, multiple: false, requeue: true);
        }

        var left = await CountAsync(connection, errorQueue) ?? 0;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Moved {moved} message{(moved == 1 ? "" : "s")} from {errorQueue} to {queue}; {left} left in {errorQueue}."));
        return kept.Count > 0 ? ExitCodes.Failed : ExitCodes.Ok;
    }

    private static async Task<IConnection> ConnectAsync(Uri broker)
    {
        var factory = new ConnectionFactory
        {
            Uri = broker.Scheme == "rabbitmq" ? new UriBuilder(broker) { Scheme = "amqp" }.Uri : broker,
            ClientProvidedName = "berichtenverkeer errors",
            RequestedConnectionTimeout = TimeSpan.FromSeconds(10),
        };
        return await factory.CreateConnectionAsync();
    }

    /// <summary>The queue's message count, or null when it does not exist.</summary>
    private static async Task<uint?> CountAsync(IConnection connection, string queue)
    {
        // A passive declare of a missing queue closes the channel: use one of its own.
        await using var channel = await connection.CreateChannelAsync();
        try
        {
            return (await channel.QueueDeclarePassiveAsync(queue)).MessageCount;
        }
        catch (OperationInterruptedException ex) when (ex.ShutdownReason?.ReplyCode == 404)
        {
            return null;
        }
    }

    private static string? Header(IDictionary<string, object?>? headers, string name) =>
        headers is not null && headers.TryGetValue(name, out var value)
            ? value switch
            {
                byte[] bytes => Encoding.UTF8.GetString(bytes),
                null => null,
                _ => Convert.ToString(value, CultureInfo.InvariantCulture),
            }
            : null;

    private static string ShortTypeName(string type) => type[(type.LastIndexOf('.') + 1)..];
}
