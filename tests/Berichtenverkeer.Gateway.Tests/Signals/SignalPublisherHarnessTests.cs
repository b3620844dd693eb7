using Berichtenverkeer.Contracts;
using Berichtenverkeer.Gateway.Hosting;
using Berichtenverkeer.Gateway.Signals;
using Berichtenverkeer.Signals;
using Berichtenverkeer.Signals.Exceptions;
using Berichtenverkeer.Store;
using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Berichtenverkeer.Gateway.Tests.Signals;

/// <summary><see cref="SignalPublisher"/> on MassTransit's test harness over a real in-memory SQLite store.</summary>
public sealed class SignalPublisherHarnessTests : IAsyncLifetime
{
    private static readonly DateTimeOffset At = new(2026, 3, 10, 8, 0, 0, TimeSpan.Zero);

    private SqliteStateStore _store = null!;
    private ServiceProvider _provider = null!;
    private ITestHarness _harness = null!;
    private SignalPublisher _publisher = null!;

    public async Task InitializeAsync()
    {
        _store = SqliteStateStore.InMemory();
        await _store.MigrateAsync();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddMassTransitTestHarness();
        _provider = services.BuildServiceProvider(validateScopes: true);
        _harness = _provider.GetRequiredService<ITestHarness>();
        await _harness.Start();
        _publisher = new SignalPublisher(
            _store, _harness.Bus, new SignalsRaised(), TimeProvider.System, Options.Create(new GatewayOptions()), Options.Create(new SignalRuntimeOptions()),
            NullLogger<SignalPublisher>.Instance);
    }

    public async Task DisposeAsync()
    {
        await _harness.Stop();
        await _provider.DisposeAsync();
        await _store.DisposeAsync();
    }

    [Fact]
    public async Task a_saved_signal_is_published_once_with_its_fields_and_a_message_id_derived_from_its_id()
    {
        var signal = Fr14();
        await _store.SaveSignalsAsync([signal], At);

        Assert.Equal(1, await _publisher.PublishOnceAsync(CancellationToken.None));
        Assert.Equal(0, await _publisher.PublishOnceAsync(CancellationToken.None));
        await _store.SaveSignalsAsync([signal], At.AddHours(1));
        Assert.Equal(0, await _publisher.PublishOnceAsync(CancellationToken.None));

        var published = Assert.Single(_harness.Published.Select<FraudSignalRaised>());
        var e = published.Context.Message;
        Assert.Equal(SignalPublisher.StableId(signal.Id), published.Context.MessageId);
        Assert.Equal((signal.Id, "FR14", 1, "C", "FraudInvestigation", "0363", "12345678"), (e.SignalId, e.RuleId, e.RuleVersion, e.Severity, e.Stage, e.Gemeente, e.Agb));
        Assert.Equal((signal.Client, signal.PeriodFrom, signal.PeriodTo, signal.Description, At), (e.ClientPseudonym, e.PeriodFrom, e.PeriodTo, e.Description, e.RaisedAt));
        Assert.Equal(signal.MessageIds, e.MessageIds);
        Assert.Equal(signal.Values, e.Values);
        Assert.NotNull((await _store.FindStoredSignalAsync(signal.Id))!.PublishedAt);
    }

    [Fact]
    public async Task a_publish_that_fails_leaves_the_signal_unpublished_for_the_next_round()
    {
        var signal = Fr14();
        await _store.SaveSignalsAsync([signal], At);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _publisher.PublishOnceAsync(cancelled.Token));

        Assert.Null((await _store.FindStoredSignalAsync(signal.Id))!.PublishedAt);
        Assert.Equal(1, await _publisher.PublishOnceAsync(CancellationToken.None));
    }

    private static Signal Fr14() => new()
    {
        Id = Signal.MakeId("FR14", 1, ["0363", "12345678", "pseudo", "prestatie", "2026-01-15"]),
        RuleId = "FR14",
        RuleVersion = 1,
        Severity = Severity.C,
        Stage = ControlStage.FraudInvestigation,
        Gemeente = "0363",
        Agb = "12345678",
        Client = "pseudo-abc",
        MessageIds = ["m-1", "m-2"],
        ContentHashes = [new string('b', 64)],
        Values = new SortedDictionary<string, double>(StringComparer.Ordinal) { ["bedrag"] = 225000, ["dagenNaOverlijden"] = 16 },
        Description = "Provider 12345678 was paid after the client was reported deceased.",
        PeriodFrom = new DateOnly(2026, 1, 16),
        PeriodTo = new DateOnly(2026, 1, 31),
    };
}
