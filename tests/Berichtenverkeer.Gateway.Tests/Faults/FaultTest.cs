using System.Data.Common;
using System.Diagnostics;
using System.Net;
using Berichtenverkeer.Gateway.Tests.Support;
using Berichtenverkeer.Processing.Ledger;
using Berichtenverkeer.Processing.Routing;
using Microsoft.Data.Sqlite;
using Npgsql;
using Xunit.Abstractions;

namespace Berichtenverkeer.Gateway.Tests.Faults;

/// <summary>
/// What the fault tests share: a sender that sends again until the gateway accepts (as a party's system does after an
/// error response), and the one verdict every fault must leave intact — each message processed, routed once, answered
/// once per submission, in order, with nothing left pending or in an error queue.
/// </summary>
public abstract class FaultTest(RabbitMqBroker broker, ITestOutputHelper output) : RabbitMqTest(broker)
{
    private static readonly TimeSpan SubmitTimeout = TimeSpan.FromMinutes(3);

    private int _accepted;
    private int _failedPosts;

    protected ITestOutputHelper Output { get; } = output;

    /// <summary>Submissions the gateway answered 202 so far.</summary>
    protected int Accepted => Volatile.Read(ref _accepted);

    /// <summary>Where the ledger is read from; the SQLite file unless a test puts the store in PostgreSQL.</summary>
    protected PostgresSchema? Postgres { get; set; }

    /// <summary>
    /// Posts until the gateway accepts, and returns the accepted id. A refused post (error status, reset connection,
    /// timeout) may still have been queued — its confirm was lost — so a resend can be a duplicate the ledger must absorb.
    /// </summary>
    protected async Task<string> SubmitUntilAcceptedAsync(Func<GatewayInstance> gateway, Submission submission)
    {
        var started = Stopwatch.GetTimestamp();
        var lastFailure = "none";
        while (true)
        {
            try
            {
                using var response = await gateway().TryPostAsync(submission.Xml, submission.Sender);
                if (response.StatusCode == HttpStatusCode.Accepted)
                {
                    var body = await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync<Posted>(response.Content);
                    Interlocked.Increment(ref _accepted);
                    return body!.Id;
                }

                lastFailure = $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or ObjectDisposedException or InvalidOperationException)
            {
                lastFailure = $"{ex.GetType().Name}: {ex.Message}";

                // The gateway is away (stopped, or its broker is): send again, as the party's system would.
            }

            Interlocked.Increment(ref _failedPosts);
            if (Stopwatch.GetElapsedTime(started) > SubmitTimeout)
            {
                throw new TimeoutException($"{submission.Label} was not accepted within {SubmitTimeout.TotalSeconds:0} s; last failure: {lastFailure}");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>
    /// Waits until every accepted id is recorded and the outbox is empty, then checks the ledger and the parties' queues:
    /// per message exactly one Routed record without rule codes (a message that overtook the one it depends on gets
    /// 9019 or 9338, so this also proves the order), any others Duplicate; one routed delivery per message to its
    /// recipient; one answer per record, the same bytes for every submission of a message; no error queue entries.
    /// Returns how many delivery copies (at-least-once repeats under the same id) the queues held.
    /// </summary>
    protected async Task<int> AssertEveryMessageOnceInEffectAsync(Dictionary<string, List<Submission>> traffic, Dictionary<string, List<string>> sent)
    {
        var accepted = sent.Values.SelectMany(ids => ids).ToHashSet();
        var submissions = traffic.Values.Sum(s => s.Count);
        Assert.Equal(submissions, accepted.Count);
        List<LedgerRow> rows = [];
        await Eventually.UntilAsync(
            async () =>
            {
                await using var connection = await OpenDatabaseAsync();
                rows = await LedgerRow.ReadAllAsync(connection);
                return accepted.IsSubsetOf(rows.Select(r => r.MessageId)) && await LedgerRow.PendingOutboxAsync(connection) == 0;
            },
            $"all {submissions} accepted messages recorded and their deliveries dispatched",
            TimeSpan.FromMinutes(3));

        var wrong = rows.Where(r => r.Disposition is not (Disposition.Routed or Disposition.Duplicate) || r.RuleCodes.Length > 0).ToList();
        Assert.True(wrong.Count == 0, "rejected or refused (overtaken?): " + string.Join(", ", wrong.Select(r => $"{r.Key} {r.Disposition} {r.RuleCodes}")));
        var byMessage = rows.GroupBy(r => r.Key).ToList();
        Assert.Equal(submissions, byMessage.Count);
        var routedTwice = byMessage.Where(g => g.Count(r => r.Disposition == Disposition.Routed) != 1).Select(g => g.Key).ToList();
        Assert.True(routedTwice.Count == 0, "not routed exactly once: " + string.Join(", ", routedTwice));

        var taken = await TakeDeliveriesAsync(GatewayInstance.Parties);
        var deliveries = taken.DistinctBy(d => d.Text("deliveryId")).ToList();
        foreach (var copies in taken.GroupBy(d => d.Text("deliveryId")).Where(g => g.Count() > 1))
        {
            // At least once: a copy is the same delivery under the same transport message id, which a receiver drops.
            Assert.Single(copies.Select(c => (c.MessageId, c.Text("content"))).Distinct());
        }

        var routedIds = rows.Where(r => r.Disposition == Disposition.Routed).Select(r => r.MessageId).ToHashSet();
        var routed = deliveries.Where(IsRouted).ToList();
        Assert.Equal(submissions, routed.Count);
        Assert.True(routedIds.SetEquals(routed.Select(d => d.Text("messageId")!)), "routed deliveries do not match the routed records");
        var record = rows.ToDictionary(r => r.MessageId);
        Assert.All(routed, d => Assert.Equal(record[d.Text("messageId")!].Ontvanger, d.Text("recipient")));

        var answers = deliveries.Where(d => d.Text("kind") == nameof(DeliveryKind.Answer)).ToLookup(d => d.Text("messageId"));
        Assert.Equal(rows.Count, deliveries.Count(d => d.Text("kind") == nameof(DeliveryKind.Answer)));
        foreach (var message in byMessage)
        {
            var answered = message.SelectMany(r => answers[r.MessageId]).ToList();
            Assert.All(answered, a => Assert.Equal(message.First().Afzender, a.Text("recipient")));
            var contents = answered.Select(a => a.Text("content")).ToList();
            Assert.Equal(message.Count(), contents.Count);
            Assert.Single(contents.Distinct());
        }

        if (Postgres is null)
        {
            AssertRecordedInSendOrder(sent, rows);
        }

        Assert.DoesNotContain(deliveries, d => d.Text("kind") == nameof(DeliveryKind.ErrorNotice));
        for (var partition = 0; partition < Partitions; partition++)
        {
            Assert.Equal(0u, await Queues.CountAsync(ProcessQueue(partition) + "_error"));
        }

        Output.WriteLine(
            $"{submissions} messages: {rows.Count} records ({rows.Count - submissions} duplicates of re-sent posts), "
            + $"{Volatile.Read(ref _failedPosts)} failed posts re-sent, {taken.Count - deliveries.Count} delivery copies of {deliveries.Count}");
        return taken.Count - deliveries.Count;
    }

    /// <summary>Per pair, the routed records were committed in the order their messages were sent (SQLite: rowid order is commit order).</summary>
    private void AssertRecordedInSendOrder(Dictionary<string, List<string>> sent, List<LedgerRow> rows)
    {
        var keyOf = rows.ToDictionary(r => r.MessageId, r => r.Key);
        var routedId = rows.Where(r => r.Disposition == Disposition.Routed).ToDictionary(r => r.Key, r => r.MessageId);
        var position = RecordedOrder().Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
        foreach (var (pair, ids) in sent)
        {
            var positions = ids.Select(id => position[routedId[keyOf[id]]]).ToList();
            Assert.True(positions.SequenceEqual(positions.Order()), $"{pair}: recorded out of send order: {string.Join(' ', positions)}");
        }
    }

    private async Task<DbConnection> OpenDatabaseAsync()
    {
        DbConnection connection = Postgres is { } postgres
            ? new NpgsqlConnection(postgres.ConnectionString())
            : new SqliteConnection($"Data Source={Database};Mode=ReadOnly");
        await connection.OpenAsync();
        return connection;
    }

    private sealed record Posted(string Id);
}
