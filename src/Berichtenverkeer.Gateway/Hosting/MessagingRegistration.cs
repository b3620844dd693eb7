using Berichtenverkeer.Gateway.Ingress;
using Berichtenverkeer.Gateway.Messaging;
using MassTransit;

namespace Berichtenverkeer.Gateway.Hosting;

/// <summary>MassTransit on the in-memory transport (embedded default) or RabbitMQ (production), one place for both.</summary>
public static class MessagingRegistration
{
    public static IServiceCollection AddMessaging(this IServiceCollection services, GatewayOptions options, IConfiguration configuration)
    {
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

    private static void ConfigureEndpoints<TConfigurator>(IBusRegistrationContext context, TConfigurator cfg, GatewayOptions options, Action<IReceiveEndpointConfigurator> durable)
        where TConfigurator : IBusFactoryConfigurator, IReceiveConfigurator
    {
        for (var partition = 0; partition < options.Partitions; partition++)
        {
            cfg.ReceiveEndpoint(QueueNames.Process(partition), e =>
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

        cfg.ReceiveEndpoint(QueueNames.Inbound, e =>
        {
            durable(e);
            e.ConfigureConsumer<SubmitIjwMessageConsumer>(context);
        });
    }
}
