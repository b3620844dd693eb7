using System.Diagnostics;
using Berichtenverkeer.Gateway.Tests.Support;
using MassTransit;
using Xunit.Abstractions;

namespace Berichtenverkeer.Gateway.Tests.Faults;

/// <summary>
/// A worker goes away while traffic flows and a new one takes over on the same broker and database. Whatever the old
/// one had taken but not acknowledged goes back to its queue; what it had recorded but not dispatched waits in the
/// outbox; senders whose post failed send again. The new worker finishes all of it, once, in each pair's order.
/// </summary>
public sealed class WorkerRestartTests(RabbitMqBroker broker, ITestOutputHelper output) : FaultTest(broker, output)
{
    [RabbitMqFact]
    public async Task a_worker_stopped_mid_stream_is_replaced_and_every_message_is_processed_once_in_order_without_copies()
    {
        var counter = new ConsumeCounter { Delay = TimeSpan.FromMilliseconds(20) };
        var current = await StartGatewayAsync(services: s => s.AddConsumeObserver(_ => counter));
        var traffic = PairTraffic.Build(pairs: 4, clientsPerPair: 4);
        var total = traffic.Values.Sum(s => s.Count);
        var attemptsAtStop = 0;

        var restart = Task.Run(async () =>
        {
            await Eventually.UntilAsync(() => counter.TotalAttempts >= total / 3, "processing under way");
            await current.StopAsync();
            attemptsAtStop = counter.TotalAttempts;
            current = await StartGatewayAsync(services: s => s.AddConsumeObserver(_ => counter));
        });
        var sent = await PairTraffic.SendAsync(traffic, s => SubmitUntilAcceptedAsync(() => current, s));
        await restart;

        var copies = await AssertEveryMessageOnceInEffectAsync(traffic, sent);
        Assert.True(counter.TotalAttempts > attemptsAtStop, "the new worker processed nothing: the stop was not mid-stream");
        // A graceful stop loses no confirm: the outbox ends its batch between sends and marks what went, so nothing is sent twice.
        Assert.Equal(0, copies);
        Output.WriteLine($"stopped after {attemptsAtStop} consumes; {counter.TotalAttempts} in all, {counter.Log.Count(l => l.Redelivered)} redelivered");
    }

    [RabbitMqFact]
    public async Task a_worker_that_loses_its_broker_and_dies_mid_stream_is_replaced_and_nothing_is_lost_or_doubled()
    {
        var proxy = Track(new TcpProxy(Broker.Uri.Host, Broker.Uri.Port));
        var counter = new ConsumeCounter { Delay = TimeSpan.FromMilliseconds(20) };
        var timeouts = new Dictionary<string, string?> { ["Gateway:SendTimeout"] = "00:00:05" };
        var current = await StartGatewayAsync(proxy.Through(Broker.Uri), s => s.AddConsumeObserver(_ => counter), timeouts);
        var traffic = PairTraffic.Build(pairs: 4, clientsPerPair: 4);
        var total = traffic.Values.Sum(s => s.Count);
        var attemptsAtCrash = 0;

        var crash = Task.Run(async () =>
        {
            await Eventually.UntilAsync(() => counter.TotalAttempts >= total / 3, "processing under way");

            // The old worker's network goes first, so it can neither acknowledge what it has in hand nor dispatch what it
            // recorded; then it is stopped without a grace period. The broker returns its unacknowledged commands.
            proxy.Refusing = true;
            Assert.True(proxy.Cut() > 0, "the worker had no connection to cut");
            attemptsAtCrash = counter.TotalAttempts;
            var clock = Stopwatch.StartNew();
            await current.AbortAsync();
            var aborted = clock.Elapsed;
            current = await StartGatewayAsync(services: s => s.AddConsumeObserver(_ => counter), configuration: timeouts);
            Output.WriteLine($"old worker stopped in {aborted.TotalSeconds:0.0} s ({proxy.ConnectionsRefused} reconnects refused), new one started in {(clock.Elapsed - aborted).TotalSeconds:0.0} s");
        });
        var sent = await PairTraffic.SendAsync(traffic, s => SubmitUntilAcceptedAsync(() => current, s));
        await crash;

        await AssertEveryMessageOnceInEffectAsync(traffic, sent);
        Assert.True(counter.TotalAttempts > attemptsAtCrash, "the new worker processed nothing: the crash was not mid-stream");
        Output.WriteLine($"crashed after {attemptsAtCrash} consumes; {counter.TotalAttempts} in all, {counter.Log.Count(l => l.Redelivered)} redelivered");
    }
}
