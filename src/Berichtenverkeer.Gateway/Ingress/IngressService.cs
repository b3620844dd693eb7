using Berichtenverkeer.Contracts;
using Berichtenverkeer.Gateway.Hosting;
using Berichtenverkeer.Gateway.Messaging;
using Berichtenverkeer.Ijw.Reading;
using Berichtenverkeer.Processing;
using Berichtenverkeer.Processing.Ledger;
using MassTransit;
using Microsoft.Extensions.Options;

namespace Berichtenverkeer.Gateway.Ingress;

/// <summary>
/// What every ingress channel does with a message from an authenticated party: keep the bytes (claim check), then ask
/// the partition of its municipality–provider pair to process it. Nothing is accepted that is not stored first.
/// </summary>
public sealed class IngressService(IMessageLedger ledger, ISendEndpointProvider send, IOptions<GatewayOptions> options, TimeProvider clock)
{
    public async Task<string> ReceiveAsync(ReadOnlyMemory<byte> content, string channel, string party, string? fileName, CancellationToken cancellationToken)
    {
        var id = Guid.CreateVersion7().ToString("N");
        await ReceiveAsync(new InboundMessage(id, content, channel, party, clock.GetUtcNow(), fileName), cancellationToken);
        return id;
    }

    public async Task ReceiveAsync(InboundMessage message, CancellationToken cancellationToken)
    {
        await ledger.SaveInboundAsync(message, cancellationToken);
        var key = HeaderPeek.PartitionKey(message.Content, message.AuthenticatedParty);
        var queue = QueueNames.Process(QueueNames.PartitionOf(key, options.Value.Partitions), options.Value.QueuePrefix);
        // The partition's exchange, not "queue:": a queue: address re-declares the queue without the quorum, delivery-limit
        // and single-active-consumer arguments its receive endpoint declared it with, which RabbitMQ refuses (406).
        // The receive endpoint binds this exchange to its queue before the host accepts messages (WaitUntilStarted).
        var endpoint = await send.GetSendEndpoint(new Uri($"exchange:{queue}"));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.SendTimeout);
        await endpoint.Send(new ProcessIjwMessage(message.MessageId, message.Channel, message.AuthenticatedParty, message.ReceivedAt, key), timeout.Token);
    }
}
