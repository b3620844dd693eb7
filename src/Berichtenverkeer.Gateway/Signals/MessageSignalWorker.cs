using Berichtenverkeer.Gateway.Hosting;
using Berichtenverkeer.Processing.Ledger;
using Berichtenverkeer.Signals;
using Microsoft.Extensions.Options;

namespace Berichtenverkeer.Gateway.Signals;

/// <summary>
/// Judges the message-scope rules (FR14, FR15, FR16 …) right after messages are processed: per batch of finished
/// messages, over the state of their municipalities within the bounded window, and saves what is new. Runs beside the
/// partitions, never in them: a judgement can neither delay nor change a verdict. A judgement lost to a crash is made up
/// by the next period batch, which judges every rule.
/// </summary>
public sealed partial class MessageSignalWorker(
    ProcessedMessages processed,
    IMessageLedger ledger,
    SignalDetector detector,
    SignalsRaised raised,
    SystemDate today,
    IOptions<SignalRuntimeOptions> options,
    ILogger<MessageSignalWorker> logger) : BackgroundService
{
    private const int MaxBatch = 500;
    private const int MaxAttempts = 5;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<string>(MaxBatch);
        try
        {
            while (await processed.Reader.WaitToReadAsync(stoppingToken))
            {
                batch.Clear();
                while (batch.Count < MaxBatch && processed.Reader.TryRead(out var id))
                {
                    batch.Add(id);
                }

                await JudgeWithRetriesAsync(batch, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: ids not judged yet are made up by the next period batch.
        }
    }

    /// <summary>Judges the message-scope rules for the municipalities of these messages; returns the signals raised.</summary>
    public async Task<IReadOnlyList<Signal>> JudgeAsync(IReadOnlyCollection<string> messageIds, CancellationToken cancellationToken)
    {
        var gemeenten = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var id in messageIds.Distinct(StringComparer.Ordinal))
        {
            if (await ledger.FindAsync(id, cancellationToken) is { } record && GemeenteOf(record) is { } gemeente)
            {
                gemeenten.Add(gemeente);
            }
        }

        var to = today.Value;
        var from = to.AddMonths(-options.Value.MessageWindowMonths);
        var result = await detector.DetectAsync(gemeenten, from, from, to, SignalScope.Message, cancellationToken);
        if (result.Raised.Count > 0)
        {
            LogRaised(logger, result.Raised.Count, gemeenten.Count);
            raised.Notify();
        }

        return result.Raised;
    }

    /// <summary>The municipality of a message: the side whose code is a gemeentecode (4 digits; an AGB has 8).</summary>
    public static string? GemeenteOf(LedgerRecord record) =>
        new[] { record.Afzender, record.Ontvanger }.FirstOrDefault(c => c is { Length: 4 } && c.All(char.IsAsciiDigit));

    private async Task JudgeWithRetriesAsync(List<string> batch, CancellationToken stoppingToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await JudgeAsync(batch, stoppingToken);
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                if (attempt == MaxAttempts)
                {
                    LogGaveUp(logger, batch.Count, ex);
                    return;
                }

                LogRetry(logger, attempt, ex);
                await Task.Delay(TimeSpan.FromMilliseconds(200 * (1 << attempt)), stoppingToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Raised {Count} new signal(s) over {Gemeenten} municipality(ies) after processing")]
    private static partial void LogRaised(ILogger logger, int count, int gemeenten);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Signal judgement after processing failed (attempt {Attempt}); trying again")]
    private static partial void LogRetry(ILogger logger, int attempt, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Signal judgement for {Count} processed message(s) failed repeatedly; the next period batch makes it up")]
    private static partial void LogGaveUp(ILogger logger, int count, Exception exception);
}
