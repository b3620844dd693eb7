using System.Collections.Concurrent;
using Berichtenverkeer.Contracts;
using MassTransit;

namespace Berichtenverkeer.Gateway.Tests.Support;

/// <summary>
/// A consume observer: counts how often each ProcessIjwMessage was handed to its consumer and how often that faulted,
/// and can hold each consume for a moment (<see cref="Delay"/>) so a test can stop a worker mid-stream.
/// </summary>
public sealed class ConsumeCounter : IConsumeObserver
{
    private readonly ConcurrentDictionary<string, int> _attempts = new();
    private readonly ConcurrentDictionary<string, int> _faults = new();

    public TimeSpan Delay { get; set; }

    public int Attempts(string messageId) => _attempts.GetValueOrDefault(messageId);

    public int Faults(string messageId) => _faults.GetValueOrDefault(messageId);

    public int TotalAttempts => _attempts.Values.Sum();

    public async Task PreConsume<T>(ConsumeContext<T> context)
        where T : class
    {
        if (context.Message is ProcessIjwMessage command)
        {
            _attempts.AddOrUpdate(command.MessageId, 1, (_, n) => n + 1);
            if (Delay > TimeSpan.Zero)
            {
                await Task.Delay(Delay);
            }
        }
    }

    public Task PostConsume<T>(ConsumeContext<T> context)
        where T : class => Task.CompletedTask;

    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception)
        where T : class
    {
        if (context.Message is ProcessIjwMessage command)
        {
            _faults.AddOrUpdate(command.MessageId, 1, (_, n) => n + 1);
        }

        return Task.CompletedTask;
    }
}
