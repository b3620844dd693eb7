using Berichtenverkeer.Audit.Pseudonyms;
using Berichtenverkeer.Contracts;
using Berichtenverkeer.Gateway.Hosting;
using Berichtenverkeer.Gateway.Messaging;
using Berichtenverkeer.Gateway.Outbox;
using Berichtenverkeer.Gateway.Telemetry;
using Berichtenverkeer.Gateway.Tests.Support;
using Berichtenverkeer.Matching.State;
using Berichtenverkeer.Processing;
using Berichtenverkeer.Processing.Ledger;
using Berichtenverkeer.Processing.Routing;
using Berichtenverkeer.ReferenceData;
using Berichtenverkeer.Store;
using Berichtenverkeer.Tests.Support;
using Berichtenverkeer.Validation;
using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Berichtenverkeer.Gateway.Tests.Harness;

/// <summary>
/// <see cref="ProcessIjwMessageConsumer"/> with its definition (retry policy, concurrency) on MassTransit's test
/// harness, over a real in-memory SQLite ledger behind a counting wrapper: how often the claim is redeemed shows how
/// often the consumer really ran.
/// </summary>
public sealed class ProcessConsumerHarnessTests : IAsyncLifetime
{
    private SqliteStateStore _store = null!;
    private CountingLedger _ledger = null!;
    private ServiceProvider _provider = null!;
    private ITestHarness _harness = null!;

    public async Task InitializeAsync()
    {
        _store = SqliteStateStore.InMemory();
        await _store.MigrateAsync();
        _ledger = new CountingLedger(_store);
        var services = new ServiceCollection();
        services.AddProcessConsumerHarness(_store, _ledger, new BsnPseudonymizer(new byte[32]));
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
    public async Task a_command_for_a_stored_message_is_consumed_recorded_and_leaves_its_deliveries_in_the_outbox()
    {
        var id = await StoreAsync(Traffic.Text("JW301").Without("ReferentieAanbieder"), Traffic.Gemeente);

        await _harness.Bus.Publish(Command(id));

        var consumer = _harness.GetConsumerHarness<ProcessIjwMessageConsumer>();
        Assert.True(await consumer.Consumed.Any<ProcessIjwMessage>(x => x.Context.Message.MessageId == id));
        Assert.False(await _harness.Published.Any<Fault<ProcessIjwMessage>>());
        var record = await _store.FindAsync(id);
        Assert.Equal(Disposition.Routed, record!.Disposition);
        var outbox = await _store.PendingAsync(100);
        Assert.Contains(outbox, o => o.Delivery is { Kind: DeliveryKind.Routed, Recipient: Traffic.Agb });
        Assert.Contains(outbox, o => o.Delivery is { Kind: DeliveryKind.Answer, Recipient: Traffic.Gemeente });
        Assert.Contains(outbox, o => o.AuditEvent is not null);
    }

    [Fact]
    public async Task a_command_whose_claim_is_missing_faults_at_once_without_retries()
    {
        var command = Command("no-such-message");

        await _harness.Bus.Publish(command);

        Assert.True(await _harness.Published.Any<Fault<ProcessIjwMessage>>());
        var fault = _harness.Published.Select<Fault<ProcessIjwMessage>>().Single().Context.Message;
        Assert.Equal("no-such-message", fault.Message.MessageId);
        var exception = Assert.Single(fault.Exceptions);
        Assert.Equal(typeof(ClaimNotFoundException).FullName, exception.ExceptionType);
        Assert.Contains("no-such-message", exception.Message, StringComparison.Ordinal);

        // Ignored by the retry policy: the consumer ran once, so the claim was looked up once.
        Assert.Equal(1, _ledger.Loads("no-such-message"));
        Assert.Single(_harness.GetConsumerHarness<ProcessIjwMessageConsumer>().Consumed.Select<ProcessIjwMessage>());
        Assert.Null(await _store.FindAsync("no-such-message"));
    }

    [Fact]
    public async Task a_transient_database_fault_is_retried_and_the_command_then_succeeds()
    {
        var id = await StoreAsync(Traffic.Text("JW305"), Traffic.Agb);
        _ledger.FailNextLoads(id, 2, () => new TimeoutException("the database did not answer in time"));

        await _harness.Bus.Publish(Command(id));

        await Eventually.UntilAsync(async () => await _store.FindAsync(id) is not null, "the command to succeed after its retries");
        Assert.Equal(3, _ledger.Loads(id));
        Assert.False(await _harness.Published.Any<Fault<ProcessIjwMessage>>());
    }

    [Fact]
    public async Task the_same_command_twice_has_one_effect()
    {
        var id = await StoreAsync(Traffic.Text("JW301").Without("ReferentieAanbieder"), Traffic.Gemeente);
        var consumer = _harness.GetConsumerHarness<ProcessIjwMessageConsumer>();

        await _harness.Bus.Publish(Command(id));
        Assert.True(await consumer.Consumed.Any<ProcessIjwMessage>());
        var outbox = (await _store.PendingAsync(1000)).Select(o => o.Id).ToList();
        await _harness.Bus.Publish(Command(id));
        await Eventually.UntilAsync(() => consumer.Consumed.Select<ProcessIjwMessage>().Count() == 2, "the second command to be consumed");

        Assert.False(await _harness.Published.Any<Fault<ProcessIjwMessage>>());
        Assert.Equal(outbox, (await _store.PendingAsync(1000)).Select(o => o.Id));
        Assert.Equal(1, _ledger.Records);
    }

    private async Task<string> StoreAsync(string xml, string party)
    {
        var id = Guid.NewGuid().ToString("N");
        await _store.SaveInboundAsync(new InboundMessage(id, Traffic.Utf8(xml), "test", party, DateTimeOffset.UtcNow));
        return id;
    }

    private static ProcessIjwMessage Command(string id) =>
        new(id, "test", null, DateTimeOffset.UtcNow, $"{Traffic.Gemeente}|{Traffic.Agb}");

    /// <summary>The real ledger, counting claim look-ups and recorded messages, and failing look-ups on request.</summary>
    private sealed class CountingLedger(IMessageLedger inner) : IMessageLedger
    {
        private readonly Dictionary<string, int> _loads = [];
        private readonly Dictionary<string, (int Left, Func<Exception> Fault)> _failures = [];
        private int _records;

        public int Records => Volatile.Read(ref _records);

        public int Loads(string id)
        {
            lock (_loads)
            {
                return _loads.GetValueOrDefault(id);
            }
        }

        public void FailNextLoads(string id, int times, Func<Exception> fault)
        {
            lock (_loads)
            {
                _failures[id] = (times, fault);
            }
        }

        public Task<InboundMessage?> LoadInboundAsync(string messageId, CancellationToken cancellationToken = default)
        {
            lock (_loads)
            {
                _loads[messageId] = _loads.GetValueOrDefault(messageId) + 1;
                if (_failures.TryGetValue(messageId, out var failure) && failure.Left > 0)
                {
                    _failures[messageId] = (failure.Left - 1, failure.Fault);
                    throw failure.Fault();
                }
            }

            return inner.LoadInboundAsync(messageId, cancellationToken);
        }

        public async Task RecordAsync(LedgerRecord record, StateChanges? changes, CancellationToken cancellationToken = default)
        {
            await inner.RecordAsync(record, changes, cancellationToken);
            Interlocked.Increment(ref _records);
        }

        public Task SaveInboundAsync(InboundMessage message, CancellationToken cancellationToken = default) => inner.SaveInboundAsync(message, cancellationToken);

        public Task<LedgerRecord?> FindAsync(string messageId, CancellationToken cancellationToken = default) => inner.FindAsync(messageId, cancellationToken);

        public Task<LedgerRecord?> FindDuplicateAsync(string afzender, string type, string identificatie, string contentHash, CancellationToken cancellationToken = default) =>
            inner.FindDuplicateAsync(afzender, type, identificatie, contentHash, cancellationToken);

        public Task<IReadOnlyList<OutboxItem>> PendingAsync(int max, CancellationToken cancellationToken = default) => inner.PendingAsync(max, cancellationToken);

        public Task MarkDispatchedAsync(IReadOnlyCollection<long> outboxIds, CancellationToken cancellationToken = default) => inner.MarkDispatchedAsync(outboxIds, cancellationToken);
    }
}
