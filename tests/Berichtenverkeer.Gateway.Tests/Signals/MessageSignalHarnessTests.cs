using Berichtenverkeer.Audit.Pseudonyms;
using Berichtenverkeer.Contracts;
using Berichtenverkeer.Gateway.Hosting;
using Berichtenverkeer.Gateway.Messaging;
using Berichtenverkeer.Gateway.Outbox;
using Berichtenverkeer.Gateway.Signals;
using Berichtenverkeer.Gateway.Telemetry;
using Berichtenverkeer.Gateway.Tests.Support;
using Berichtenverkeer.Matching.State;
using Berichtenverkeer.Processing;
using Berichtenverkeer.Processing.Ledger;
using Berichtenverkeer.ReferenceData;
using Berichtenverkeer.Signals;
using Berichtenverkeer.Store;
using Berichtenverkeer.Tests.Support;
using Berichtenverkeer.Validation;
using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Berichtenverkeer.Gateway.Tests.Signals;

/// <summary>
/// The hook after processing on MassTransit's test harness: the consume observer hands each processed message to the
/// message-scope judgement, which raises FR14 once for injected care after death — and nothing more when judged again.
/// </summary>
public sealed class MessageSignalHarnessTests : IAsyncLifetime
{
    private static readonly BsnPseudonymizer Pseudonymizer = new(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());

    private SqliteStateStore _store = null!;
    private ServiceProvider _provider = null!;
    private ITestHarness _harness = null!;

    public async Task InitializeAsync()
    {
        _store = SqliteStateStore.InMemory();
        await _store.MigrateAsync();
        var services = new ServiceCollection();
        services.AddSingleton<ProcessedMessages>();
        services.AddConsumeObserver<ProcessedMessageObserver>();
        services.AddProcessConsumerHarness(_store, _store, Pseudonymizer);
        _provider = services.BuildServiceProvider(validateScopes: true);
        _harness = _provider.GetRequiredService<ITestHarness>();
        await _harness.Start();
    }

    public async Task DisposeAsync()
    {
        await _harness.Stop();
        await _provider.DisposeAsync();
        await _store.DisposeAsync();
    }

    [Fact]
    public async Task processed_messages_reach_the_judgement_which_raises_care_after_death_once_and_changes_no_answer()
    {
        var client = new Traffic.Client(7);
        var ids = new List<string>();
        foreach (var (xml, sender) in DeathTraffic.Messages(client))
        {
            var id = Guid.NewGuid().ToString("N");
            await _store.SaveInboundAsync(new InboundMessage(id, Traffic.Utf8(xml), "test", sender, DateTimeOffset.UtcNow));
            await _harness.Bus.Publish(new ProcessIjwMessage(id, "test", null, DateTimeOffset.UtcNow, $"{client.Gemeente}|{client.Agb}"));
            await Eventually.UntilAsync(async () => await _store.FindAsync(id) is not null, $"message {ids.Count + 1} to be processed");
            ids.Add(id);
        }

        var processed = _provider.GetRequiredService<ProcessedMessages>();
        var handed = new List<string>();
        await Eventually.UntilAsync(
            () =>
            {
                while (processed.Reader.TryRead(out var id))
                {
                    handed.Add(id);
                }

                return handed.Count == ids.Count;
            },
            "every processed message to be handed to the judgement");
        Assert.Equal(ids, handed);
        foreach (var id in ids)
        {
            Assert.Equal(Disposition.Routed, (await _store.FindAsync(id))!.Disposition);
        }

        var worker = Worker();
        var raised = await worker.JudgeAsync(handed, CancellationToken.None);
        var again = await worker.JudgeAsync(handed, CancellationToken.None);

        var fr14 = Assert.Single(raised, s => s.RuleId == "FR14");
        Assert.All(raised, s => Assert.Equal(SignalScope.Message, new SignalEngine().Rules.Single(r => r.Info.Id == s.RuleId).Info.Scope));
        Assert.Equal((client.Gemeente, client.Agb, Pseudonymizer.Pseudonym(client.Bsn)), (fr14.Gemeente, fr14.Agb, fr14.Client));
        Assert.Empty(again);
        Assert.Single(await _store.QuerySignalsAsync(new Berichtenverkeer.Signals.Exceptions.SignalQuery { RuleId = "FR14" }));
    }

    private MessageSignalWorker Worker() => new(
        _provider.GetRequiredService<ProcessedMessages>(),
        _store,
        new SignalDetector(_store, Pseudonymizer, new SignalEngine(), TimeProvider.System),
        new SignalsRaised(),
        new SystemDate(Traffic.Today, TimeProvider.System),
        Options.Create(new SignalRuntimeOptions()),
        NullLogger<MessageSignalWorker>.Instance);
}
