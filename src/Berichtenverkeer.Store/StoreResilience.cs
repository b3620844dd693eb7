using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace Berichtenverkeer.Store;

/// <summary>
/// Retries database I/O on transient faults only (the dialect decides: PostgreSQL <c>NpgsqlException.IsTransient</c>,
/// SQLite SQLITE_BUSY/SQLITE_LOCKED), a bounded number of times with exponential backoff and jitter. Constraint
/// violations are never transient and surface at once.
/// </summary>
internal static class StoreResilience
{
    private static readonly Action<ILogger, string, int, double, Exception?> LogRetry = LoggerMessage.Define<string, int, double>(
        LogLevel.Warning,
        new EventId(1, "TransientDatabaseFault"),
        "Transient {Provider} fault; retry {Attempt} in {DelayMs} ms");

    public static ResiliencePipeline Create(SqlDialect dialect, StateStoreOptions options, ILogger? logger)
    {
        if (options.MaxRetryAttempts <= 0)
        {
            return ResiliencePipeline.Empty;
        }

        return new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(dialect.IsTransient),
                MaxRetryAttempts = options.MaxRetryAttempts,
                Delay = options.RetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                MaxDelay = TimeSpan.FromSeconds(5),
                OnRetry = args =>
                {
                    if (logger is not null)
                    {
                        LogRetry(logger, dialect.Name, args.AttemptNumber + 1, args.RetryDelay.TotalMilliseconds, args.Outcome.Exception);
                    }

                    return default;
                },
            })
            .Build();
    }
}
