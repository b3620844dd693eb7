using System.Text;
using Berichtenverkeer.Audit.Events;
using Berichtenverkeer.Matching.State;
using Berichtenverkeer.Processing;
using Berichtenverkeer.Processing.Ledger;
using Berichtenverkeer.Processing.Routing;
using static Berichtenverkeer.Store.Tests.Build;

namespace Berichtenverkeer.Store.Tests;

/// <summary>The inbox (claim check), ledger and outbox: written with the state in one transaction, dispatched at least once.</summary>
public sealed class LedgerTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 10, 8, 0, 0, TimeSpan.Zero);

    [Theory, OnSqlite, OnPostgres]
    public async Task the_inbound_claim_is_kept_once_and_redeemed_by_id(string provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        var inbound = new InboundMessage("in-1", Encoding.UTF8.GetBytes("<x/>"), "http", Agb, At, "a.xml");

        await test.Store.SaveInboundAsync(inbound);
        await test.Store.SaveInboundAsync(inbound with { Content = Encoding.UTF8.GetBytes("<other/>") });

        var loaded = await test.Store.LoadInboundAsync("in-1");
        Assert.NotNull(loaded);
        Assert.Equal("<x/>", Encoding.UTF8.GetString(loaded.Content.Span));
        Assert.Equal(("http", Agb, "a.xml"), (loaded.Channel, loaded.AuthenticatedParty, loaded.FileName));
        Assert.Null(await test.Store.LoadInboundAsync("in-2"));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task a_record_its_deliveries_events_and_state_are_written_together(string provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        var changes = Changes(Message("JW305", identificatie: "ID-7", id: "led-1"));
        changes.Regie.Add(Start(changes.Message.MessageId));

        await test.Store.RecordAsync(Record("led-1", "ID-7"), changes);

        var found = await test.Store.FindAsync("led-1");
        Assert.NotNull(found);
        Assert.Equal(Disposition.Routed, found.Disposition);
        Assert.Equal(["9999"], found.RuleCodes);
        Assert.Equal([DeliveryKind.Routed, DeliveryKind.Answer], found.Deliveries.Select(d => d.Kind));
        Assert.Equal("<answer/>", Encoding.UTF8.GetString(found.Deliveries[1].Content));
        Assert.Single((await test.Store.LoadAsync(Scope("JW305") with { Bsns = [Bsn] })).Regie);
        var pending = await test.Store.PendingAsync(10);
        Assert.Equal(3, pending.Count);
        Assert.Equal("received", pending[2].AuditEvent!.Step);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task a_state_conflict_rolls_back_the_ledger_record_too(string provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        await test.Store.CommitAsync(Changes(Message("JW305", identificatie: "ID-8")));

        var clash = Changes(Message("JW305", identificatie: "ID-8", id: "led-2"));
        await Assert.ThrowsAsync<StateConflictException>(() => test.Store.RecordAsync(Record("led-2", "ID-8"), clash));

        Assert.Null(await test.Store.FindAsync("led-2"));
        Assert.Empty(await test.Store.PendingAsync(10));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task a_duplicate_is_found_by_sender_type_identificatie_and_content_only_when_it_was_answered_or_routed(string provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        await test.Store.RecordAsync(Record("led-3", "ID-9"), null);
        await test.Store.RecordAsync(Record("led-4", "ID-10") with { Disposition = Disposition.Invalid }, null);

        Assert.Equal("led-3", (await test.Store.FindDuplicateAsync(Agb, "JW305", "ID-9", "hash"))?.MessageId);
        Assert.Null(await test.Store.FindDuplicateAsync(Agb, "JW305", "ID-9", "other-hash"));
        Assert.Null(await test.Store.FindDuplicateAsync(Agb, "JW305", "ID-10", "hash"));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task dispatched_items_leave_the_pending_list_in_order(string provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        await test.Store.RecordAsync(Record("led-5", "ID-11"), null);
        await test.Store.RecordAsync(Record("led-6", "ID-12"), null);

        var first = await test.Store.PendingAsync(4);
        Assert.Equal(first.Select(i => i.Id).Order(), first.Select(i => i.Id));
        await test.Store.MarkDispatchedAsync(first.Select(i => i.Id).ToList());

        var rest = await test.Store.PendingAsync(100);
        Assert.Equal(2, rest.Count);
        Assert.All(rest, i => Assert.Equal("led-6", i.MessageId));
    }

    private static LedgerRecord Record(string id, string identificatie) => new()
    {
        MessageId = id,
        ReceivedAt = At,
        Channel = "http",
        AuthenticatedParty = Agb,
        ContentHash = "hash",
        Content = Encoding.UTF8.GetBytes("<bericht/>"),
        MessageType = "JW305",
        Afzender = Agb,
        Ontvanger = Gemeente,
        Identificatie = identificatie,
        Disposition = Disposition.Routed,
        RuleCodes = ["9999"],
        Deliveries =
        [
            new Delivery($"{id}-1", Gemeente, DeliveryKind.Routed, "JW305", "a.xml", Encoding.UTF8.GetBytes("<bericht/>")),
            new Delivery($"{id}-2", Agb, DeliveryKind.Answer, "JW306", "a.JW306.xml", Encoding.UTF8.GetBytes("<answer/>")),
        ],
        AuditEvents = [new AuditEvent { Step = "received", MessageId = id, At = At, ContentHash = "hash", ClientPseudonyms = ["p-1"] }],
    };
}
