using Berichtenverkeer.Gateway.Tests.Support;
using Berichtenverkeer.Processing.Ledger;
using Berichtenverkeer.Tests.Support;

namespace Berichtenverkeer.Gateway.Tests.RabbitMq;

/// <summary>The same message submitted twice reaches its recipient once; the sender gets the same answer twice.</summary>
public sealed class DuplicateSubmissionTests(RabbitMqBroker broker) : RabbitMqTest(broker)
{
    [RabbitMqFact]
    public async Task a_duplicate_submission_is_routed_once_and_answered_twice_with_the_same_bytes()
    {
        var gateway = await StartGatewayAsync();
        var jw301 = Traffic.Text("JW301").Without("ReferentieAanbieder");

        var first = await gateway.PostAsync(jw301, Traffic.Gemeente);
        var second = await gateway.PostAsync(jw301, Traffic.Gemeente);

        var records = await RecordsAsync(gateway.Ledger, [first, second]);
        Assert.Equal([Disposition.Routed, Disposition.Duplicate], records.Select(r => r.Disposition));
        await OutboxDrainedAsync(gateway.Ledger);
        var toProvider = await TakeDeliveriesAsync(Traffic.Agb);
        var routed = Assert.Single(toProvider.DistinctBy(m => m.Text("deliveryId")));
        Assert.Equal(("Routed", "JW301", first), (routed.Text("kind"), routed.Text("messageType"), routed.Text("messageId")));
        Assert.Equal(jw301, routed.Text("content"));
        var answers = (await TakeDeliveriesAsync(Traffic.Gemeente)).DistinctBy(m => m.Text("deliveryId")).ToList();
        Assert.Equal(2, answers.Count);
        Assert.All(answers, a => Assert.Equal(("Answer", "JW302"), (a.Text("kind"), a.Text("messageType"))));
        Assert.Equal(answers[0].Text("content"), answers[1].Text("content"));
    }
}
