using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Berichtenverkeer.Audit.Events;
using Berichtenverkeer.Audit.Trail;
using Berichtenverkeer.Gateway.Hosting;
using Berichtenverkeer.Gateway.Outbox;
using Berichtenverkeer.Gateway.Tests.Support;
using Berichtenverkeer.Processing.Ledger;
using Berichtenverkeer.Processing.Routing;
using Berichtenverkeer.Store;
using Berichtenverkeer.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Berichtenverkeer.Gateway.Tests.Audit;

/// <summary>
/// The gateway on the embedded default (MassTransit in-memory transport, SQLite file) with its audit trail wired as in
/// production, checkpoints into a folder of the test. What the outbox publishes is captured in <see cref="Published"/>,
/// as the bus's subscribers would see it.
/// </summary>
internal sealed class EmbeddedGateway : IAsyncDisposable
{
    public const string AuditorKey = "key-auditor";
    public const string AuditorParty = "AUD1";

    private readonly WebApplication _app;
    private bool _stopped;

    private EmbeddedGateway(WebApplication app, Uri address, CapturingSink sink)
    {
        _app = app;
        Sink = sink;
        Http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
    }

    public HttpClient Http { get; }

    public CapturingSink Sink { get; }

    public IGatewayStore Store => _app.Services.GetRequiredService<IGatewayStore>();

    public static async Task<EmbeddedGateway> StartAsync(string database, string checkpointFolder, IDictionary<string, string?>? extra = null)
    {
        var config = new Dictionary<string, string?>
        {
            ["Gateway:Transport"] = nameof(Transport.InMemory),
            ["Gateway:Partitions"] = "2",
            ["Gateway:Today"] = Traffic.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["Gateway:PseudonymKey"] = GatewayInstance.PseudonymKey,
            ["Gateway:OutboxPollInterval"] = "00:00:00.050",
            ["Gateway:ApiKeys:key-0363"] = Traffic.Gemeente,
            ["Gateway:ApiKeys:key-12345678"] = Traffic.Agb,
            [$"Gateway:ApiKeys:{AuditorKey}"] = AuditorParty,
            [$"Gateway:Roles:{AuditorParty}"] = "Auditor",
            ["StateStore:Provider"] = StateStoreOptions.Sqlite,
            ["StateStore:ConnectionString"] = $"Data Source={database}",
            ["AuditTrail:CheckpointFolder"] = checkpointFolder,
            ["AuditTrail:CheckpointInterval"] = "00:00:00.200",
            ["AuditTrail:FeedInterval"] = "00:00:00.100",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            config[key] = value;
        }

        var sink = new CapturingSink();
        var app = await GatewayHost.BuildAsync([], builder =>
        {
            builder.Configuration.AddInMemoryCollection(config);
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Services.AddSingleton<IDeliverySink>(sink);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new EmbeddedGateway(app, new Uri(address), sink);
    }

    /// <summary>Posts a message as <paramref name="party"/> and waits until the gateway has recorded its verdict.</summary>
    public async Task<LedgerRecord> ProcessAsync(string xml, string party)
    {
        using var content = new ByteArrayContent(Traffic.Utf8(xml));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/xml");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/messages") { Content = content };
        request.Headers.Add("X-Api-Key", "key-" + party);
        using var response = await Http.SendAsync(request);
        var id = (await response.Content.ReadFromJsonAsync<Posted>())!.Id;
        var ledger = _app.Services.GetRequiredService<IMessageLedger>();
        return await Eventually.ValueAsync(() => ledger.FindAsync(id), $"message {id} processed");
    }

    /// <summary>Waits until the trail holds <paramref name="auditEvents"/> audit-event entries, and returns the whole trail.</summary>
    public async Task<IReadOnlyList<AuditTrailEntry>> SettledTrailAsync(int auditEvents)
    {
        IReadOnlyList<AuditTrailEntry> entries = [];
        await Eventually.UntilAsync(
            async () => (entries = await Store.ReadTrailAsync(1, 100_000)).Count(e => e.Kind == TrailKind.AuditEvent) >= auditEvents,
            $"{auditEvents} audit events in the trail");
        return entries;
    }

    public async Task StopAsync()
    {
        if (_stopped)
        {
            return;
        }

        _stopped = true;
        Http.Dispose();
        var store = Store;
        await _app.StopAsync();
        await _app.DisposeAsync();
        await store.DisposeAsync();
        SqliteConnection.ClearAllPools();
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private sealed record Posted(string Id);

    /// <summary>Deliveries are dropped; audit events are kept in publication order.</summary>
    internal sealed class CapturingSink : IDeliverySink
    {
        private readonly ConcurrentQueue<AuditEvent> _published = new();

        public IReadOnlyCollection<AuditEvent> Published => _published;

        public Task DeliverAsync(Delivery delivery, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task PublishAsync(AuditEvent auditEvent, CancellationToken cancellationToken)
        {
            _published.Enqueue(auditEvent);
            return Task.CompletedTask;
        }
    }
}
