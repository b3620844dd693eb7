using Berichtenverkeer.Audit.Pseudonyms;
using Berichtenverkeer.Gateway.Audit;
using Berichtenverkeer.Gateway.Ingress;
using Berichtenverkeer.Gateway.Outbox;
using Berichtenverkeer.Gateway.Signals;
using Berichtenverkeer.Gateway.Telemetry;
using Berichtenverkeer.Processing;
using Berichtenverkeer.Processing.Ledger;
using Berichtenverkeer.ReferenceData;
using Berichtenverkeer.Store;
using Berichtenverkeer.Validation;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Berichtenverkeer.Gateway.Hosting;

/// <summary>Builds the gateway: the same composition for the service, the replay command and the tests.</summary>
public static class GatewayHost
{
    public static async Task<WebApplication> BuildAsync(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        configure?.Invoke(builder);
        builder.Services.AddOptions<GatewayOptions>().BindConfiguration(GatewayOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var options = builder.Configuration.GetSection(GatewayOptions.Section).Get<GatewayOptions>() ?? new GatewayOptions();

        await builder.Services.AddGatewayStoreAsync(builder.Configuration);
        builder.Services.AddPipeline(options);
        builder.Services.AddMessaging(options, builder.Configuration);
        builder.Services.AddIngress(options);
        builder.Services.AddAuditTrail(builder.Configuration);
        builder.Services.AddSignals(builder.Configuration);
        builder.Services.AddGatewayTelemetry();

        var app = builder.Build();
        app.MapIngress();
        app.MapTriage();
        app.MapSignals();
        app.MapHealthChecks("/health/live", new() { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new() { Predicate = c => c.Tags.Contains("ready") });
        return app;
    }

    private static async Task AddGatewayStoreAsync(this IServiceCollection services, IConfiguration configuration)
    {
        var storeOptions = configuration.GetSection(StateStoreOptions.SectionName).Get<StateStoreOptions>() ?? new StateStoreOptions();
        var store = await StateStoreFactory.CreateMigratedAsync(storeOptions);
        services.AddSingleton(store);
        services.AddSingleton<Matching.State.IStateStore>(store);
        services.AddSingleton<IMessageLedger>(store);
        services.AddSingleton<ReferenceCache>();
        services.AddHealthChecks().AddCheck<StoreHealthCheck>("store", tags: ["ready"]);
    }

    private static void AddPipeline(this IServiceCollection services, GatewayOptions options)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new SystemDate(
            string.IsNullOrEmpty(options.Today) ? null : DateOnly.ParseExact(options.Today, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(new MessageValidator());
        services.AddSingleton(PseudonymizerFrom(options));
        services.AddSingleton(new PipelineOptions());
        services.AddSingleton(sp => new MessagePipeline(
            sp.GetRequiredService<MessageValidator>(),
            sp.GetRequiredService<Matching.State.IStateStore>(),
            sp.GetRequiredService<IMessageLedger>(),
            sp.GetRequiredService<ReferenceCache>().Current,
            sp.GetRequiredService<BsnPseudonymizer>(),
            sp.GetRequiredService<PipelineOptions>()));
    }

    private static void AddIngress(this IServiceCollection services, GatewayOptions options)
    {
        services.AddSingleton<OutboxSignal>();
        services.AddScoped<IngressService>();
        services.TryAddScoped<IDeliverySink, BusDeliverySink>();
        services.AddHostedService(sp => new OutboxDispatcher(
            sp.GetRequiredService<IMessageLedger>(),
            new ScopedSink(sp),
            sp.GetRequiredService<OutboxSignal>(),
            sp.GetRequiredService<IOptions<GatewayOptions>>(),
            sp.GetRequiredService<ILogger<OutboxDispatcher>>()));
        if (options.DropFolder is not null)
        {
            services.AddHostedService<DropFolderIngress>();
        }
    }

    private static void AddGatewayTelemetry(this IServiceCollection services)
    {
        services.AddSingleton<GatewayTelemetry>();
        services.AddOpenTelemetry()
            .WithTracing(t => t.AddSource(GatewayTelemetry.Name, "MassTransit").AddOtlpExporterWhenConfigured())
            .WithMetrics(m => m.AddMeter(GatewayTelemetry.Name, "MassTransit").AddOtlpExporterWhenConfigured());
    }

    private static BsnPseudonymizer PseudonymizerFrom(GatewayOptions options) =>
        options.PseudonymKey is { Length: > 0 } key
            ? BsnPseudonymizer.FromBase64(key)
            : new BsnPseudonymizer(EphemeralKey.Value);

    /// <summary>Without a configured key the embedded run uses a per-process random key: pseudonyms are then not stable across runs.</summary>
    private static class EphemeralKey
    {
        public static readonly byte[] Value = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);
    }

    /// <summary>The bus sink is scoped (MassTransit send/publish endpoints); the dispatcher is a singleton.</summary>
    private sealed class ScopedSink(IServiceProvider services) : IDeliverySink
    {
        public async Task DeliverAsync(Processing.Routing.Delivery delivery, CancellationToken cancellationToken)
        {
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<IDeliverySink>().DeliverAsync(delivery, cancellationToken);
        }

        public async Task PublishAsync(Berichtenverkeer.Audit.Events.AuditEvent auditEvent, CancellationToken cancellationToken)
        {
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<IDeliverySink>().PublishAsync(auditEvent, cancellationToken);
        }
    }
}

/// <summary>The reference data as last imported, reloaded on demand after an import.</summary>
public sealed class ReferenceCache(IGatewayStore store)
{
    private IReferenceData? _current;

    public Func<IReferenceData> Current => () => _current ??= store.LoadReferenceSetAsync().GetAwaiter().GetResult();

    public void Invalidate() => _current = null;
}

public sealed class StoreHealthCheck(IGatewayStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await store.PingAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex)
        {
            return HealthCheckResult.Unhealthy("The state store does not answer.", ex);
        }
    }
}

internal static class OtlpExtensions
{
    // Export only where an OTLP endpoint is configured (OTEL_EXPORTER_OTLP_ENDPOINT): the embedded run needs no collector.
    public static TracerProviderBuilder AddOtlpExporterWhenConfigured(this TracerProviderBuilder builder) =>
        Environment.GetEnvironmentVariable("OTEL_EXPORTER_OTLP_ENDPOINT") is { Length: > 0 } ? builder.AddOtlpExporter() : builder;

    public static MeterProviderBuilder AddOtlpExporterWhenConfigured(this MeterProviderBuilder builder) =>
        Environment.GetEnvironmentVariable("OTEL_EXPORTER_OTLP_ENDPOINT") is { Length: > 0 } ? builder.AddOtlpExporter() : builder;
}
