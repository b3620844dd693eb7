using Berichtenverkeer.Gateway.Ingress;
using Berichtenverkeer.Gateway.Messaging;
using Berichtenverkeer.Gateway.Signals;
using MassTransit;

namespace Berichtenverkeer.Gateway.Hosting;

/// <summary>MassTransit on the in-memory transport (embedded default) or RabbitMQ (production), one place for both.</summary>
public static class MessagingRegistration
{
    public static IServiceCollection AddMessaging(this IServiceCollection services, GatewayOptions options, IConfiguration configuration)
    {
        // Ingress sends to the partitions' exchanges, which the receive endpoints declare and bind: nothing may be
        // accepted before that is done, or a first message could reach an exchange with no queue behind it.
        services.AddOptions<MassTransitHostOptions>().Configure(o => o.WaitUntilStarted = true);
        services.AddMassTransit(x =>
        {
            x.AddConsumer<ProcessIjwMessageConsumer, ProcessIjwMessageConsumerDefinition>();
            x.AddConsumer<SubmitIjwMessageConsumer>();
            if (options.Transport == Transport.RabbitMq)
            {
                var uri = configuration.GetConnectionString("RabbitMq")
                    ?? throw new InvalidOperationException("Gateway:Transport is RabbitMq but ConnectionStrings:RabbitMq is not set.");
                x.UsingRabbitMq((context, cfg) =>
                {
                    cfg.Host(new Uri(uri), h => h.PublisherConfirmation = true);

                    // MassTransit declares <queue>_error and <queue>_skipped with the processing queue's arguments. They
                    // are for operators (`berichtenverkeer errors`): without single-active-consumer they can be read
                    // (basic.get is refused on such a quorum queue), and without the delivery limit reading them can
                    // never drop a faulted message.
                    cfg.SendTopology.ConfigureErrorSettings = OperatorQueue;
                    cfg.SendTopology.ConfigureDeadLetterSettings = OperatorQueue;
                    cfg.AddSignalExceptionQueue(options.QueuePrefix);
                    ConfigureEndpoints(context, cfg, options, e =>
                    {
                        if (e is IRabbitMqReceiveEndpointConfigurator rabbit)
                        {
                            // Quorum queues survive a broker node loss; the delivery limit stops a poison loop,
                            // and MassTransit's error queue keeps the message with its reason.
                            rabbit.SetQuorumQueue();
                            rabbit.SetQueueArgument("x-delivery-limit", 20);
                        }
                    });
                });
            }
            else
            {
                x.UsingInMemory((context, cfg) => ConfigureEndpoints(context, cfg, options, _ => { }));
            }
        });
        return services;
    }

    private static void OperatorQueue(IRabbitMqQueueConfigurator queue)
    {
        queue.SetQueueArgument("x-single-active-consumer", null);
        queue.SetQueueArgument("x-delivery-limit", null);
    }

    private static void ConfigureEndpoints<TConfigurator>(IBusRegistrationContext context, TConfigurator cfg, GatewayOptions options, Action<IReceiveEndpointConfigurator> durable)
        where TConfigurator : IBusFactoryConfigurator, IReceiveConfigurator
    {
        for (var partition = 0; partition < options.Partitions; partition++)
        {
            cfg.ReceiveEndpoint(QueueNames.Process(partition, options.QueuePrefix), e =>
            {
                durable(e);
                if (e is IRabbitMqReceiveEndpointConfigurator rabbit)
                {
                    // One consumer at a time across all gateway instances, in queue order (see README: ordering).
                    rabbit.SingleActiveConsumer = true;
                    rabbit.PrefetchCount = 1;
                }

                e.ConfigureConsumer<ProcessIjwMessageConsumer>(context);
            });
        }

        cfg.ReceiveEndpoint(QueueNames.InboundFor(options.QueuePrefix), e =>
        {
            durable(e);
            e.ConfigureConsumer<SubmitIjwMessageConsumer>(context);
        });
    }
}
