using System.Text;
using System.Text.Json;
using Berichtenverkeer.Processing.Ledger;
using Berichtenverkeer.Processing.Routing;
using Berichtenverkeer.Processing.Tests.Support;
using Berichtenverkeer.Tests.Support;

namespace Berichtenverkeer.Processing.Tests;

/// <summary>
/// Each way the pipeline can dispose of a message (README: "How the gateway keeps order, idempotency and no loss"):
/// what is recorded, who gets what, and what it leaves in the state.
/// </summary>
public sealed class DispositionTests : IAsyncLifetime
{
    private PipelineHarness _h = null!;

    public async Task InitializeAsync() => _h = await PipelineHarness.CreateAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task invalid_xml_is_Invalid_with_a_json_error_notice_to_the_authenticated_party_and_nothing_else()
    {
        var xml = Traffic.Text("JW301").Set("Geslacht", "7"); // outside the code list: level 1 (XSD)

        var record = await _h.ProcessAsync(xml, Traffic.Gemeente);

        Assert.Equal(Disposition.Invalid, record.Disposition);
        Assert.Equal(1, record.FailedLevel);
        var notice = Assert.Single(await _h.OutboxAsync());
        Assert.Equal(DeliveryKind.ErrorNotice, notice.Kind);
        Assert.Equal(Traffic.Gemeente, notice.Recipient);
        using var json = JsonDocument.Parse(notice.Content);
        Assert.Equal(record.MessageId, json.RootElement.GetProperty("messageId").GetString());
        var errors = json.RootElement.GetProperty("errors").EnumerateArray().ToList();
        Assert.NotEmpty(errors);
        Assert.All(errors, e => Assert.Equal(1, e.GetProperty("level").GetInt32()));
        Assert.All(errors, e => Assert.EndsWith("/Geslacht", e.GetProperty("path").GetString(), StringComparison.Ordinal));
        Assert.Null((await _h.StateOfAsync(Traffic.Text("JW301"))).SameIdentificatie);
    }

    [Fact]
    public async Task bytes_that_are_not_xml_are_Invalid_with_a_notice_to_the_sender()
    {
        var record = await _h.ProcessAsync("this is not XML", Traffic.Agb);

        Assert.Equal(Disposition.Invalid, record.Disposition);
        Assert.Null(record.MessageType);
        var notice = Assert.Single(await _h.OutboxAsync());
        Assert.Equal((DeliveryKind.ErrorNotice, Traffic.Agb), (notice.Kind, notice.Recipient));
        Assert.NotEmpty(JsonDocument.Parse(notice.Content).RootElement.GetProperty("errors").EnumerateArray());
    }

    [Fact]
    public async Task a_spoofed_afzender_is_Refused_nothing_is_routed_and_nothing_enters_the_state()
    {
        // A provider 87654321 sends a start in the name of provider 12345678.
        await _h.ProcessAsync(Traffic.Text("JW301").Without("ReferentieAanbieder"), Traffic.Gemeente);
        var before = (await _h.OutboxAsync()).Count;
        var start = Traffic.Text("JW305");

        var record = await _h.ProcessAsync(start, "87654321");

        Assert.Equal(Disposition.Refused, record.Disposition);
        var deliveries = (await _h.OutboxAsync()).Skip(before).ToList();
        var notice = Assert.Single(deliveries);
        Assert.Equal((DeliveryKind.ErrorNotice, "87654321"), (notice.Kind, notice.Recipient));
        Assert.Contains("Refused", Encoding.UTF8.GetString(notice.Content), StringComparison.Ordinal);
        var state = await _h.StateOfAsync(start);
        Assert.Null(state.SameIdentificatie);
        Assert.Empty(state.Regie);

        // The real provider can still send it afterwards: the refused copy did not take its Identificatie.
        Assert.Equal(Disposition.Routed, (await _h.ProcessAsync(start, Traffic.Agb)).Disposition);
    }

    [Fact]
    public async Task a_retour_is_refused_from_its_header_afzender_because_a_retour_is_sent_by_the_header_ontvanger()
    {
        // JW302 copies the JW301 header: Afzender 0363, Ontvanger 12345678. Only the provider may send it.
        var record = await _h.ProcessAsync(Traffic.Text("JW302"), Traffic.Gemeente);

        Assert.Equal(Disposition.Refused, record.Disposition);
        Assert.DoesNotContain(await _h.OutboxAsync(), d => d.Kind == DeliveryKind.Routed);
    }

    [Fact]
    public async Task a_retour_sent_by_a_party_is_routed_to_the_header_afzender_and_not_answered()
    {
        var record = await _h.ProcessAsync(Traffic.Text("JW302"), Traffic.Agb);

        Assert.Equal(Disposition.Routed, record.Disposition);
        var routed = Assert.Single(await _h.OutboxAsync());
        Assert.Equal((DeliveryKind.Routed, Traffic.Gemeente, "JW302"), (routed.Kind, routed.Recipient, routed.MessageType));
        Assert.Equal(Traffic.Bytes("JW302"), routed.Content);
    }

    [Theory]
    [InlineData("JW305", "JW306", Traffic.Agb)]
    [InlineData("JW323", "JW325", Traffic.Agb)]
    [InlineData("JW301", "JW302", Traffic.Gemeente)]
    public async Task a_level_2_failure_is_Rejected_with_an_answer_carrying_0001_not_routed_and_leaves_no_state(string type, string answerType, string sender)
    {
        var xml = Traffic.Text(type).Set("Bsn", "999900007"); // fails the 11-test: CS002, level 2

        var record = await _h.ProcessAsync(xml, sender);

        Assert.Equal(Disposition.Rejected, record.Disposition);
        Assert.Equal(2, record.FailedLevel);
        Assert.Contains("CS002", record.RuleCodes);
        var answer = Assert.Single(await _h.OutboxAsync());
        Assert.Equal((DeliveryKind.Answer, answerType, sender), (answer.Kind, answer.MessageType, answer.Recipient));
        Assert.Contains("RetourCode>0001<", Encoding.UTF8.GetString(answer.Content), StringComparison.Ordinal);
        Assert.Null((await _h.StateOfAsync(xml)).SameIdentificatie);
    }

    [Fact]
    public async Task an_accepted_jw301_is_routed_to_the_provider_and_answered_with_a_jw302_to_the_gemeente()
    {
        var xml = Traffic.Text("JW301").Without("ReferentieAanbieder");

        var record = await _h.ProcessAsync(xml, Traffic.Gemeente);

        Assert.Equal(Disposition.Routed, record.Disposition);
        Assert.Empty(record.RuleCodes);
        var deliveries = await _h.OutboxAsync();
        Assert.Equal(2, deliveries.Count);
        var routed = Assert.Single(deliveries, d => d.Kind == DeliveryKind.Routed);
        Assert.Equal((Traffic.Agb, "JW301"), (routed.Recipient, routed.MessageType));
        Assert.Equal(Encoding.UTF8.GetBytes(xml), routed.Content);
        var answer = Assert.Single(deliveries, d => d.Kind == DeliveryKind.Answer);
        Assert.Equal((Traffic.Gemeente, "JW302"), (answer.Recipient, answer.MessageType));
        Assert.DoesNotContain("RetourCode", Encoding.UTF8.GetString(answer.Content), StringComparison.Ordinal); // clean: no codes

        var state = await _h.StateOfAsync(xml);
        Assert.NotNull(state.SameIdentificatie);
        Assert.Single(state.Assignments);
    }

    [Fact]
    public async Task a_trajectory_in_order_is_routed_message_by_message()
    {
        var client = new Traffic.Client(1);
        foreach (var (type, xml) in client.Messages())
        {
            var record = await _h.ProcessAsync(xml, type == "JW301" ? client.Gemeente : client.Agb);
            Assert.True(record.Disposition == Disposition.Routed && record.RuleCodes.Count == 0, $"{type}: {record.Disposition} {string.Join(',', record.RuleCodes)}");
        }
    }

    [Fact]
    public async Task a_trajectory_out_of_order_gets_the_overtaking_codes_9019_and_9338()
    {
        var client = new Traffic.Client(2);

        var start = await _h.ProcessAsync(client.Jw305(), client.Agb);
        var declaration = await _h.ProcessAsync(client.Jw323(), client.Agb);

        Assert.Contains("9019", start.RuleCodes);
        Assert.Contains("9338", declaration.RuleCodes);
    }

    [Fact]
    public async Task a_declaration_with_one_prestatie_over_the_maximum_is_routed_and_its_jw325_echoes_that_prestatie()
    {
        var assignments = await _h.ProcessAsync(Traffic.Jw301TwoAssignments(), Traffic.Gemeente);
        Assert.True(assignments.Disposition == Disposition.Routed, $"JW301: {assignments.Disposition} {string.Join(',', assignments.RuleCodes)}");
        var before = (await _h.OutboxAsync()).Count;

        var record = await _h.ProcessAsync(Traffic.Jw323OnePrestatieOverMaximum(), Traffic.Agb);

        Assert.True(record.Disposition == Disposition.Routed, $"{record.Disposition} {string.Join(',', record.RuleCodes)}");
        Assert.Equal(["9321"], record.RuleCodes);
        var deliveries = (await _h.OutboxAsync()).Skip(before).ToList();
        var routed = Assert.Single(deliveries, d => d.Kind == DeliveryKind.Routed);
        Assert.Equal((Traffic.Gemeente, "JW323"), (routed.Recipient, routed.MessageType));
        var answer = Assert.Single(deliveries, d => d.Kind == DeliveryKind.Answer);
        Assert.Equal((Traffic.Agb, "JW325"), (answer.Recipient, answer.MessageType));
        var jw325 = Encoding.UTF8.GetString(answer.Content);
        Assert.Contains(">P2026010002<", jw325, StringComparison.Ordinal);
        Assert.Contains("RetourCode>9321<", jw325, StringComparison.Ordinal);
        Assert.DoesNotContain(">P2026010001<", jw325, StringComparison.Ordinal); // only rejected prestaties are echoed
    }

    [Fact]
    public async Task a_reused_prestatie_number_is_answered_8021_and_the_declaration_is_still_recorded()
    {
        var client = new Traffic.Client(3);
        foreach (var (type, xml) in client.Messages())
        {
            await _h.ProcessAsync(xml, type == "JW301" ? client.Gemeente : client.Agb);
        }

        // A second declaration (own Identificatie and DeclaratieNummer) that reuses the first one's ReferentieNummer.
        var reuse = client.Jw323().Set("Identificatie", "D900003").Set("DeclaratieNummer", "D900000003");
        var record = await _h.ProcessAsync(reuse, client.Agb);

        Assert.True(record.Disposition == Disposition.Routed, $"{record.Disposition} {string.Join(',', record.RuleCodes)}");
        Assert.Contains("8021", record.RuleCodes);
        var answer = (await _h.OutboxAsync()).Last(d => d.Kind == DeliveryKind.Answer);
        Assert.Contains("RetourCode>8021<", Encoding.UTF8.GetString(answer.Content), StringComparison.Ordinal);
    }
}
