using System.Text;
using Berichtenverkeer.Contracts;
using Berichtenverkeer.Gateway.Hosting;
using MassTransit;
using Microsoft.Extensions.Options;

namespace Berichtenverkeer.Gateway.Ingress;

/// <summary>
/// The RabbitMQ inbound queue. The party is the broker user the message was published with: RabbitMQ refuses a
/// user_id property that differs from the connection's user, so it cannot be forged. A message without a known
/// user is refused (it throws and lands in the error queue with the reason), never silently dropped.
/// </summary>
public sealed class SubmitIjwMessageConsumer(IngressService ingress, IOptions<GatewayOptions> options) : IConsumer<SubmitIjwMessage>
{
    public async Task Consume(ConsumeContext<SubmitIjwMessage> context)
    {
        var user = context.ReceiveContext.TransportHeaders.Get<string>("user_id")
            ?? (context.ReceiveContext.TryGetPayload<RabbitMqBasicConsumeContext>(out var rabbit) ? rabbit.Properties.UserId : null);
        if (user is null || !options.Value.BrokerUsers.TryGetValue(user, out var party))
        {
            throw new UnknownPartyException(user);
        }

        await ingress.ReceiveAsync(Encoding.UTF8.GetBytes(context.Message.Xml), "queue", party, context.Message.FileName, context.CancellationToken);
    }
}

public sealed class UnknownPartyException(string? user)
    : Exception(user is null ? "The message carries no authenticated broker user." : $"Broker user '{user}' is not mapped to a party (Gateway:BrokerUsers).");
