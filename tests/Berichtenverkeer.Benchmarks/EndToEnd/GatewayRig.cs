using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Berichtenverkeer.Contracts;
using Berichtenverkeer.Gateway.Hosting;
using Berichtenverkeer.Gateway.Messaging;
using Berichtenverkeer.Gateway.Telemetry;
using Berichtenverkeer.ReferenceData.Import;
using Berichtenverkeer.Store;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Berichtenverkeer.Benchmarks.EndToEnd;

/// <summary>
/// The real gateway (<see cref="GatewayHost.BuildAsync"/>) on RabbitMQ and PostgreSQL, in production shape (quorum
/// queues, publisher confirms, single active consumer per partition), under a unique queue prefix and schema; and an
/// observer bus that reads every party's outbound queue, as the parties' systems would, to see each message come out.
/// </summary>
public sealed class GatewayRig : IAsyncDisposable
{
    private const string PseudonymKey = "AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA=";

    private readonly BrokerEnvironment _env;
    private readonly string _schema;
    private readonly string[] _parties;
    private readonly MeterListener _listener = new();
    private readonly List<double> _processingMs = [];
    private readonly List<double> _ingressMs = [];
    private readonly object _sync = new();
    private WebApplication? _app;
    private IBusControl? _observer;
    private HttpClient? _http;

    private GatewayRig(BrokerEnvironment env, string[] parties, int partitions)
    {
        _env = env;
        _parties = parties;
        Partitions = partitions;
        var suffix = BrokerEnvironment.UniqueSuffix();
        Prefix = "bench-gw-" + suffix;
        _schema = "bench_gw_" + suffix;
    }

    public string Prefix { get; }

    public int Partitions { get; }

    public CompletionTracker Tracker { get; } = new();

    public static async Task<GatewayRig> StartAsync(BrokerEnvironment env, EndToEndTraffic traffic, int partitions)
    {
        var rig = new GatewayRig(env, [.. traffic.Parties], partitions);
        try
        {
            await rig.StartAsync(traffic);
            return rig;
        }
        catch
        {
            await rig.DisposeAsync();
            throw;
        }
    }

    private async Task StartAsync(EndToEndTraffic traffic)
    {
        await QueueCleanup.CreateSchemaAsync(_env.Postgres, _schema);
        var config = new Dictionary<string, string?>
        {
            ["Gateway:Transport"] = nameof(Transport.RabbitMq),
            ["ConnectionStrings:RabbitMq"] = _env.RabbitMq.ToString(),
            ["Gateway:QueuePrefix"] = Prefix,
            ["Gateway:Partitions"] = Partitions.ToString(CultureInfo.InvariantCulture),
            ["Gateway:Today"] = traffic.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["Gateway:PseudonymKey"] = PseudonymKey,
            ["StateStore:Provider"] = StateStoreOptions.Postgres,
            ["StateStore:ConnectionString"] = QueueCleanup.WithSchema(_env.Postgres, _schema),
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:MassTransit"] = "Error",
        };
        foreach (var party in _parties)
        {
            config[$"Gateway:ApiKeys:key-{party}"] = party;
        }

        // The observer's queues exist before the gateway's first delivery, so nothing is routed to a queue-less exchange.
        _observer = Bus.Factory.CreateUsingRabbitMq(cfg =>
        {
            cfg.Host(_env.RabbitMq);
            foreach (var party in _parties)
            {
                cfg.ReceiveEndpoint(QueueNames.Party(party, Prefix), e =>
                {
                    e.ConfigureConsumeTopology = false;
                    e.PrefetchCount = 64;
                    e.Handler<IjwDelivery>(ctx =>
                    {
                        Tracker.Arrived(ctx.Message.MessageId);
                        return Task.CompletedTask;
                    });
                });
            }
        });
        await _observer.StartAsync();

        _app = await GatewayHost.BuildAsync([], builder =>
        {
            builder.Configuration.AddInMemoryCollection(config);
            builder.WebHost.UseUrls("http://127.0.0.1:0");
        });
        var report = await ReferenceImporter.ImportFolderAsync(traffic.ReferenceFolder, _app.Services.GetRequiredService<IGatewayStore>());
        if (!report.Succeeded)
        {
            throw new InvalidDataException("The generated reference data does not import: " + string.Join("; ", report.Errors.Take(5)));
        }

        _app.Services.GetRequiredService<ReferenceCache>().Invalidate();
        ListenToProcessingTime();
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        _http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 512 }) { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(120) };
    }

    /// <summary>POST /messages as the message's sender; the gateway's message id, which its deliveries carry.</summary>
    public async Task<string> SendAsync(OfferedMessage message, int index)
    {
        var started = Stopwatch.GetTimestamp();
        using var content = new ByteArrayContent(message.Content);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/xml");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/messages") { Content = content };
        request.Headers.Add("X-Api-Key", "key-" + message.Afzender);
        using var response = await _http!.SendAsync(request);
        if (response.StatusCode is not (HttpStatusCode.Accepted or HttpStatusCode.UnprocessableEntity))
        {
            throw new HttpRequestException($"POST /messages answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }

        var body = await response.Content.ReadFromJsonAsync<PostResult>() ?? throw new InvalidDataException("POST /messages answered no id.");
        lock (_sync)
        {
            _ingressMs.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        return body.Id;
    }

    /// <summary>Mean HTTP ingress time (store the bytes, send the command with confirm, level 1) and consumer time, since the last call.</summary>
    public (double IngressMs, double ProcessingMs) TakeStageMeans()
    {
        lock (_sync)
        {
            var result = (_ingressMs.DefaultIfEmpty(double.NaN).Average(), _processingMs.DefaultIfEmpty(double.NaN).Average());
            _ingressMs.Clear();
            _processingMs.Clear();
            return result;
        }
    }

    /// <summary>The gateway's own histogram of consumer time: claim load, validation, matching and store commit.</summary>
    private void ListenToProcessingTime()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == GatewayTelemetry.Name && instrument.Name == "berichtenverkeer.processing.duration")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<double>((_, value, _, _) =>
        {
            lock (_sync)
            {
                _processingMs.Add(value);
            }
        });
        _listener.Start();
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Dispose();
        _http?.Dispose();
        if (_app is not null)
        {
            var store = _app.Services.GetRequiredService<IGatewayStore>();
            await _app.StopAsync();
            await _app.DisposeAsync();
            await store.DisposeAsync();
        }

        if (_observer is not null)
        {
            await _observer.StopAsync();
        }

        var queues = Enumerable.Range(0, Partitions).Select(p => QueueNames.Process(p, Prefix))
            .Append(QueueNames.InboundFor(Prefix))
            .Concat(_parties.Select(p => QueueNames.Party(p, Prefix)));
        await QueueCleanup.DeleteQueuesAsync(_env.RabbitMq, queues);
        await QueueCleanup.DropSchemaAsync(_env.Postgres, _schema);
    }

    private sealed record PostResult(string Id);
}
