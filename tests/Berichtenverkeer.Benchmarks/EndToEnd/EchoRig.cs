using System.Globalization;
using System.Text;
using Berichtenverkeer.Gateway.Messaging;
using MassTransit;

namespace Berichtenverkeer.Benchmarks.EndToEnd;

/// <summary>
/// The baseline: bare MassTransit on the same broker with the gateway's durability and concurrency — one quorum queue
/// per partition with single active consumer, prefetch 1 and one message at a time, publisher confirms — whose
/// consumer does nothing but send the payload on to a durable quorum queue. What the gateway adds to this is its cost.
/// </summary>
public sealed class EchoRig : IAsyncDisposable
{
    private readonly BrokerEnvironment _env;
    private readonly Dictionary<int, ISendEndpoint> _partitions = [];
    private IBusControl? _server;
    private IBusControl? _client;

    private EchoRig(BrokerEnvironment env, int partitions)
    {
        _env = env;
        Partitions = partitions;
        Prefix = "bench-echo-" + BrokerEnvironment.UniqueSuffix();
    }

    public string Prefix { get; }

    public int Partitions { get; }

    public CompletionTracker Tracker { get; } = new();

    private string OutQueue => Prefix + "-out";

    private string PartitionQueue(int partition) => string.Create(CultureInfo.InvariantCulture, $"{Prefix}-{partition}");

    public static async Task<EchoRig> StartAsync(BrokerEnvironment env, int partitions)
    {
        var rig = new EchoRig(env, partitions);
        try
        {
            await rig.StartAsync();
            return rig;
        }
        catch
        {
            await rig.DisposeAsync();
            throw;
        }
    }

    private async Task StartAsync()
    {
        _client = Bus.Factory.CreateUsingRabbitMq(cfg =>
        {
            cfg.Host(_env.RabbitMq, h => h.PublisherConfirmation = true);
            cfg.ReceiveEndpoint(OutQueue, e =>
            {
                e.SetQuorumQueue();
                e.ConfigureConsumeTopology = false;
                e.PrefetchCount = 64;
                e.Handler<EchoReply>(ctx =>
                {
                    Tracker.Arrived(ctx.Message.Id);
                    return Task.CompletedTask;
                });
            });
        });
        await _client.StartAsync();

        var outAddress = new Uri("exchange:" + OutQueue);
        _server = Bus.Factory.CreateUsingRabbitMq(cfg =>
        {
            cfg.Host(_env.RabbitMq, h => h.PublisherConfirmation = true);
            for (var partition = 0; partition < Partitions; partition++)
            {
                cfg.ReceiveEndpoint(PartitionQueue(partition), e =>
                {
                    e.SetQuorumQueue();
                    e.SetQueueArgument("x-delivery-limit", 20);
                    e.SingleActiveConsumer = true;
                    e.PrefetchCount = 1;
                    e.ConcurrentMessageLimit = 1;
                    e.ConfigureConsumeTopology = false;
                    e.Handler<EchoRequest>(async ctx =>
                    {
                        var endpoint = await ctx.GetSendEndpoint(outAddress);
                        await endpoint.Send(new EchoReply(ctx.Message.Id, ctx.Message.Xml), ctx.CancellationToken);
                    });
                });
            }
        });
        await _server.StartAsync();

        for (var partition = 0; partition < Partitions; partition++)
        {
            _partitions[partition] = await _client.GetSendEndpoint(new Uri("exchange:" + PartitionQueue(partition)));
        }
    }

    /// <summary>Sends the message's XML to its pair's partition, as the gateway's ingress sends its command.</summary>
    public async Task<string> SendAsync(OfferedMessage message, int index)
    {
        var id = Guid.CreateVersion7().ToString("N");
        var partition = QueueNames.PartitionOf(message.PairKey, Partitions);
        await _partitions[partition].Send(new EchoRequest(id, Encoding.UTF8.GetString(message.Content)));
        return id;
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.StopAsync();
        }

        if (_client is not null)
        {
            await _client.StopAsync();
        }

        await QueueCleanup.DeleteQueuesAsync(_env.RabbitMq, Enumerable.Range(0, Partitions).Select(PartitionQueue).Append(OutQueue));
    }
}
