using Berichtenverkeer.Processing.Ledger;
using Berichtenverkeer.Processing.Routing;
using Berichtenverkeer.Processing.Tests.Support;
using Berichtenverkeer.Tests.Support;

namespace Berichtenverkeer.Processing.Tests;

/// <summary>No double effect: a duplicate submission, a conflicting re-use of an Identificatie and a broker redelivery.</summary>
public sealed class IdempotencyTests : IAsyncLifetime
{
    private static readonly string Jw301 = Traffic.Text("JW301").Without("ReferentieAanbieder");

    private PipelineHarness _h = null!;

    public async Task InitializeAsync() => _h = await PipelineHarness.CreateAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task a_duplicate_submission_is_Duplicate_answered_with_the_same_bytes_and_not_routed_again()
    {
        var first = await _h.ProcessAsync(Jw301, Traffic.Gemeente);
        var firstAnswer = Assert.Single(await _h.OutboxAsync(), d => d.Kind == DeliveryKind.Answer);

        var again = await _h.ProcessAsync(Jw301, Traffic.Gemeente); // same bytes, a new message id

        Assert.NotEqual(first.MessageId, again.MessageId);
        Assert.Equal(Disposition.Duplicate, again.Disposition);
        var deliveries = await _h.OutboxAsync();
        Assert.Single(deliveries, d => d.Kind == DeliveryKind.Routed);
        var answers = deliveries.Where(d => d.Kind == DeliveryKind.Answer).ToList();
        Assert.Equal(2, answers.Count);
        Assert.Equal(firstAnswer.Content, answers[1].Content);
        Assert.Equal(Traffic.Gemeente, answers[1].Recipient);
        Assert.NotEqual(firstAnswer.DeliveryId, answers[1].DeliveryId);
    }

    [Fact]
    public async Task a_duplicate_of_a_rejected_message_gets_the_same_rejection_again()
    {
        var start = Traffic.Text("JW305"); // no assignment yet: 9019
        var first = await _h.ProcessAsync(start, Traffic.Agb);
        var again = await _h.ProcessAsync(start, Traffic.Agb);

        Assert.Equal(Disposition.Rejected, first.Disposition);
        Assert.Equal(Disposition.Duplicate, again.Disposition);
        Assert.Equal(first.RuleCodes, again.RuleCodes);
        var answers = (await _h.OutboxAsync()).Where(d => d.Kind == DeliveryKind.Answer).ToList();
        Assert.Equal(2, answers.Count);
        Assert.Equal(answers[0].Content, answers[1].Content);
    }

    [Fact]
    public async Task the_same_identificatie_with_other_content_gets_9056_and_leaves_the_first_message_in_place()
    {
        await _h.ProcessAsync(Jw301, Traffic.Gemeente);
        var other = Jw301.Set("Commentaar", "Andere inhoud, zelfde Identificatie.");

        var record = await _h.ProcessAsync(other, Traffic.Gemeente);

        Assert.Equal(Disposition.Rejected, record.Disposition);
        Assert.Contains("9056", record.RuleCodes);
        var deliveries = await _h.OutboxAsync();
        Assert.Single(deliveries, d => d.Kind == DeliveryKind.Routed);
        var answer = deliveries.Where(d => d.Kind == DeliveryKind.Answer).Last();
        Assert.Contains("RetourCode>9056<", System.Text.Encoding.UTF8.GetString(answer.Content), StringComparison.Ordinal);
        Assert.Single((await _h.StateOfAsync(Jw301)).Assignments);
    }

    [Fact]
    public async Task a_redelivery_with_the_same_message_id_returns_the_same_record_and_has_no_second_effect()
    {
        var inbound = _h.Inbound(Jw301, Traffic.Gemeente);
        var first = await _h.ProcessAsync(inbound);
        var outbox = await _h.Store.PendingAsync(1000);

        var second = await _h.ProcessAsync(inbound);

        Assert.Equal(first.MessageId, second.MessageId);
        Assert.Equal(first.Disposition, second.Disposition);
        Assert.Equal(first.Deliveries.Select(d => d.DeliveryId), second.Deliveries.Select(d => d.DeliveryId));
        Assert.Equal(outbox.Select(o => o.Id), (await _h.Store.PendingAsync(1000)).Select(o => o.Id));
    }

    [Fact]
    public async Task a_redelivery_of_an_invalid_or_refused_message_has_no_second_effect_either()
    {
        var invalid = _h.Inbound("<not-ijw/>", Traffic.Gemeente);
        var refused = _h.Inbound(Traffic.Text("JW305"), Traffic.Gemeente);
        await _h.ProcessAsync(invalid);
        await _h.ProcessAsync(refused);
        var count = (await _h.Store.PendingAsync(1000)).Count;

        Assert.Equal(Disposition.Invalid, (await _h.ProcessAsync(invalid)).Disposition);
        Assert.Equal(Disposition.Refused, (await _h.ProcessAsync(refused)).Disposition);

        Assert.Equal(count, (await _h.Store.PendingAsync(1000)).Count);
    }
}
