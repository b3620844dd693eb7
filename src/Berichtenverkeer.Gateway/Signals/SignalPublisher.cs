using System.Security.Cryptography;
using System.Text;
using Berichtenverkeer.Contracts;
using Berichtenverkeer.Gateway.Hosting;
using Berichtenverkeer.Gateway.Outbox;
using Berichtenverkeer.Signals;
using Berichtenverkeer.Signals.Exceptions;
using MassTransit;
using Microsoft.Extensions.Options;

namespace Berichtenverkeer.Gateway.Signals;

/// <summary>Wakes the <see cref="SignalPublisher"/> as soon as signals were saved.</summary>
public sealed class SignalsRaised
{
    private readonly OutboxSignal _signal = new();

    public void Notify() => _signal.Notify();

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);
}

/// <summary>
/// The signal outbox: publishes each saved, unpublished signal as <see cref="FraudSignalRaised"/> (routed to the
/// auditors' exception queue) and marks it published only after the publish returned, i.e. after the broker confirmed it
/// (publisher confirms are on). At least once: after a crash between confirm and mark the signal goes again with the
/// same message id, derived from the signal id, so consumers can drop the copy.
/// </summary>
public sealed partial class SignalPublisher(
    ISignalStore store,
    IBus bus,
    SignalsRaised raised,
    TimeProvider time,
    IOptions<GatewayOptions> gateway,
    IOptions<SignalRuntimeOptions> options,
    ILogger<SignalPublisher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await PublishOnceAsync(stoppingToken) == 0)
                {
                    await raised.WaitAsync(options.Value.PublishPollInterval, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The broker or database is away: the signals stay unpublished and go on the next round.
                LogFailed(logger, ex);
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
            }
        }
    }

    /// <summary>Publishes one batch of unpublished signals; returns how many went out.</summary>
    public async Task<int> PublishOnceAsync(CancellationToken cancellationToken)
    {
        var pending = await store.UnpublishedSignalsAsync(100, cancellationToken);
        foreach (var (signal, firstSeen, _, _) in pending)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(gateway.Value.SendTimeout);
            await bus.Publish(ToEvent(signal, firstSeen), ctx => ctx.MessageId = StableId(signal.Id), timeout.Token);
            await store.MarkSignalsPublishedAsync([signal.Id], time.GetUtcNow(), cancellationToken);
        }

        return pending.Count;
    }

    public static FraudSignalRaised ToEvent(Signal s, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(s);
        return new FraudSignalRaised(
            s.Id, s.RuleId, s.RuleVersion, s.Severity.ToString(), s.Stage.ToString(), s.Gemeente, s.Agb, s.RelatedAgbs, s.Client,
            s.PeriodFrom, s.PeriodTo, s.Description, s.Values, s.MessageIds, s.ContentHashes, at);
    }

    public static Guid StableId(string signalId) => new(MD5.HashData(Encoding.UTF8.GetBytes("signal:" + signalId)));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Signal publishing failed; unpublished signals stay and are retried")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
