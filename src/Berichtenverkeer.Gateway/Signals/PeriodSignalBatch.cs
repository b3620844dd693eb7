using Berichtenverkeer.Gateway.Hosting;
using Berichtenverkeer.Store;
using Microsoft.Extensions.Options;

namespace Berichtenverkeer.Gateway.Signals;

/// <summary>
/// The period batch: every <see cref="SignalRuntimeOptions.PeriodInterval"/>, all rules over the previous and the current
/// declaration month of every municipality with state (period rules need whole months; the message rules are judged
/// again so a judgement lost to a crash is made up). `berichtenverkeer signals run --period` runs one month on demand.
/// </summary>
public sealed partial class PeriodSignalBatch(
    RelationalStore store,
    SignalDetector detector,
    SignalsRaised raised,
    SystemDate today,
    IOptions<SignalRuntimeOptions> options,
    ILogger<PeriodSignalBatch> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.PeriodInterval;
        if (interval <= TimeSpan.Zero)
        {
            return;
        }

        using var timer = new PeriodicTimer(interval);
        try
        {
            do
            {
                try
                {
                    var date = today.Value;
                    var previous = date.AddMonths(-1);
                    await RunMonthAsync(previous.Year, previous.Month, stoppingToken);
                    await RunMonthAsync(date.Year, date.Month, stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    LogFailed(logger, ex);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    /// <summary>All rules over one declaration month for every municipality with state; returns the new signals' count.</summary>
    public async Task<int> RunMonthAsync(int year, int month, CancellationToken cancellationToken)
    {
        var (from, to) = SignalDetector.Month(year, month);
        var gemeenten = await store.SignalGemeentenAsync(cancellationToken);
        var result = await detector.DetectAsync(gemeenten, from.AddMonths(-options.Value.PeriodHistoryMonths), from, to, scope: null, cancellationToken);
        if (result.Raised.Count > 0)
        {
            LogRaised(logger, result.Raised.Count, year, month);
            raised.Notify();
        }

        return result.Raised.Count;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Period batch {Year}-{Month:00} raised {Count} new signal(s)")]
    private static partial void LogRaised(ILogger logger, int count, int year, int month);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Period signal batch failed; it runs again at the next interval")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
