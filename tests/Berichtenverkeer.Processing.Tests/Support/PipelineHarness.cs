using System.Text;
using Berichtenverkeer.Audit.Pseudonyms;
using Berichtenverkeer.Matching.State;
using Berichtenverkeer.Processing.Ledger;
using Berichtenverkeer.Processing.Routing;
using Berichtenverkeer.ReferenceData;
using Berichtenverkeer.Store;
using Berichtenverkeer.Tests.Support;
using Berichtenverkeer.Validation;

namespace Berichtenverkeer.Processing.Tests.Support;

/// <summary>
/// A <see cref="MessagePipeline"/> on a migrated, shared in-memory SQLite store, as the gateway composes it but
/// without a bus. <see cref="Sibling"/> gives a second pipeline on the same database, as a second worker would have.
/// </summary>
public sealed class PipelineHarness : IAsyncDisposable
{
    public static readonly byte[] PseudonymKey = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();

    private readonly string _database = "bvp-" + Guid.NewGuid().ToString("N");
    private readonly List<SqliteStateStore> _stores = [];
    private int _ids;

    private PipelineHarness()
    {
    }

    public SqliteStateStore Store { get; private set; } = null!;

    public MessagePipeline Pipeline { get; private set; } = null!;

    public MessageValidator Validator { get; } = new();

    public BsnPseudonymizer Pseudonyms { get; } = new(PseudonymKey);

    public static async Task<PipelineHarness> CreateAsync()
    {
        var harness = new PipelineHarness();
        harness.Store = harness.Open();
        await harness.Store.MigrateAsync();
        harness.Pipeline = harness.PipelineOn(harness.Store, harness.Store);
        return harness;
    }

    /// <summary>Another store instance on the same database (a second worker process), with a pipeline of its own.</summary>
    public MessagePipeline Sibling(Func<IMessageLedger, IMessageLedger>? wrapLedger = null)
    {
        var store = Open();
        return PipelineOn(store, wrapLedger?.Invoke(store) ?? store);
    }

    /// <summary>The harness store's pipeline, with its ledger wrapped (a test double in between).</summary>
    public MessagePipeline With(Func<IMessageLedger, IMessageLedger> wrapLedger) => PipelineOn(Store, wrapLedger(Store));

    public MessagePipeline PipelineOn(IStateStore state, IMessageLedger ledger) =>
        new(Validator, state, ledger, () => ReferenceSet.Empty, Pseudonyms, new PipelineOptions());

    public InboundMessage Inbound(string xml, string? party, string? id = null) => Inbound(Encoding.UTF8.GetBytes(xml), party, id);

    public InboundMessage Inbound(byte[] content, string? party, string? id = null) =>
        new(id ?? $"m{Interlocked.Increment(ref _ids):D4}", content, "test", party, new DateTimeOffset(2026, 3, 10, 9, 0, 0, TimeSpan.Zero).AddSeconds(_ids), null);

    /// <summary>Stores the bytes (as ingress does) and processes them as sent by <paramref name="party"/>.</summary>
    public Task<LedgerRecord> ProcessAsync(string xml, string? party, string? id = null) => ProcessAsync(Inbound(xml, party, id));

    public async Task<LedgerRecord> ProcessAsync(InboundMessage inbound, MessagePipeline? pipeline = null)
    {
        await Store.SaveInboundAsync(inbound);
        return await (pipeline ?? Pipeline).ProcessAsync(inbound, Traffic.Today);
    }

    /// <summary>Every delivery written to the outbox and not yet dispatched (nothing dispatches here).</summary>
    public async Task<IReadOnlyList<Delivery>> OutboxAsync() =>
        (await Store.PendingAsync(100_000)).Where(i => i.Delivery is not null).Select(i => i.Delivery!).ToList();

    public async Task<IReadOnlyList<Audit.Events.AuditEvent>> AuditTrailAsync() =>
        (await Store.PendingAsync(100_000)).Where(i => i.AuditEvent is not null).Select(i => i.AuditEvent!).ToList();

    /// <summary>What the state store knows that this message's rules would look at.</summary>
    public async Task<StateSnapshot> StateOfAsync(string xml)
    {
        var message = Validator.Validate(Encoding.UTF8.GetBytes(xml)).Message ?? throw new InvalidOperationException("Not a readable message.");
        return await Store.LoadAsync(StateScope.Of(message));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var store in _stores)
        {
            await store.DisposeAsync();
        }
    }

    private SqliteStateStore Open()
    {
        var store = SqliteStateStore.InMemory(_database);
        _stores.Add(store);
        return store;
    }
}
