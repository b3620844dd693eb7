using System.Security.Cryptography;
using System.Text;
using Berichtenverkeer.Audit.Events;
using Berichtenverkeer.Contracts;
using Berichtenverkeer.Gateway.Hosting;
using Berichtenverkeer.Gateway.Messaging;
using Berichtenverkeer.Processing.Routing;
using MassTransit;
using Microsoft.Extensions.Options;

namespace Berichtenverkeer.Gateway.Outbox;

/// <summary>
/// Sends each delivery to the recipient's own queue and publishes audit events. The MassTransit message id is derived
/// from the delivery id, so a re-dispatch after a crash carries the same id and receivers can drop the copy.
/// </summary>
public sealed class BusDeliverySink(ISendEndpointProvider send, IPublishEndpoint publish, IOptions<GatewayOptions> options) : IDeliverySink
{
    public async Task DeliverAsync(Delivery delivery, CancellationToken cancellationToken)
    {
        var endpoint = await send.GetSendEndpoint(new Uri($"queue:{QueueNames.Party(delivery.Recipient, options.Value.QueuePrefix)}"));
        var inline = delivery.Content.Length <= options.Value.InlineDeliveryBytes;
        var message = new IjwDelivery(
            delivery.DeliveryId,
            delivery.DeliveryId.Split('-')[0],
            delivery.Recipient,
            delivery.Kind.ToString(),
            delivery.MessageType,
            delivery.FileName,
            Convert.ToHexStringLower(SHA256.HashData(delivery.Content)),
            delivery.Content.Length,
            inline ? Encoding.UTF8.GetString(delivery.Content) : null);
        await endpoint.Send(message, ctx => ctx.MessageId = StableId(delivery.DeliveryId), cancellationToken);
    }

    public Task PublishAsync(AuditEvent e, CancellationToken cancellationToken) =>
        publish.Publish(
            new AuditEventPublished(e.Step, e.MessageId, e.MessageType, e.Afzender, e.Ontvanger, e.Identificatie, e.At, e.ContentHash, e.RuleCodes, e.ClientPseudonyms, e.Detail),
            cancellationToken);

    private static Guid StableId(string deliveryId) => new(MD5.HashData(Encoding.UTF8.GetBytes(deliveryId)));
}
