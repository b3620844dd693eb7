using Berichtenverkeer.Gateway.Tests.Support;
using MassTransit;
using Xunit.Abstractions;

namespace Berichtenverkeer.Gateway.Tests.Faults;

/// <summary>
/// The network between the gateway and PostgreSQL fails while traffic flows: every database connection is reset,
/// new ones are refused for a while, then allowed. Store calls retry transient faults (Polly), the consumer retries the
/// command (MassTransit), a commit whose acknowledgement was lost is found on the retry, ingress answers an error so the
/// sender sends again — and once the database is back, nothing is lost or done twice.
/// </summary>
public sealed class DatabaseConnectionLossTests(RabbitMqBroker broker, ITestOutputHelper output) : FaultTest(broker, output)
{
    [RabbitMqAndPostgresFact]
    public async Task database_connections_cut_mid_stream_and_refused_for_a_while_lose_nothing_and_route_nothing_twice()
    {
        Postgres = Track(await PostgresSchema.CreateAsync());
        var (host, port) = Postgres.Endpoint;
        var proxy = Track(new TcpProxy(host, port));
        var counter = new ConsumeCounter { Delay = TimeSpan.FromMilliseconds(10) };
        var gateway = await StartGatewayAsync(services: s => s.AddConsumeObserver(_ => counter), configuration: Postgres.StoreSettings(proxy.Port));
        var traffic = PairTraffic.Build(pairs: 4, clientsPerPair: 4);
        var total = traffic.Values.Sum(s => s.Count);

        var faults = Task.Run(async () =>
        {
            await Eventually.UntilAsync(() => counter.TotalAttempts >= total / 4, "processing under way");
            Assert.True(proxy.Cut() > 0, "the gateway had no database connection to cut");
            proxy.Refusing = true;
            await Eventually.UntilAsync(() => proxy.ConnectionsRefused >= 10, "the gateway to try to reconnect to the database, beyond its store retries");
            proxy.Refusing = false;

            var before = counter.TotalAttempts;
            await Eventually.UntilAsync(() => counter.TotalAttempts >= Math.Min(before + (total / 4), total), "processing to resume");
            Assert.True(proxy.Cut() > 0, "the gateway did not reconnect to the database");
        });
        var sent = await PairTraffic.SendAsync(traffic, s => SubmitUntilAcceptedAsync(() => gateway, s));
        await faults;

        await AssertEveryMessageOnceInEffectAsync(traffic, sent);
        Output.WriteLine($"{proxy.ConnectionsCut} database connections cut, {proxy.ConnectionsRefused} refused, "
            + $"{counter.TotalAttempts} consumes, {counter.Log.Count(l => l.Redelivered)} redelivered, "
            + $"{traffic.Values.SelectMany(s => s).Count()} messages");
    }
}
