using Berichtenverkeer.Gateway.Messaging;
using Berichtenverkeer.Processing.Ledger;
using Berichtenverkeer.Processing.Routing;
using Berichtenverkeer.Store;
using Microsoft.Data.Sqlite;

namespace Berichtenverkeer.Gateway.Tests.Support;

/// <summary>
/// What every RabbitMQ test has: the shared broker, a queue prefix of its own (so tests never see each other's
/// queues, on a developer's broker either), a temporary folder with the SQLite file, a client to look into the
/// queues, and clean-up of all of it.
/// </summary>
[Collection(RabbitMqCollection.Name)]
public abstract class RabbitMqTest(RabbitMqBroker broker) : IAsyncLifetime
{
    private readonly List<GatewayInstance> _gateways = [];
    private readonly List<IAsyncDisposable> _disposables = [];
    private readonly List<string> _extraQueues = [];
    private DirectoryInfo _folder = null!;

    protected RabbitMqBroker Broker { get; } = broker;

    protected string Prefix { get; } = "bvt-" + Guid.NewGuid().ToString("N")[..10];

    protected int Partitions { get; set; } = 4;

    protected string Database => Path.Combine(_folder.FullName, "gateway.db");

    protected BrokerQueues Queues { get; private set; } = null!;

    public virtual Task InitializeAsync()
    {
        _folder = Directory.CreateTempSubdirectory("bvgw-");
        Queues = new BrokerQueues(Broker.Uri);
        return Task.CompletedTask;
    }

    public virtual async Task DisposeAsync()
    {
        foreach (var gateway in _gateways)
        {
            await gateway.DisposeAsync();
        }

        foreach (var disposable in _disposables)
        {
            await disposable.DisposeAsync();
        }

        var queues = Enumerable.Range(0, Partitions).Select(p => QueueNames.Process(p, Prefix))
            .Append(QueueNames.InboundFor(Prefix))
            .Concat(GatewayInstance.Parties.Select(p => QueueNames.Party(p, Prefix)))
            .SelectMany(q => new[] { q, q + "_error", q + "_skipped" })
            .Concat(_extraQueues);
        if (RabbitMqBroker.SkipReason is null)
        {
            // Without a broker (a newcomer's machine) the broker tests were skipped and there is nothing to delete.
            await Queues.DeleteAsync(queues);
        }

        await Queues.DisposeAsync();
        SqliteConnection.ClearAllPools();
        _folder.Delete(recursive: true);
    }

    /// <summary>Queues a test declares itself, deleted with the gateway's.</summary>
    protected string ExtraQueue(string suffix)
    {
        var name = $"{Prefix}-{suffix}";
        _extraQueues.Add(name);
        return name;
    }

    protected string PartyQueue(string party) => QueueNames.Party(party, Prefix);

    protected string ProcessQueue(int partition) => QueueNames.Process(partition, Prefix);

    /// <summary>
    /// Starts a gateway on this test's prefix and database; <paramref name="broker"/> defaults to the fixture's,
    /// <paramref name="configuration"/> replaces default settings.
    /// </summary>
    protected async Task<GatewayInstance> StartGatewayAsync(
        Uri? broker = null,
        Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? services = null,
        IReadOnlyDictionary<string, string?>? configuration = null)
    {
        var gateway = await GatewayInstance.StartAsync(new GatewaySettings(broker ?? Broker.Uri, Prefix, Database) { Partitions = Partitions, Services = services, Configuration = configuration });
        _gateways.Add(gateway);
        return gateway;
    }

    protected T Track<T>(T disposable)
        where T : IAsyncDisposable
    {
        _disposables.Add(disposable);
        return disposable;
    }

    /// <summary>A store of the test's own on the gateway's SQLite file: it outlives the gateways.</summary>
    protected SqliteStateStore OpenLedger() => Track(new SqliteStateStore(new StateStoreOptions { ConnectionString = Database }));

    /// <summary>The ledger's message ids in the order they were recorded (SQLite has one writer: rowid order is commit order).</summary>
    protected List<string> RecordedOrder()
    {
        using var connection = new SqliteConnection($"Data Source={Database};Mode=ReadOnly");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT message_id FROM ledger ORDER BY rowid";
        using var reader = command.ExecuteReader();
        var ids = new List<string>();
        while (reader.Read())
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    /// <summary>Waits until every id is in the ledger and returns their records.</summary>
    protected static async Task<List<LedgerRecord>> RecordsAsync(IMessageLedger ledger, IReadOnlyCollection<string> ids, TimeSpan? timeout = null)
    {
        var records = new Dictionary<string, LedgerRecord>();
        await Eventually.UntilAsync(
            async () =>
            {
                foreach (var id in ids.Where(id => !records.ContainsKey(id)))
                {
                    if (await ledger.FindAsync(id) is { } record)
                    {
                        records[id] = record;
                    }
                }

                return records.Count == ids.Count;
            },
            $"{ids.Count} messages to be recorded",
            timeout);
        return ids.Select(id => records[id]).ToList();
    }

    /// <summary>Waits until the outbox has handed everything to the broker.</summary>
    protected static Task OutboxDrainedAsync(IMessageLedger ledger) =>
        Eventually.UntilAsync(async () => (await ledger.PendingAsync(1)).Count == 0, "the outbox to be dispatched");

    /// <summary>Every delivery taken from the parties' queues, keyed by delivery id (at least once: copies share their id).</summary>
    protected async Task<List<QueuedMessage>> TakeDeliveriesAsync(params string[] parties)
    {
        var all = new List<QueuedMessage>();
        foreach (var party in parties)
        {
            all.AddRange(await Queues.TakeAllAsync(PartyQueue(party)));
        }

        return all;
    }

    protected static bool IsRouted(QueuedMessage m) => m.Text("kind") == nameof(DeliveryKind.Routed);
}
