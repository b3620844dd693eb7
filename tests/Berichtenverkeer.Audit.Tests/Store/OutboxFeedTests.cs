using Berichtenverkeer.Audit.Events;
using Berichtenverkeer.Audit.Tests.Support;
using Berichtenverkeer.Audit.Trail;
using Berichtenverkeer.Processing;
using Berichtenverkeer.Processing.Ledger;
using static Berichtenverkeer.Audit.Tests.Support.Fixtures;

namespace Berichtenverkeer.Audit.Tests.Store;

/// <summary>The outbox feeds the trail: every audit event the pipeline recorded is appended exactly once, in order.</summary>
public sealed class OutboxFeedTests
{
    [Theory, OnSqlite, OnPostgres]
    public async Task recorded_audit_events_reach_the_trail_exactly_once_in_outbox_order(string provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        await test.Store.RecordAsync(Record("m-1", EventNo(1), EventNo(2, AuditStep.Routed)), null);
        await test.Store.RecordAsync(Record("m-2", EventNo(3)), null);

        Assert.Equal(2, await test.Store.TrailOutboxAsync(2, Start));
        await test.Store.RecordAsync(Record("m-3", EventNo(4, AuditStep.Rejected)), null);
        Assert.Equal(2, await test.Store.TrailOutboxAsync(10, Start.AddSeconds(1)));
        Assert.Equal(0, await test.Store.TrailOutboxAsync(10, Start.AddSeconds(2)));

        var entries = await test.Store.ReadTrailAsync(1, 100);
        Assert.Equal(
            ["msg-1", "msg-2", "msg-3", "msg-4"],
            entries.Select(e => System.Text.Json.JsonDocument.Parse(e.Payload).RootElement.GetProperty("messageId").GetString()));
        Assert.Equal(CanonicalJson.Canonicalize(AuditJson.Serialize(EventNo(2, AuditStep.Routed))), entries[1].Payload);
        Assert.True(AuditVerifier.Verify(entries).Intact);

        // Bus dispatch is independent: the events are still pending there.
        Assert.Equal(4, (await test.Store.PendingAsync(100)).Count(i => i.AuditEvent is not null));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task two_feeders_running_at_once_still_trail_each_event_once(string provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        for (var m = 0; m < 20; m++)
        {
            await test.Store.RecordAsync(Record($"m-{m}", EventNo((m * 2) + 1), EventNo((m * 2) + 2)), null);
        }

        var stores = new[] { test.Store, test.OpenSibling() };
        await Task.WhenAll(stores.Select(store => Task.Run(async () =>
        {
            while (await store.TrailOutboxAsync(3, Start) > 0)
            {
            }
        })));

        var entries = await test.Store.ReadTrailAsync(1, 100);
        Assert.Equal(40, entries.Count);
        Assert.Equal(40, entries.Select(e => e.Payload).Distinct().Count());
        Assert.True(AuditVerifier.Verify(entries).Intact);
    }

    private static LedgerRecord Record(string id, params AuditEvent[] events) => new()
    {
        MessageId = id,
        ReceivedAt = Start,
        Channel = "http",
        AuthenticatedParty = "12345678",
        ContentHash = new string('a', 64),
        Content = "<bericht/>"u8.ToArray(),
        MessageType = "JW323",
        Afzender = "12345678",
        Ontvanger = "0363",
        Identificatie = "ID-" + id,
        Disposition = Disposition.Routed,
        AuditEvents = events,
    };
}
