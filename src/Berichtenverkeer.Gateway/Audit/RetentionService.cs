using Berichtenverkeer.Audit.Trail;
using Microsoft.Extensions.Options;

namespace Berichtenverkeer.Gateway.Audit;

/// <summary>
/// Retention of the trail (AT6), when <see cref="AuditTrailHostOptions.RetentionYears"/> is set: every
/// <see cref="AuditTrailHostOptions.RetentionInterval"/> the entries older than that are deleted and a retention anchor
/// is appended in the same transaction, so the rest still verifies. <see cref="AuditTrail"/> refuses anything under
/// the legal five years.
/// </summary>
public sealed partial class RetentionService(
    IAuditTrailStore store,
    IOptions<AuditTrailHostOptions> options,
    TimeProvider time,
    ILogger<RetentionService> logger) : BackgroundService
{
    /// <summary>One retention run; null when nothing was due.</summary>
    public Task<RetentionOutcome?> RunOnceAsync(CancellationToken cancellationToken)
    {
        var years = options.Value.RetentionYears ?? throw new InvalidOperationException("AuditTrail:RetentionYears is not set: retention is off.");
        return new AuditTrail(store, null, new AuditTrailOptions { RetentionYears = years }, time).ApplyRetentionAsync(null, cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.RetentionInterval, time);
        try
        {
            do
            {
                try
                {
                    if (await RunOnceAsync(stoppingToken) is { } outcome)
                    {
                        LogRetained(logger, outcome.Removed.Count, outcome.Removed.FirstSequence, outcome.Removed.LastSequence, outcome.Anchor.Sequence);
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogRetentionFailed(logger, ex);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Audit trail retention deleted {Count} entries ({First}–{Last}); retention anchor at sequence {Anchor}")]
    private static partial void LogRetained(ILogger logger, long count, long first, long last, long anchor);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Audit trail retention failed; it runs again at the next interval")]
    private static partial void LogRetentionFailed(ILogger logger, Exception exception);
}
