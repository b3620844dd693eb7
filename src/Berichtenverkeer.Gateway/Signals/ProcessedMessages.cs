using System.Threading.Channels;
using Berichtenverkeer.Contracts;
using MassTransit;

namespace Berichtenverkeer.Gateway.Signals;

/// <summary>
/// The ids of messages the processing consumer finished, for <see cref="MessageSignalWorker"/>. Unbounded: an id is a
/// few bytes and the worker drains in batches; a signal judgement never holds up a partition.
/// </summary>
public sealed class ProcessedMessages
{
    private readonly Channel<string> _ids = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });

    public ChannelReader<string> Reader => _ids.Reader;

    public void Add(string messageId) => _ids.Writer.TryWrite(messageId);
}

/// <summary>
/// Hooks the end of <c>ProcessIjwMessageConsumer</c> without touching it: after a successful consume (the verdict and the
/// state are committed) the message id goes to <see cref="ProcessedMessages"/>. A failed consume adds nothing.
/// </summary>
public sealed class ProcessedMessageObserver(ProcessedMessages processed) : IConsumeObserver
{
    public Task PreConsume<T>(ConsumeContext<T> context)
        where T : class => Task.CompletedTask;

    public Task PostConsume<T>(ConsumeContext<T> context)
        where T : class
    {
        if (context.Message is ProcessIjwMessage command)
        {
            processed.Add(command.MessageId);
        }

        return Task.CompletedTask;
    }

    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception)
        where T : class => Task.CompletedTask;
}
