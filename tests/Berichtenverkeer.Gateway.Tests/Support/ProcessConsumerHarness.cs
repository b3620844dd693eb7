using Berichtenverkeer.Audit.Pseudonyms;
using Berichtenverkeer.Gateway.Hosting;
using Berichtenverkeer.Gateway.Messaging;
using Berichtenverkeer.Gateway.Outbox;
using Berichtenverkeer.Gateway.Telemetry;
using Berichtenverkeer.Matching.State;
using Berichtenverkeer.Processing;
using Berichtenverkeer.Processing.Ledger;
using Berichtenverkeer.ReferenceData;
using Berichtenverkeer.Tests.Support;
using Berichtenverkeer.Validation;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Berichtenverkeer.Gateway.Tests.Support;

/// <summary>
/// The processing consumer with its definition on MassTransit's test harness, over the given state store and ledger:
/// what every harness test of the consumer needs, so each test adds only what it looks at (observers, wrappers).
/// </summary>
public static class ProcessConsumerHarness
{
    public static IServiceCollection AddProcessConsumerHarness(this IServiceCollection services, IStateStore store, IMessageLedger ledger, BsnPseudonymizer pseudonymizer)
    {
        services.AddLogging();
        services.AddSingleton(ledger);
        services.AddSingleton(store);
        services.AddSingleton(new MessagePipeline(new MessageValidator(), store, ledger, () => ReferenceSet.Empty, pseudonymizer, new PipelineOptions()));
        services.AddSingleton(new SystemDate(Traffic.Today, TimeProvider.System));
        services.AddSingleton<GatewayTelemetry>();
        services.AddSingleton<OutboxSignal>();
        services.AddMassTransitTestHarness(x => x.AddConsumer<ProcessIjwMessageConsumer, ProcessIjwMessageConsumerDefinition>());
        return services;
    }
}
