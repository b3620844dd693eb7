using Berichtenverkeer.Gateway.Outbox;

namespace Berichtenverkeer.Gateway.Audit;

/// <summary>
/// Wakes the trail feeder whenever the outbox is signalled. Its own semaphore, so the feeder never takes a wake-up the
/// outbox dispatcher is waiting for.
/// </summary>
public sealed class TrailSignal : IDisposable
{
    private readonly SemaphoreSlim _signal = new(0, 1);
    private readonly OutboxSignal _outbox;

    public TrailSignal(OutboxSignal outbox)
    {
        ArgumentNullException.ThrowIfNull(outbox);
        _outbox = outbox;
        _outbox.Notified += Notify;
    }

    public void Notify()
    {
        try
        {
            _signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled: one wake-up serves all.
        }
        catch (ObjectDisposedException)
        {
            // The host is stopping; a message recorded now is trailed at the next start.
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);

    public void Dispose()
    {
        _outbox.Notified -= Notify;
        _signal.Dispose();
    }
}
