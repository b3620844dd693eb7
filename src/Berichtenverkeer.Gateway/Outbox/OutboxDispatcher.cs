using Berichtenverkeer.Gateway.Hosting;
using Berichtenverkeer.Processing.Ledger;
using Microsoft.Extensions.Options;

namespace Berichtenverkeer.Gateway.Outbox;

/// <summary>
/// Hands recorded deliveries and audit events to the sink, then marks them dispatched. At least once: after a crash
/// between sending and marking, the same items go again with the same ids.
/// </summary>
public sealed partial class OutboxDispatcher(
    IMessageLedger ledger,
    IDeliverySink sink,
    OutboxSignal signal,
    IOptions<GatewayOptions> options,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await DispatchOnceAsync(stoppingToken) == 0)
                {
                    await signal.WaitAsync(options.Value.OutboxPollInterval, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The broker or database is away: the items stay pending and go on the next round.
                LogDispatchFailed(logger, ex);
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
            }
        }
    }

    /// <summary>Dispatches one batch; returns how many items went out.</summary>
    public async Task<int> DispatchOnceAsync(CancellationToken cancellationToken)
    {
        var pending = await ledger.PendingAsync(100, cancellationToken);
        var sent = new List<long>(pending.Count);
        try
        {
            foreach (var item in pending)
            {
                // A stopping host ends the batch between items, never inside a send: a send cancelled after the broker
                // took it would leave it unmarked, and the next worker would send it again.
                if (cancellationToken.IsCancellationRequested)
                {
                    break;
                }

                // Bounded: a send that waits for a confirm that never comes (its connection was lost) must not stall the
                // outbox; it fails, and the item goes again on the next round.
                using var timeout = new CancellationTokenSource(options.Value.SendTimeout);
                if (item.Delivery is { } delivery)
                {
                    await sink.DeliverAsync(delivery, timeout.Token);
                }

                if (item.AuditEvent is { } auditEvent)
                {
                    await sink.PublishAsync(auditEvent, timeout.Token);
                }

                sent.Add(item.Id);
            }
        }
        finally
        {
            // Also when a later item failed or the host is stopping: what the broker confirmed must not go out again
            // with the rest of the batch (a graceful stop or one lost connection would otherwise copy up to 100 items).
            if (sent.Count > 0)
            {
                using var marking = new CancellationTokenSource(options.Value.SendTimeout);
                await ledger.MarkDispatchedAsync(sent, marking.Token);
            }
        }

        return sent.Count;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox dispatch failed; pending items stay and are retried")]
    private static partial void LogDispatchFailed(ILogger logger, Exception exception);
}
