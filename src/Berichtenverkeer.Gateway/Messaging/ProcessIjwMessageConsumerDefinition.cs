using MassTransit;

namespace Berichtenverkeer.Gateway.Messaging;

/// <summary>
/// The failure policy in one place. Rule and validation failures are outcomes, not exceptions, so they are never
/// retried. Transient faults (database, broker) get bounded exponential retries; after that the command moves to the
/// error queue with the exception as its reason, where `berichtenverkeer errors requeue` can send it back. A command
/// whose claim is gone is poison and goes to the error queue at once.
/// </summary>
public sealed class ProcessIjwMessageConsumerDefinition : ConsumerDefinition<ProcessIjwMessageConsumer>
{
    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<ProcessIjwMessageConsumer> consumerConfigurator,
        IRegistrationContext context)
    {
        endpointConfigurator.UseMessageRetry(r =>
        {
            r.Exponential(6, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(250));
            r.Ignore<ClaimNotFoundException>();
        });

        // One message at a time per partition queue: order within a municipality–provider pair is kept.
        endpointConfigurator.ConcurrentMessageLimit = 1;
    }
}
