using Berichtenverkeer.Gateway.Tests.Faults;
using Berichtenverkeer.Gateway.Tests.Support;
using Berichtenverkeer.Processing.Routing;
using Berichtenverkeer.Tests.Support;
using Npgsql;
using Xunit.Abstractions;

namespace Berichtenverkeer.Gateway.Tests.Production;

/// <summary>
/// The production composition: one gateway on RabbitMQ and PostgreSQL together (the other RabbitMQ tests keep their
/// state in SQLite), a whole trajectory per client — request, assignment, start, declaration, stop — for two clients
/// in each of two municipality–provider pairs, every message answered and routed.
/// </summary>
public sealed class ProductionCompositionTests(RabbitMqBroker broker, ITestOutputHelper output) : FaultTest(broker, output)
{
    private static readonly Dictionary<string, string> AnswerType = new()
    {
        ["JW315"] = "JW316", ["JW301"] = "JW302", ["JW305"] = "JW306", ["JW323"] = "JW325", ["JW307"] = "JW308",
    };

    [RabbitMqAndPostgresFact]
    public async Task on_rabbitmq_and_postgresql_each_trajectory_is_answered_and_routed_in_order_and_kept_in_postgresql()
    {
        Postgres = Track(await PostgresSchema.CreateAsync());
        var gateway = await StartGatewayAsync(configuration: Postgres.StoreSettings());
        var pairs = new[] { ("0363", "12345678"), ("0599", "34567890") };
        var traffic = pairs.Select((pair, p) => (Key: PairTraffic.Key(pair), Clients: new[] { 500 + (p * 10), 501 + (p * 10) }.Select(n => new Traffic.Client(n, pair.Item1, pair.Item2))))
            .ToDictionary(x => x.Key, x => x.Clients.SelectMany(c => Trajectory(c).Select(m => new Submission(x.Key, $"{m.Type} client {c.Number}", m.Xml, m.Type is "JW301" ? c.Gemeente : c.Agb))).ToList());

        var sent = await PairTraffic.SendAsync(traffic, s => SubmitUntilAcceptedAsync(() => gateway, s));

        await AssertEveryMessageOnceInEffectAsync(traffic, sent); // takes the deliveries: check the types on the ledger's outbox
        await using var connection = new NpgsqlConnection(Postgres.ConnectionString());
        await connection.OpenAsync();
        var rows = await LedgerRow.ReadAllAsync(connection);
        Assert.Equal(20, rows.Count);
        Assert.Equal(["JW301", "JW305", "JW307", "JW315", "JW323"], rows.Select(r => r.MessageType!).Distinct().Order());
        foreach (var row in rows)
        {
            var deliveries = await OutboxAsync(connection, row.MessageId);
            Assert.Contains((DeliveryKind.Routed.ToString(), row.Ontvanger, row.MessageType), deliveries);
            Assert.Contains((DeliveryKind.Answer.ToString(), row.Afzender, AnswerType[row.MessageType!]), deliveries);
            Assert.Equal(2, deliveries.Count);
        }
    }

    /// <summary>The client's trajectory in the order it must be processed; the request's reference ties JW315 to JW301.</summary>
    private static IEnumerable<(string Type, string Xml)> Trajectory(Traffic.Client client)
    {
        var reference = $"VOT-{client.Number:D6}";
        yield return ("JW315", Edit(client, "JW315", $"R{client.Number:D6}").Set("ReferentieAanbieder", reference));
        yield return ("JW301", Edit(client, "JW301", $"A{client.Number:D6}").Set("ToewijzingNummer", client.ToewijzingNummer).Set("ReferentieAanbieder", reference));
        yield return ("JW305", client.Jw305());
        yield return ("JW323", client.Jw323());
        yield return ("JW307", Edit(client, "JW307", $"E{client.Number:D6}").Set("ToewijzingNummer", client.ToewijzingNummer));
    }

    private static string Edit(Traffic.Client client, string sample, string identificatie) =>
        Traffic.Retarget(Traffic.Text(sample), client.Gemeente, client.Agb).Set("Identificatie", identificatie).Set("Bsn", client.Bsn);

    private static async Task<List<(string Kind, string? Recipient, string? Type)>> OutboxAsync(NpgsqlConnection connection, string messageId)
    {
        await using var command = new NpgsqlCommand("SELECT delivery_kind, recipient, message_type FROM outbox WHERE message_id = @id AND delivery_id IS NOT NULL", connection);
        command.Parameters.AddWithValue("id", messageId);
        await using var reader = await command.ExecuteReaderAsync();
        var deliveries = new List<(string, string?, string?)>();
        while (await reader.ReadAsync())
        {
            deliveries.Add((reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2)));
        }

        return deliveries;
    }
}
