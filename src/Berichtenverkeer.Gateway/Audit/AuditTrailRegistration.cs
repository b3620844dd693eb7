using Berichtenverkeer.Audit.Trail;
using Berichtenverkeer.Store;

namespace Berichtenverkeer.Gateway.Audit;

/// <summary>The audit trail in the host: the store's trail ports, the feeder, checkpoints, retention and triage over HTTP.</summary>
public static class AuditTrailRegistration
{
    public static IServiceCollection AddAuditTrail(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AuditTrailHostOptions>()
            .BindConfiguration(AuditTrailHostOptions.Section)
            .ValidateDataAnnotations()
            .Validate(AuditTrailHostOptions.HasPositiveIntervals, "AuditTrail: FeedInterval, CheckpointInterval and RetentionInterval must be positive.")
            .ValidateOnStart();
        var options = configuration.GetSection(AuditTrailHostOptions.Section).Get<AuditTrailHostOptions>() ?? new AuditTrailHostOptions();

        services.AddSingleton<IAuditTrailStore>(sp => sp.GetRequiredService<IGatewayStore>());
        services.AddSingleton<ISignalTriageStore>(sp => sp.GetRequiredService<IGatewayStore>());
        services.AddSingleton<IAuditOutboxFeed>(sp => sp.GetRequiredService<IGatewayStore>());
        services.AddSingleton<TrailSignal>();

        // Hosted services stop in reverse order: the feeder drains first, then the checkpoint records the final head.
        if (options.CheckpointsEnabled)
        {
            services.AddSingleton<CheckpointService>();
            services.AddHostedService(sp => sp.GetRequiredService<CheckpointService>());
        }

        if (options.FeedEnabled)
        {
            services.AddSingleton<TrailFeeder>();
            services.AddHostedService(sp => sp.GetRequiredService<TrailFeeder>());
        }

        if (options.RetentionYears is not null)
        {
            services.AddSingleton<RetentionService>();
            services.AddHostedService(sp => sp.GetRequiredService<RetentionService>());
        }

        return services;
    }
}
