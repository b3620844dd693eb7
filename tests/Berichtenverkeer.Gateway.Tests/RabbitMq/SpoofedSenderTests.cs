using System.Text.Json;
using Berichtenverkeer.Gateway.Tests.Support;
using Berichtenverkeer.Processing.Ledger;
using Berichtenverkeer.Tests.Support;

namespace Berichtenverkeer.Gateway.Tests.RabbitMq;

/// <summary>A party cannot send in another party's name: the API key decides who the sender is, not the header.</summary>
public sealed class SpoofedSenderTests(RabbitMqBroker broker) : RabbitMqTest(broker)
{
    [RabbitMqFact]
    public async Task a_message_whose_afzender_is_not_the_api_keys_party_is_refused_and_nothing_is_routed()
    {
        var gateway = await StartGatewayAsync();
        // Provider 87654321 sends a start that names provider 12345678 as its Afzender.
        var id = await gateway.PostAsync(Traffic.Text("JW305"), "87654321");

        var record = (await RecordsAsync(gateway.Ledger, [id])).Single();

        Assert.Equal(Disposition.Refused, record.Disposition);
        Assert.Equal("87654321", record.AuthenticatedParty);
        await OutboxDrainedAsync(gateway.Ledger);
        Assert.Equal(0u, await Queues.CountAsync(PartyQueue(Traffic.Gemeente)));
        Assert.Equal(0u, await Queues.CountAsync(PartyQueue(Traffic.Agb)));
        var notice = Assert.Single(await TakeDeliveriesAsync("87654321"));
        Assert.Equal("ErrorNotice", notice.Text("kind"));
        using var json = JsonDocument.Parse(notice.Text("content")!);
        Assert.Contains("Refused", json.RootElement.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [RabbitMqFact]
    public async Task an_unknown_api_key_is_turned_away_before_anything_is_stored()
    {
        var gateway = await StartGatewayAsync();
        using var content = new ByteArrayContent(Traffic.Bytes("JW305"));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/messages") { Content = content };
        request.Headers.Add("X-Api-Key", "no-such-key");

        using var response = await gateway.Http.SendAsync(request);

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0u, await Queues.CountAsync(ProcessQueue(0)) + await Queues.CountAsync(ProcessQueue(1)) + await Queues.CountAsync(ProcessQueue(2)) + await Queues.CountAsync(ProcessQueue(3)));
    }
}
