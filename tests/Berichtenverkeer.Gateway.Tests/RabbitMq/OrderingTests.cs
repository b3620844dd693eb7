using Berichtenverkeer.Gateway.Tests.Support;
using Berichtenverkeer.Processing.Ledger;
using MassTransit;

namespace Berichtenverkeer.Gateway.Tests.RabbitMq;

/// <summary>
/// Per-pair order under concurrency: several municipality–provider pairs sending at once over several partitions.
/// Within a pair the processing order equals the send order; across pairs the partitions run in parallel.
/// </summary>
public sealed class OrderingTests(RabbitMqBroker broker) : RabbitMqTest(broker)
{
    [RabbitMqFact]
    public async Task within_each_pair_messages_are_processed_in_send_order_and_none_overtakes_another()
    {
        Partitions = 4;
        var traffic = PairTraffic.Build(pairs: 6, clientsPerPair: 5); // 6 pairs × 5 clients × 3 messages = 90
        Assert.True(PairTraffic.PartitionsUsed(traffic.Keys, Partitions) == 4, "the pairs should spread over the partitions");
        var counter = new ConsumeCounter();
        var gateway = await StartGatewayAsync(services: s => s.AddConsumeObserver(_ => counter));

        var sent = await PairTraffic.SendAsync(traffic, s => gateway.PostAsync(s.Xml, s.Sender));

        var all = sent.Values.SelectMany(ids => ids).ToList();
        var records = await RecordsAsync(gateway.Ledger, all, TimeSpan.FromMinutes(3));
        var order = RecordedOrder();
        Assert.Equal(1, counter.MaxInFlightPerQueue);
        var wrong = records.Where(r => r.Disposition != Disposition.Routed || r.RuleCodes.Count > 0)
            .Select(r => $"{r.MessageType} {r.Identificatie}: {r.Disposition} {string.Join(',', r.RuleCodes)}, recorded as #{order.IndexOf(r.MessageId)}, sent as #{all.IndexOf(r.MessageId)}").ToList();
        Assert.True(wrong.Count == 0, "overtaken or rejected:\n" + string.Join('\n', wrong) + "\nrecorded: " + string.Join(' ', order.Select(id => records.First(r => r.MessageId == id).Identificatie)));

        var label = records.ToDictionary(r => r.MessageId, r => r.Identificatie);
        foreach (var (pair, ids) in sent)
        {
            var set = ids.ToHashSet();
            var processed = order.Where(set.Contains).ToList();
            var log = string.Join('\n', counter.Log.Where(l => set.Contains(l.MessageId)).Select(l => $"{l.Queue} {label[l.MessageId]} {l.ReceivedAt:HH:mm:ss.fffffff} redelivered={l.Redelivered}"));
            Assert.True(ids.SequenceEqual(processed), $"{log}\n{pair}: sent {string.Join(' ', ids.Select(id => label[id]))}\nprocessed {string.Join(' ', processed.Select(id => label[id]))}");
        }

        // The pairs really ran side by side: the recorded order switches between pairs far more often than once per pair.
        var pairOf = sent.SelectMany(p => p.Value.Select(id => (id, p.Key))).ToDictionary(x => x.id, x => x.Key);
        var switches = order.Zip(order.Skip(1)).Count(x => pairOf[x.First] != pairOf[x.Second]);
        Assert.True(switches > sent.Count * 2, $"only {switches} switches between pairs: the partitions did not interleave");
    }
}
