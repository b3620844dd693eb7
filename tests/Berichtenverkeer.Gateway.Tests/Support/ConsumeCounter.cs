using System.Collections.Concurrent;
using Berichtenverkeer.Contracts;
using MassTransit;

namespace Berichtenverkeer.Gateway.Tests.Support;

/// <summary>
/// A consume observer: counts how often each ProcessIjwMessage was handed to its consumer and how often that faulted,
/// and can hold consumes back (closed until <see cref="Open"/>) or slow each down (<see cref="Delay"/>), so a test
/// can stop a worker mid-stream.
/// </summary>
public sealed class ConsumeCounter : IConsumeObserver
{
    private readonly ConcurrentDictionary<string, int> _attempts = new();
    private readonly ConcurrentDictionary<string, int> _faults = new();
    private readonly ConcurrentDictionary<string, int> _inFlight = new();
    private readonly ConcurrentDictionary<string, int> _maxInFlight = new();

    private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ConsumeCounter(bool closed = false)
    {
        if (!closed)
        {
            _gate.SetResult();
        }
    }

    public TimeSpan Delay { get; set; }

    /// <summary>Lets consumes through that were held since the counter was made closed.</summary>
    public void Open() => _gate.TrySetResult();

    public int Attempts(string messageId) => _attempts.GetValueOrDefault(messageId);

    public int Faults(string messageId) => _faults.GetValueOrDefault(messageId);

    public int TotalAttempts => _attempts.Values.Sum();

    /// <summary>Every consume in the order it began: queue, message id, the ingress time, whether the broker redelivered it.</summary>
    public ConcurrentQueue<(string Queue, string MessageId, DateTimeOffset ReceivedAt, bool Redelivered)> Log { get; } = new();

    /// <summary>The most commands one queue had in its consumer at the same time.</summary>
    public int MaxInFlightPerQueue => _maxInFlight.Values.DefaultIfEmpty(0).Max();

    public async Task PreConsume<T>(ConsumeContext<T> context)
        where T : class
    {
        if (context.Message is ProcessIjwMessage command)
        {
            _attempts.AddOrUpdate(command.MessageId, 1, (_, n) => n + 1);
            var queue = context.ReceiveContext.InputAddress.AbsolutePath;
            Log.Enqueue((queue, command.MessageId, command.ReceivedAt, context.ReceiveContext.Redelivered));
            var now = _inFlight.AddOrUpdate(queue, 1, (_, n) => n + 1);
            _maxInFlight.AddOrUpdate(queue, now, (_, n) => Math.Max(n, now));
            await _gate.Task.WaitAsync(context.CancellationToken);
            if (Delay > TimeSpan.Zero)
            {
                await Task.Delay(Delay);
            }
        }
    }

    public Task PostConsume<T>(ConsumeContext<T> context)
        where T : class
    {
        Leave(context);
        return Task.CompletedTask;
    }

    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception)
        where T : class
    {
        if (context.Message is ProcessIjwMessage command)
        {
            _faults.AddOrUpdate(command.MessageId, 1, (_, n) => n + 1);
        }

        Leave(context);
        return Task.CompletedTask;
    }

    private void Leave<T>(ConsumeContext<T> context)
        where T : class
    {
        if (context.Message is ProcessIjwMessage)
        {
            _inFlight.AddOrUpdate(context.ReceiveContext.InputAddress.AbsolutePath, 0, (_, n) => n - 1);
        }
    }
}
