namespace Berichtenverkeer.Gateway.Outbox;

/// <summary>Wakes the dispatcher as soon as something was recorded, so deliveries do not wait for the next poll.</summary>
public sealed class OutboxSignal
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    /// <summary>Raised on every <see cref="Notify"/>, for other readers of the outbox (the audit trail's feeder).</summary>
    public event Action? Notified;

    public void Notify()
    {
        Notified?.Invoke();
        if (_signal.CurrentCount == 0)
        {
            try
            {
                _signal.Release();
            }
            catch (SemaphoreFullException)
            {
                // Already signalled: one wake-up serves all.
            }
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);
}
