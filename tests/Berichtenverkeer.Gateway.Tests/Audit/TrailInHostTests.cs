using System.Text;
using Berichtenverkeer.Audit.Events;
using Berichtenverkeer.Audit.Trail;
using Berichtenverkeer.Processing.Ledger;
using Berichtenverkeer.Gateway.Tests.Support;
using Berichtenverkeer.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Berichtenverkeer.Gateway.Tests.Audit;

/// <summary>
/// The running gateway keeps its audit trail: every audit event the outbox publishes is appended to the hash chain
/// once, in the same order; checkpoints are written to the configured folder and verify; a restart continues the chain.
/// </summary>
public sealed class TrailInHostTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("bv-trail-host-");

    private string Database => Path.Combine(_folder.FullName, "gateway.db");

    private string Checkpoints => Path.Combine(_folder.FullName, "worm");

    private string CheckpointFile => Path.Combine(Checkpoints, FileCheckpointSink.DefaultFileName);

    [Fact]
    public async Task every_published_audit_event_is_in_the_trail_once_in_order_and_a_checkpoint_verifies_it()
    {
        await using var gateway = await EmbeddedGateway.StartAsync(Database, Checkpoints);
        var records = new List<LedgerRecord>();
        for (var n = 1; n <= 3; n++)
        {
            var client = new Traffic.Client(n);
            records.Add(await gateway.ProcessAsync(client.Jw301(), Traffic.Gemeente));
            records.Add(await gateway.ProcessAsync(client.Jw305(), Traffic.Agb));
        }

        records.Add(await gateway.ProcessAsync("<not xml", Traffic.Agb));
        var published = await PublishedAsync(gateway, records.Count);
        var entries = await gateway.SettledTrailAsync(published.Count);

        Assert.Equal(published.Select(Canonical), entries.Select(e => e.Payload));
        Assert.All(entries, e => Assert.Equal(TrailKind.AuditEvent, e.Kind));
        Assert.Equal(records.Select(r => r.MessageId), entries.Select(MessageId).Distinct());
        Assert.Equal(Enumerable.Range(1, entries.Count).Select(i => (long)i), entries.Select(e => e.Sequence));

        var head = entries[^1];
        var checkpoint = await Eventually.ValueAsync(
            async () => (await ReadCheckpointsAsync()).LastOrDefault(c => c.Sequence == head.Sequence),
            "a checkpoint of the trail's head");
        Assert.Equal((head.EntryHash, (long)entries.Count), (checkpoint.HeadHash, checkpoint.Count));
        var verified = await VerifyExportAsync(gateway, await ReadCheckpointsAsync());
        Assert.True(verified.Intact, verified.FirstBreak?.ToString());
        Assert.True(verified.CheckpointsMatched >= 1);
    }

    [Fact]
    public async Task a_restarted_gateway_continues_the_chain_unbroken_and_checkpoints_of_both_runs_verify()
    {
        var gateway = await EmbeddedGateway.StartAsync(Database, Checkpoints);
        var first = new List<LedgerRecord>
        {
            await gateway.ProcessAsync(new Traffic.Client(1).Jw301(), Traffic.Gemeente),
            await gateway.ProcessAsync(new Traffic.Client(1).Jw305(), Traffic.Agb),
        };
        var firstEvents = await PublishedAsync(gateway, first.Count);
        var before = await gateway.SettledTrailAsync(firstEvents.Count);
        await gateway.StopAsync();
        var stopCheckpoint = (await ReadCheckpointsAsync())[^1];
        Assert.Equal((before[^1].Sequence, before[^1].EntryHash), (stopCheckpoint.Sequence, stopCheckpoint.HeadHash));

        await using var restarted = await EmbeddedGateway.StartAsync(Database, Checkpoints);
        var second = new List<LedgerRecord>
        {
            await restarted.ProcessAsync(new Traffic.Client(2).Jw301(), Traffic.Gemeente),
            await restarted.ProcessAsync(new Traffic.Client(2).Jw305(), Traffic.Agb),
        };
        var secondEvents = await PublishedAsync(restarted, second.Count, firstEvents.Count);
        var all = await restarted.SettledTrailAsync(firstEvents.Count + secondEvents.Count);

        Assert.Equal(firstEvents.Concat(secondEvents).Select(Canonical), all.Select(e => e.Payload));
        Assert.Equal(before[^1].EntryHash, all[before.Count].PrevHash);
        var head = all[^1];
        await Eventually.ValueAsync(async () => (await ReadCheckpointsAsync()).LastOrDefault(c => c.Sequence == head.Sequence), "a checkpoint after the restart");
        var checkpoints = await ReadCheckpointsAsync();
        var verified = await VerifyExportAsync(restarted, checkpoints);
        Assert.True(verified.Intact, verified.FirstBreak?.ToString());
        Assert.Equal(checkpoints.Count, verified.CheckpointsMatched);
    }

    [Fact]
    public async Task with_the_feed_and_checkpoints_switched_off_the_trail_stays_empty_and_no_file_is_written()
    {
        await using var gateway = await EmbeddedGateway.StartAsync(
            Database, Checkpoints, new Dictionary<string, string?> { ["AuditTrail:FeedEnabled"] = "false", ["AuditTrail:CheckpointsEnabled"] = "false" });
        var record = await gateway.ProcessAsync(new Traffic.Client(1).Jw301(), Traffic.Gemeente);
        await PublishedAsync(gateway, 1);

        // The outbox still holds the events untrailed: a later feeder (or another process) appends them.
        Assert.Null(await gateway.Store.TrailHeadAsync());
        await gateway.StopAsync();
        Assert.False(File.Exists(CheckpointFile));

        await using var feeding = await EmbeddedGateway.StartAsync(Database, Checkpoints);
        var entries = await Eventually.ValueAsync(
            async () => await feeding.Store.ReadTrailAsync(1, 100) is { Count: > 0 } e ? e : null, "the untrailed events appended after the restart");
        Assert.Equal(record.MessageId, MessageId(entries[0]));
    }

    public void Dispose() => _folder.Delete(recursive: true);

    /// <summary>
    /// The audit events this gateway's bus got, once the outbox published (and marked) every one the pipeline recorded;
    /// <paramref name="publishedBefore"/> went out in an earlier run on the same database.
    /// </summary>
    private async Task<List<AuditEvent>> PublishedAsync(EmbeddedGateway gateway, int messages, int publishedBefore = 0)
    {
        var recorded = await RecordedAuditEventsAsync();
        Assert.True(recorded >= messages, $"{recorded} audit events recorded for {messages} messages");
        await Eventually.UntilAsync(() => gateway.Sink.Published.Count >= recorded - publishedBefore, $"{recorded} audit events published");
        await Eventually.UntilAsync(async () => (await gateway.Store.PendingAsync(1)).Count == 0, "the outbox marked dispatched");
        return [.. gateway.Sink.Published];
    }

    /// <summary>Audit events the pipeline wrote to the outbox, counted in the database itself.</summary>
    private async Task<long> RecordedAuditEventsAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={Database}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM outbox WHERE audit_event IS NOT NULL";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static string Canonical(AuditEvent e) => CanonicalJson.Canonicalize(AuditJson.Serialize(e));

    private static string MessageId(AuditTrailEntry entry) =>
        System.Text.Json.JsonDocument.Parse(entry.Payload).RootElement.GetProperty("messageId").GetString()!;

    /// <summary>Exports the trail as an auditor gets it and verifies the export.</summary>
    private static async Task<TrailVerification> VerifyExportAsync(EmbeddedGateway gateway, IReadOnlyList<AuditCheckpoint> checkpoints)
    {
        var text = new StringBuilder();
        await using (var writer = new StringWriter(text))
        {
            await AuditTrail.Export(gateway.Store, writer);
        }

        return AuditVerifier.Verify(new StringReader(text.ToString()), checkpoints);
    }

    private Task<IReadOnlyList<AuditCheckpoint>> ReadCheckpointsAsync()
    {
        if (!File.Exists(CheckpointFile))
        {
            return Task.FromResult<IReadOnlyList<AuditCheckpoint>>([]);
        }

        using var reader = new StreamReader(new FileStream(CheckpointFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete));
        return Task.FromResult(TrailJsonLines.ReadCheckpoints(reader));
    }
}
