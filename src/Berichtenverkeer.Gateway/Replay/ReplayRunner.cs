using System.Diagnostics;
using System.Globalization;
using Berichtenverkeer.Audit.Pseudonyms;
using Berichtenverkeer.Gateway.Audit;
using Berichtenverkeer.Gateway.Hosting;
using Berichtenverkeer.Gateway.Ingress;
using Berichtenverkeer.Gateway.Outbox;
using Berichtenverkeer.Processing;
using Berichtenverkeer.Processing.Ledger;
using Berichtenverkeer.ReferenceData.Import;
using Berichtenverkeer.Signals;
using Berichtenverkeer.Store;

namespace Berichtenverkeer.Gateway.Replay;

/// <param name="Folder">Messages, processed in file-name order.</param>
/// <param name="ReferenceFolder">CSV reference data (contracten, beschikkingen, budgetten, gemeenten, productcodes), or null.</param>
/// <param name="Today">The system date level-4 rules use, so results are reproducible.</param>
/// <param name="OutFolder">answers/, routed/, errors/, audit.jsonl, summary.json, the SQLite state (with its audit trail) and audit-checkpoints.jsonl.</param>
public sealed record ReplayOptions(string Folder, string? ReferenceFolder, DateOnly Today, string OutFolder);

/// <summary>
/// Runs a folder of messages through the real gateway on the embedded default (MassTransit in-memory transport,
/// SQLite): the same ingress, partitions, consumers, pipeline and outbox as production, with deliveries written to
/// folders. The sender is trusted to be each message's Afzender, as for an archive.
/// </summary>
public static class ReplayRunner
{
    /// <summary>Enough to keep every partition busy; small enough that nothing waiting grows with the folder.</summary>
    private const int MaxInFlight = 512;

    public static async Task<ReplaySummary> RunAsync(ReplayOptions options, CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        var files = Directory.EnumerateFiles(options.Folder, "*.xml", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .ToList();
        Directory.CreateDirectory(options.OutFolder);
        var database = Path.Combine(options.OutFolder, "berichtenverkeer.db");
        foreach (var stale in new[] { database, database + "-wal", database + "-shm" })
        {
            File.Delete(stale);
        }

        using var sink = new FolderDeliverySink(options.OutFolder);
        var app = await GatewayHost.BuildAsync([], builder =>
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Gateway:Transport"] = nameof(Transport.InMemory),
                ["Gateway:Today"] = options.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["StateStore:Provider"] = StateStoreOptions.Sqlite,
                ["StateStore:ConnectionString"] = $"Data Source={database}",
                ["Logging:LogLevel:Default"] = "Warning",
                ["AuditTrail:CheckpointFolder"] = options.OutFolder,
            });
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            // An instance registration: the container must not dispose the sink when a dispatch scope ends.
            builder.Services.AddSingleton<IDeliverySink>(sink);
        });

        await using (app)
        {
            var store = app.Services.GetRequiredService<IGatewayStore>();
            var referenceRows = 0;
            if (options.ReferenceFolder is { } referenceFolder)
            {
                var report = await ReferenceImporter.ImportFolderAsync(referenceFolder, store, cancellationToken);
                if (!report.Succeeded)
                {
                    throw new InvalidDataException("The reference data does not import:" + Environment.NewLine + string.Join(Environment.NewLine, report.Errors));
                }

                referenceRows = report.Counts.Values.Sum();
                app.Services.GetRequiredService<ReferenceCache>().Invalidate();
            }

            await app.StartAsync(cancellationToken);
            var ingress = app.Services.CreateScope().ServiceProvider.GetRequiredService<IngressService>();
            var midnight = new DateTimeOffset(options.Today.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            var ledger = app.Services.GetRequiredService<IMessageLedger>();
            var tally = new ReplayTally();

            // Back-pressure: at most MaxInFlight messages submitted and not yet in the ledger, so neither the bus's
            // queues nor anything else grows with the size of the folder. Each is counted, then dropped.
            var inFlight = new Queue<string>(MaxInFlight + 1);
            for (var i = 0; i < files.Count; i++)
            {
                var id = $"replay-{i + 1:D7}";
                var content = await File.ReadAllBytesAsync(files[i], cancellationToken);
                await ingress.ReceiveAsync(new InboundMessage(id, content, "replay", null, midnight.AddMilliseconds(i), Path.GetFileName(files[i])), cancellationToken);
                inFlight.Enqueue(id);
                while (inFlight.Count > MaxInFlight)
                {
                    tally.Add(await WaitForAsync(ledger, inFlight.Dequeue(), cancellationToken));
                }
            }

            while (inFlight.Count > 0)
            {
                tally.Add(await WaitForAsync(ledger, inFlight.Dequeue(), cancellationToken));
            }

            await DrainOutboxAsync(app.Services.GetRequiredService<IMessageLedger>(), cancellationToken);

            // Every event in audit.jsonl is in the trail too; the checkpoint at stop then records the final head.
            await TrailFeeder.DrainAsync(store, 500, TimeProvider.System, cancellationToken);
            var signals = await WriteSignalsAsync(app.Services, tally.Gemeenten, options, cancellationToken);
            await app.StopAsync(cancellationToken);
            sink.Complete();

            var summary = tally.Summarise(options.Today, Stopwatch.GetElapsedTime(started), referenceRows) with { Signals = signals };
            await File.WriteAllTextAsync(Path.Combine(options.OutFolder, "summary.json"), summary.ToJson(), cancellationToken);
            return summary;
        }
    }

    /// <summary>
    /// The period-level fraud-suspicion rules over everything the replay established, written to signals.jsonl.
    /// Signals are events only: they never changed an answer (OP364/OP095).
    /// </summary>
    private static async Task<SortedDictionary<string, int>> WriteSignalsAsync(IServiceProvider services, IReadOnlyList<string> gemeenten, ReplayOptions options, CancellationToken cancellationToken)
    {
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var path = Path.Combine(options.OutFolder, "signals.jsonl");
        if (gemeenten.Count == 0 || services.GetRequiredService<IGatewayStore>() is not RelationalStore store)
        {
            await File.WriteAllTextAsync(path, string.Empty, cancellationToken);
            return counts;
        }

        var source = await store.LoadSignalSourceAsync(gemeenten, DateOnly.MinValue, options.Today, cancellationToken);
        var from = source.Prestaties.Select(p => p.ProductPeriode.Begindatum).DefaultIfEmpty(options.Today).Min();
        var batch = new SignalEngine().Evaluate(
            new SignalInput
            {
                Assignments = source.Assignments,
                Regie = source.Regie,
                Prestaties = source.Prestaties,
                Declarations = source.Declarations,
                Messages = source.Messages,
                Reference = await store.LoadReferenceSetAsync(cancellationToken),
                Pseudonymizer = services.GetRequiredService<BsnPseudonymizer>(),
            },
            new DateOnly(from.Year, from.Month, 1),
            options.Today);
        await SignalJson.WriteJsonlAsync(path, batch.Signals, cancellationToken);
        foreach (var signal in batch.Signals)
        {
            counts[signal.RuleId] = counts.GetValueOrDefault(signal.RuleId) + 1;
        }

        return counts;
    }

    private static async Task<LedgerRecord> WaitForAsync(IMessageLedger ledger, string id, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.GetTimestamp() + (Stopwatch.Frequency * 300);
        LedgerRecord? record;
        while ((record = await ledger.FindAsync(id, cancellationToken)) is null)
        {
            if (Stopwatch.GetTimestamp() > deadline)
            {
                throw new TimeoutException($"Message {id} was not processed within 5 minutes; see the error queue.");
            }

            await Task.Delay(5, cancellationToken);
        }

        return record;
    }

    private static async Task DrainOutboxAsync(IMessageLedger ledger, CancellationToken cancellationToken)
    {
        while ((await ledger.PendingAsync(1, cancellationToken)).Count > 0)
        {
            await Task.Delay(10, cancellationToken);
        }
    }
}
