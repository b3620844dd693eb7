using Berichtenverkeer.Contracts;
using Berichtenverkeer.Gateway.Tests.Support;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Berichtenverkeer.Gateway.Tests.RabbitMq;

/// <summary>A command that cannot succeed goes to the partition's error queue at once, with its reason in the headers.</summary>
public sealed class PoisonMessageTests(RabbitMqBroker broker) : RabbitMqTest(broker)
{
    [RabbitMqFact]
    public async Task a_command_whose_claim_is_missing_lands_in_the_error_queue_without_retries_with_its_reason()
    {
        var counter = new ConsumeCounter();
        var gateway = await StartGatewayAsync(services: s => s.AddConsumeObserver(_ => counter));
        var id = "poison-" + Guid.NewGuid().ToString("N");

        var endpoint = await gateway.Services.GetRequiredService<IBus>().GetSendEndpoint(new Uri($"exchange:{ProcessQueue(1)}"));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await endpoint.Send(new ProcessIjwMessage(id, "test", "0363", DateTimeOffset.UtcNow, "0363|12345678"), timeout.Token);

        var errorQueue = ProcessQueue(1) + "_error";
        await Eventually.UntilAsync(async () => await Queues.CountAsync(errorQueue) == 1, "the command in " + errorQueue);
        var faulted = (await Queues.PeekAsync(errorQueue))!;
        Assert.Equal(id, faulted.Text("messageId"));
        Assert.Equal("fault", faulted.Headers["MT-Reason"]);
        Assert.Equal(typeof(Messaging.ClaimNotFoundException).FullName, faulted.Headers["MT-Fault-ExceptionType"]);
        Assert.Contains(id, faulted.Headers["MT-Fault-Message"], StringComparison.Ordinal);
        Assert.True(!faulted.Headers.TryGetValue("MT-Fault-RetryCount", out var retries) || retries == "0", $"retried {retries} times");

        // Handed to the consumer exactly once, and the queue it came from is empty again.
        Assert.Equal(1, counter.Attempts(id));
        Assert.Equal(1, counter.Faults(id));
        Assert.Equal(0u, await Queues.CountAsync(ProcessQueue(1)));
        Assert.Null(await gateway.Ledger.FindAsync(id));
    }
}
