using System.Data.Common;
using Berichtenverkeer.Audit.Trail;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;

namespace Berichtenverkeer.Gateway.Audit;

/// <summary>
/// Appends the audit events the pipeline recorded in the outbox to the hash chain (AT3), in outbox order and exactly
/// once (the store marks them in the same transaction), independent of bus dispatch. Woken after every processed
/// message and every <see cref="AuditTrailHostOptions.FeedInterval"/>; drains until nothing is left, and once more
/// when the host stops.
/// </summary>
public sealed partial class TrailFeeder(
    IAuditOutboxFeed feed,
    TrailSignal signal,
    IOptions<AuditTrailHostOptions> options,
    TimeProvider time,
    ILogger<TrailFeeder> logger) : BackgroundService
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    // The store already retries its own transient faults; this covers a whole batch failing (a lock timeout, a
    // dropped connection) a few times more before the loop backs off.
    private readonly ResiliencePipeline _retry = new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<DbException>().Handle<TimeoutException>().Handle<IOException>(),
            MaxRetryAttempts = 3,
            Delay = TimeSpan.FromMilliseconds(100),
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
        })
        .Build();

    /// <summary>Appends every audit event not yet trailed, batch by batch; returns how many.</summary>
    public static async Task<long> DrainAsync(IAuditOutboxFeed feed, int batchSize, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(feed);
        ArgumentNullException.ThrowIfNull(time);
        long total = 0;
        int moved;
        do
        {
            moved = await feed.TrailOutboxAsync(batchSize, time.GetUtcNow(), cancellationToken);
            total += moved;
        }
        while (moved == batchSize);
        return total;
    }

    /// <summary>One drain, with bounded retry on database faults.</summary>
    public async Task<long> DrainOnceAsync(CancellationToken cancellationToken) =>
        await _retry.ExecuteAsync(async ct => await DrainAsync(feed, options.Value.FeedBatchSize, time, ct), cancellationToken);

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            // What the last messages recorded before the stop: trailed now rather than at the next start.
            await DrainOnceAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFeedFailed(logger, 0, ex);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var moved = await DrainOnceAsync(stoppingToken);
                if (moved > 0)
                {
                    LogTrailed(logger, moved);
                }

                failures = 0;
                await signal.WaitAsync(options.Value.FeedInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The database is away: the events stay in the outbox, untrailed, and go on a later round.
                failures++;
                var backoff = TimeSpan.FromTicks(Math.Min(MaxBackoff.Ticks, options.Value.FeedInterval.Ticks << Math.Min(failures, 16)));
                LogFeedFailed(logger, failures, ex);
                try
                {
                    await Task.Delay(backoff, time, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Appended {Count} audit events to the audit trail")]
    private static partial void LogTrailed(ILogger logger, long count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Feeding the audit trail failed ({Failures} in a row); the events stay in the outbox and are trailed later")]
    private static partial void LogFeedFailed(ILogger logger, int failures, Exception exception);
}
