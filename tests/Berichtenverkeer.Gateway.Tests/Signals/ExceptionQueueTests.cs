using System.Net;
using System.Text;
using System.Text.Json;
using Berichtenverkeer.Audit.Trail;
using Berichtenverkeer.Gateway.Audit;
using Berichtenverkeer.Gateway.Hosting;
using Berichtenverkeer.Gateway.Messaging;
using Berichtenverkeer.Gateway.Signals;
using Berichtenverkeer.Gateway.Tests.Support;
using Berichtenverkeer.Processing.Ledger;
using Berichtenverkeer.Signals.Exceptions;
using Berichtenverkeer.Store;
using Berichtenverkeer.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Berichtenverkeer.Gateway.Tests.Signals;

/// <summary>
/// The whole gateway on RabbitMQ: traffic with an injected FR14 raises exactly one FraudSignalRaised on the auditors'
/// exception queue — also after a duplicate submission, a period batch rerun and a restart — without changing any
/// answer; auditors query it over HTTP.
/// </summary>
public sealed class ExceptionQueueTests(RabbitMqBroker broker) : RabbitMqTest(broker)
{
    private static readonly Traffic.Client Client = new(41, "0363", "12345678");

    private string SignalQueue => QueueNames.Signals(Prefix);

    public override async Task DisposeAsync()
    {
        await Queues.DeleteAsync([SignalQueue]);
        await base.DisposeAsync();
    }

    [RabbitMqFact]
    public async Task care_after_death_raises_one_signal_on_the_exception_queue_even_after_a_duplicate_a_rerun_and_a_restart()
    {
        var gateway = await StartGatewayAsync(services: AuditorRole);
        var ids = await SendAsync(gateway, DeathTraffic.Messages(Client));
        var records = await RecordsAsync(gateway.Ledger, ids);

        // A signal never changes an answer: every message was routed, the declaration approved as without the signal.
        Assert.All(records, r => Assert.Equal(Disposition.Routed, r.Disposition));
        var fr14 = await Eventually.ValueAsync(async () => (await Fr14OnQueueAsync()).FirstOrDefault(), "FR14 on the exception queue");
        Assert.Equal(("0363", "12345678", "C", "FraudInvestigation"), (fr14.Text("gemeente"), fr14.Text("agb"), fr14.Text("severity"), fr14.Text("stage")));
        Assert.NotNull(fr14.Text("clientPseudonym"));
        Assert.DoesNotContain(Client.Bsn, fr14.Message.GetRawText(), StringComparison.Ordinal);
        var signalId = fr14.Text("signalId")!;
        Assert.Equal((true, false), (await DeclaresAsAsync("quorum"), await DeclaresAsAsync("classic")));
        Assert.Equal(SignalPublisher.StableId(signalId).ToString(), fr14.MessageId);

        // The same declaration again: a duplicate, answered again, judged again — but nothing new is raised.
        var duplicate = await gateway.PostAsync(Client.Jw323(), Client.Agb);
        Assert.Equal(Disposition.Duplicate, (await RecordsAsync(gateway.Ledger, [duplicate]))[0].Disposition);
        var batch = gateway.Services.GetRequiredService<PeriodSignalBatch>();
        Assert.Equal(0, await batch.RunMonthAsync(2026, 1, CancellationToken.None));
        await gateway.StopAsync();

        var restarted = await StartGatewayAsync(services: AuditorRole);
        var store = restarted.Services.GetRequiredService<IGatewayStore>();
        Assert.Equal(0, await restarted.Services.GetRequiredService<PeriodSignalBatch>().RunMonthAsync(2026, 1, CancellationToken.None));
        Assert.Equal(0, await restarted.Services.GetRequiredService<SignalPublisher>().PublishOnceAsync(CancellationToken.None));
        Assert.Empty(await Fr14OnQueueAsync());
        var stored = Assert.Single(await store.QuerySignalsAsync(new SignalQuery { RuleId = "FR14" }));
        Assert.Equal((signalId, TriageState.New), (stored.Signal.Id, stored.State));
        Assert.NotNull(stored.PublishedAt);
        Assert.Single(await store.SignalTrailAsync(signalId));

        await AuditorsQueryAndExportAsync(restarted, signalId);
    }

    private async Task AuditorsQueryAndExportAsync(GatewayInstance gateway, string signalId)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await GetAsync(gateway, "/signals", apiKey: null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await GetAsync(gateway, "/signals", Client.Agb)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await GetAsync(gateway, "/signals?gemeente=0599", "0363")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await GetAsync(gateway, "/signals?period=2026-13", "0363")).StatusCode);

        using var json = await GetAsync(gateway, "/signals?rule=FR14&severity=H%2B&period=2026-01&state=new", "0363");
        using var list = JsonDocument.Parse(await json.Content.ReadAsStringAsync());
        Assert.Equal([signalId], list.RootElement.EnumerateArray().Select(s => s.GetProperty("id").GetString()));

        using var csv = await GetAsync(gateway, "/signals?rule=FR14&format=csv", "0363");
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("id;rule;", lines[0], StringComparison.Ordinal);
        Assert.StartsWith(signalId + ";FR14;", Assert.Single(lines[1..]), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Conflict, (await GetAsync(gateway, $"/signals/{signalId}/ikz", "0363")).StatusCode);
        var triage = (ISignalTriageStore)gateway.Services.GetRequiredService<IGatewayStore>();
        var record = (await triage.FindSignalAsync(signalId))!;
        var at = DateTimeOffset.UtcNow;
        await triage.ApplyTriageAsync(TriageRules.Transition(record.Signal, TriageState.New, TriageAction.StartReview, "auditor-a", at, null));
        await triage.ApplyTriageAsync(TriageRules.Transition(record.Signal, TriageState.UnderReview, TriageAction.Confirm, "auditor-b", at, "death confirmed by BRP"));

        using var ikz = await GetAsync(gateway, $"/signals/{signalId}/ikz", "0363");
        Assert.Equal(HttpStatusCode.OK, ikz.StatusCode);
        using var report = JsonDocument.Parse(await ikz.Content.ReadAsStringAsync());
        Assert.Equal(["register", "start_review", "confirm"], report.RootElement.GetProperty("triage").EnumerateArray().Select(t => t.GetProperty("action").GetString()));
        Assert.Equal("Jeugdwet", report.RootElement.GetProperty("scheme").GetString());
        Assert.Equal((await triage.FindSignalAsync(signalId))!.TrailSequence, report.RootElement.GetProperty("anchor").GetProperty("trailSequence").GetInt64());
    }

    /// <summary>Whether re-declaring the exception queue with this type is accepted: the broker refuses (406) a type that differs.</summary>
    private async Task<bool> DeclaresAsAsync(string type)
    {
        await using var connection = await new ConnectionFactory { Uri = Broker.Uri }.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        try
        {
            await channel.QueueDeclareAsync(SignalQueue, durable: true, exclusive: false, autoDelete: false, new Dictionary<string, object?> { ["x-queue-type"] = type });
            return true;
        }
        catch (OperationInterruptedException ex) when (ex.ShutdownReason?.ReplyCode == 406)
        {
            return false;
        }
    }

    private static void AuditorRole(IServiceCollection services) =>
        services.PostConfigure<GatewayOptions>(o => o.Roles["0363"] = AuditorAccess.AuditorRole);

    private async Task<List<QueuedMessage>> Fr14OnQueueAsync() =>
        (await Queues.TakeAllAsync(SignalQueue)).Where(m => m.Text("ruleId") == "FR14").ToList();

    private static async Task<List<string>> SendAsync(GatewayInstance gateway, IEnumerable<(string Xml, string Sender)> messages)
    {
        var ids = new List<string>();
        foreach (var (xml, sender) in messages)
        {
            // In order, each after the previous is recorded: the stop must be known before the declaration is judged.
            var id = await gateway.PostAsync(xml, sender);
            await RecordsAsync(gateway.Ledger, [id]);
            ids.Add(id);
        }

        return ids;
    }

    private static async Task<HttpResponseMessage> GetAsync(GatewayInstance gateway, string path, string? apiKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (apiKey is not null)
        {
            request.Headers.Add("X-Api-Key", GatewayInstance.ApiKey(apiKey));
        }

        return await gateway.Http.SendAsync(request);
    }
}
