using Berichtenverkeer.Gateway.Tests.Support;
using MassTransit;
using Xunit.Abstractions;

namespace Berichtenverkeer.Gateway.Tests.Faults;

/// <summary>
/// The network between the gateway and RabbitMQ fails while traffic flows: every connection is reset at once, the
/// broker stays unreachable for a while, then comes back. Commands in flight are redelivered, publishes whose confirm
/// was lost are repeated, senders whose post failed send again — and in effect every message is still processed, in
/// order, routed once and answered once.
/// </summary>
public sealed class BrokerConnectionLossTests(RabbitMqBroker broker, ITestOutputHelper output) : FaultTest(broker, output)
{
    /// <summary>
    /// MassTransit restarts a receive endpoint after a lost connection with a growing delay between attempts, so after
    /// the broker is back consuming can resume only tens of seconds later (once seen: about a minute).
    /// </summary>
    private static readonly TimeSpan Recovery = TimeSpan.FromMinutes(3);

    [RabbitMqFact]
    public async Task connections_cut_mid_stream_and_refused_for_a_while_lose_nothing_and_route_nothing_twice()
    {
        var proxy = Track(new TcpProxy(Broker.Uri.Host, Broker.Uri.Port));
        var counter = new ConsumeCounter { Delay = TimeSpan.FromMilliseconds(10) };
        var gateway = await StartGatewayAsync(
            proxy.Through(Broker.Uri),
            s => s.AddConsumeObserver(_ => counter),
            new Dictionary<string, string?> { ["Gateway:SendTimeout"] = "00:00:10" });
        var traffic = PairTraffic.Build(pairs: 4, clientsPerPair: 4); // 4 pairs × 4 clients × 3 messages = 48
        var total = traffic.Values.Sum(s => s.Count);

        var faults = Task.Run(async () =>
        {
            // First fault: while commands are being consumed and posts are arriving, reset everything and keep the broker
            // away until the gateway has tried to reconnect a few times.
            await Eventually.UntilAsync(() => counter.TotalAttempts >= total / 4, "processing under way");
            Assert.True(proxy.Cut() > 0, "the gateway had no connection to cut");
            proxy.Refusing = true;
            await Eventually.UntilAsync(() => proxy.ConnectionsRefused >= 2, "the gateway to try to reconnect", Recovery);
            proxy.Refusing = false;

            // Second fault, later in the stream: a reset the gateway may reconnect from at once.
            var before = counter.TotalAttempts;
            await Eventually.UntilAsync(() => counter.TotalAttempts >= Math.Min(before + (total / 4), total), "processing to resume", Recovery);
            Assert.True(proxy.Cut() > 0, "the gateway did not reconnect");
        });

        var sent = await PairTraffic.SendAsync(traffic, s => SubmitUntilAcceptedAsync(() => gateway, s));
        await faults;

        await AssertEveryMessageOnceInEffectAsync(traffic, sent);
        Assert.True(proxy.ConnectionsCut >= 2, $"{proxy.ConnectionsCut} connections cut");
        Output.WriteLine($"{proxy.ConnectionsCut} connections cut, {proxy.ConnectionsRefused} reconnects refused, "
            + $"{counter.TotalAttempts} consumes, {counter.Log.Count(l => l.Redelivered)} redelivered");
    }

    [RabbitMqFact]
    public async Task a_post_while_the_broker_is_unreachable_is_answered_with_an_error_and_the_resend_is_processed_once()
    {
        var proxy = Track(new TcpProxy(Broker.Uri.Host, Broker.Uri.Port));
        var gateway = await StartGatewayAsync(proxy.Through(Broker.Uri), configuration: new Dictionary<string, string?> { ["Gateway:SendTimeout"] = "00:00:02" });
        var client = new Berichtenverkeer.Tests.Support.Traffic.Client(900);
        var first = await gateway.PostAsync(client.Jw301(), client.Gemeente);

        proxy.Refusing = true;
        Assert.True(proxy.Cut() > 0, "the gateway had no connection to cut");
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        using (var refused = await gateway.TryPostAsync(client.Jw305(), client.Agb))
        {
            // Not a hang until the caller gives up: an error the sender can act on by sending again.
            Output.WriteLine($"answered {(int)refused.StatusCode} after {stopwatch.Elapsed.TotalSeconds:0.0} s");
            Assert.Equal(System.Net.HttpStatusCode.InternalServerError, refused.StatusCode);
        }

        proxy.Refusing = false;
        var again = await SubmitUntilAcceptedAsync(() => gateway, new Submission("p", "JW305 again", client.Jw305(), client.Agb));
        await RecordsAsync(gateway.Ledger, [first, again], Recovery);
    }
}
