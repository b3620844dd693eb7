using Berichtenverkeer.Matching.State;
using Berichtenverkeer.Processing.Ledger;
using Berichtenverkeer.Processing.Routing;
using Berichtenverkeer.Processing.Tests.Support;
using Berichtenverkeer.Tests.Support;

namespace Berichtenverkeer.Processing.Tests;

/// <summary>
/// Two workers racing on the same fact: the database's unique indexes decide, and the loser re-evaluates against the
/// state that now holds the winner's fact, so the rules — not the race — decide its disposition. The interleaving is
/// forced with a ledger test double that lets a competitor commit between the loser's evaluation and its record.
/// </summary>
public sealed class ConcurrentWriterTests : IAsyncLifetime
{
    private static readonly string Jw301 = Traffic.Text("JW301").Without("ReferentieAanbieder");

    private PipelineHarness _h = null!;

    public async Task InitializeAsync() => _h = await PipelineHarness.CreateAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task the_same_content_committed_by_a_competitor_first_makes_the_loser_a_Duplicate()
    {
        LedgerRecord? winner = null;
        InterleavingLedger? ledger = null;
        var loser = _h.With(inner => ledger = new InterleavingLedger(inner, async () => winner = await _h.ProcessAsync(Jw301, Traffic.Gemeente)));

        var record = await _h.ProcessAsync(_h.Inbound(Jw301, Traffic.Gemeente), loser);

        Assert.Equal(Disposition.Routed, winner!.Disposition);
        Assert.Equal(Disposition.Duplicate, record.Disposition);
        Assert.Equal(1, ledger!.Conflicts);
        Assert.Single(await _h.OutboxAsync(), d => d.Kind == DeliveryKind.Routed);
        Assert.Single((await _h.StateOfAsync(Jw301)).Assignments);
    }

    [Fact]
    public async Task the_same_identificatie_with_other_content_committed_first_makes_the_loser_9056()
    {
        InterleavingLedger? ledger = null;
        var loser = _h.With(inner => ledger = new InterleavingLedger(inner, () => _h.ProcessAsync(Jw301, Traffic.Gemeente)));

        var record = await _h.ProcessAsync(_h.Inbound(Jw301.Set("Commentaar", "Andere inhoud"), Traffic.Gemeente), loser);

        Assert.Equal(Disposition.Rejected, record.Disposition);
        Assert.Contains("9056", record.RuleCodes);
        Assert.Equal(1, ledger!.Conflicts);
        Assert.Single(await _h.OutboxAsync(), d => d.Kind == DeliveryKind.Routed);
    }

    [Fact]
    public async Task a_declaration_number_taken_by_a_competitor_makes_the_loser_9333()
    {
        var client = new Traffic.Client(11);
        await _h.ProcessAsync(client.Jw301(), client.Gemeente);
        var first = client.Jw323();
        var second = first.Set("Identificatie", "D-OTHER").Set("ReferentieNummer", "P-OTHER"); // same DeclaratieNummer
        InterleavingLedger? ledger = null;
        var loser = _h.With(inner => ledger = new InterleavingLedger(inner, () => _h.ProcessAsync(first, client.Agb)));

        var record = await _h.ProcessAsync(_h.Inbound(second, client.Agb), loser);

        Assert.Contains("9333", record.RuleCodes);
        Assert.Equal(1, ledger!.Conflicts);
        Assert.Single(await _h.OutboxAsync(), d => d.Kind == DeliveryKind.Routed && d.MessageType == "JW323");
    }

    [Fact]
    public async Task two_workers_on_one_database_processing_the_same_message_at_once_have_exactly_one_effect()
    {
        // Both evaluate before either records (a barrier in the ledger), then both try to commit the same message id.
        using var barrier = new Barrier(2);
        var a = _h.Sibling(inner => new InterleavingLedger(inner, () => Task.Run(() => barrier.SignalAndWait(TimeSpan.FromSeconds(30)))));
        var b = _h.Sibling(inner => new InterleavingLedger(inner, () => Task.Run(() => barrier.SignalAndWait(TimeSpan.FromSeconds(30)))));
        var inbound = _h.Inbound(Jw301, Traffic.Gemeente);
        await _h.Store.SaveInboundAsync(inbound);

        var records = await Task.WhenAll(
            Task.Run(() => a.ProcessAsync(inbound, Traffic.Today)),
            Task.Run(() => b.ProcessAsync(inbound, Traffic.Today)));

        Assert.All(records, r => Assert.Equal((inbound.MessageId, Disposition.Routed), (r.MessageId, r.Disposition)));
        var deliveries = await _h.OutboxAsync();
        Assert.Single(deliveries, d => d.Kind == DeliveryKind.Routed);
        Assert.Single(deliveries, d => d.Kind == DeliveryKind.Answer);
        Assert.Single((await _h.StateOfAsync(Jw301)).Assignments);
    }

    [Fact]
    public async Task many_workers_racing_on_duplicate_submissions_route_the_message_once()
    {
        // Eight workers (each its own store on the one database) get the same bytes under eight message ids at once.
        var workers = Enumerable.Range(0, 8).Select(_ => _h.Sibling()).ToList();
        var inbounds = workers.Select(_ => _h.Inbound(Jw301, Traffic.Gemeente)).ToList();
        foreach (var inbound in inbounds)
        {
            await _h.Store.SaveInboundAsync(inbound);
        }

        var records = await Task.WhenAll(workers.Select((w, i) => Task.Run(() => w.ProcessAsync(inbounds[i], Traffic.Today))));

        Assert.Single(records, r => r.Disposition == Disposition.Routed);
        Assert.Equal(7, records.Count(r => r.Disposition == Disposition.Duplicate));
        var deliveries = await _h.OutboxAsync();
        Assert.Single(deliveries, d => d.Kind == DeliveryKind.Routed);
        Assert.Equal(8, deliveries.Count(d => d.Kind == DeliveryKind.Answer));
        Assert.Single(deliveries.Where(d => d.Kind == DeliveryKind.Answer).Select(d => Convert.ToBase64String(d.Content)).Distinct());
    }

    /// <summary>
    /// Delegates to the real ledger; before the first <see cref="RecordAsync"/> it runs <paramref name="beforeFirstRecord"/>
    /// (a competitor's commit, or a rendezvous), and it counts the conflicts the real ledger reported.
    /// </summary>
    private sealed class InterleavingLedger(IMessageLedger inner, Func<Task> beforeFirstRecord) : IMessageLedger
    {
        private int _records;

        public int Conflicts { get; private set; }

        public async Task RecordAsync(LedgerRecord record, StateChanges? changes, CancellationToken cancellationToken = default)
        {
            if (Interlocked.Increment(ref _records) == 1)
            {
                await beforeFirstRecord();
            }

            try
            {
                await inner.RecordAsync(record, changes, cancellationToken);
            }
            catch (StateConflictException)
            {
                Conflicts++;
                throw;
            }
        }

        public Task SaveInboundAsync(InboundMessage message, CancellationToken cancellationToken = default) => inner.SaveInboundAsync(message, cancellationToken);

        public Task<InboundMessage?> LoadInboundAsync(string messageId, CancellationToken cancellationToken = default) => inner.LoadInboundAsync(messageId, cancellationToken);

        public Task<LedgerRecord?> FindAsync(string messageId, CancellationToken cancellationToken = default) => inner.FindAsync(messageId, cancellationToken);

        public Task<LedgerRecord?> FindDuplicateAsync(string afzender, string type, string identificatie, string contentHash, CancellationToken cancellationToken = default) =>
            inner.FindDuplicateAsync(afzender, type, identificatie, contentHash, cancellationToken);

        public Task<IReadOnlyList<OutboxItem>> PendingAsync(int max, CancellationToken cancellationToken = default) => inner.PendingAsync(max, cancellationToken);

        public Task MarkDispatchedAsync(IReadOnlyCollection<long> outboxIds, CancellationToken cancellationToken = default) => inner.MarkDispatchedAsync(outboxIds, cancellationToken);
    }
}
