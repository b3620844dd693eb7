using Berichtenverkeer.Contracts;
using Berichtenverkeer.Gateway.Messaging;
using Berichtenverkeer.Signals;
using Berichtenverkeer.Signals.Exceptions;
using Berichtenverkeer.Store;
using MassTransit;

namespace Berichtenverkeer.Gateway.Signals;

/// <summary>Fraud-suspicion signals in the gateway: detection after each message, the period batch, the publisher, the query endpoints.</summary>
public static class SignalRegistration
{
    public static IServiceCollection AddSignals(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SignalRuntimeOptions>().BindConfiguration(SignalRuntimeOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var options = configuration.GetSection(SignalRuntimeOptions.Section).Get<SignalRuntimeOptions>() ?? new SignalRuntimeOptions();
        services.AddSingleton(new SignalEngine());
        services.AddSingleton(sp => (RelationalStore)sp.GetRequiredService<IGatewayStore>());
        services.AddSingleton<ISignalStore>(sp => sp.GetRequiredService<IGatewayStore>());
        services.AddSingleton<SignalDetector>();
        services.AddSingleton<SignalsRaised>();
        services.AddSingleton<ProcessedMessages>();
        if (!options.Enabled)
        {
            return services;
        }

        services.AddConsumeObserver<ProcessedMessageObserver>();
        services.AddSingleton<MessageSignalWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<MessageSignalWorker>());
        services.AddSingleton<PeriodSignalBatch>();
        services.AddHostedService(sp => sp.GetRequiredService<PeriodSignalBatch>());
        services.AddSingleton<SignalPublisher>();
        services.AddHostedService(sp => sp.GetRequiredService<SignalPublisher>());
        return services;
    }

    /// <summary>
    /// The auditors' exception queue: a durable quorum queue bound to the <see cref="FraudSignalRaised"/> message exchange
    /// itself (BindQueue declares the exchange it is given; naming the message's own keeps the chain one hop), declared
    /// with the first publish. The gateway never consumes it; auditors' systems do.
    /// </summary>
    public static void AddSignalExceptionQueue(this IRabbitMqBusFactoryConfigurator cfg, string prefix) =>
        cfg.Publish<FraudSignalRaised>(p => p.BindQueue(p.Exchange.ExchangeName, QueueNames.Signals(prefix), q => q.SetQuorumQueue()));
}
