using Berichtenverkeer.Audit.Events;
using Berichtenverkeer.Audit.Trail;
using Berichtenverkeer.Gateway.Audit;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Berichtenverkeer.Gateway.Tests.Audit;

/// <summary>The host's retention job: entries older than the configured years go, an anchor stays, the rest verifies.</summary>
public sealed class RetentionServiceTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 10, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task entries_older_than_the_retention_years_are_deleted_behind_an_anchor_and_the_rest_verifies()
    {
        var store = new InMemoryAuditTrailStore();
        var time = new SettableTime { Now = Start };
        var trail = new AuditTrail(store, null, null, time);
        await trail.AppendAsync([Event("m-1"), Event("m-2")]);
        var old = await trail.CheckpointAsync();
        time.Now = Start.AddYears(3);
        await trail.AppendAsync([Event("m-3")]);
        time.Now = Start.AddYears(6).AddDays(1);
        var service = Service(store, time, years: 6);

        var outcome = await service.RunOnceAsync(CancellationToken.None);

        Assert.Equal((1L, 2L), (outcome!.Removed.FirstSequence, outcome.Removed.LastSequence));
        var rest = await store.ReadTrailAsync(1, 100);
        Assert.Equal([3L, 4L], rest.Select(e => e.Sequence));
        Assert.True(AuditVerifier.Verify(rest, [old!]).Intact);
        Assert.Null(await service.RunOnceAsync(CancellationToken.None));
    }

    [Fact]
    public void fewer_than_five_years_is_refused_at_start()
    {
        var options = new AuditTrailHostOptions { RetentionYears = 4 };
        var results = new List<System.ComponentModel.DataAnnotations.ValidationResult>();

        var valid = System.ComponentModel.DataAnnotations.Validator.TryValidateObject(options, new(options), results, validateAllProperties: true);

        Assert.False(valid);
        Assert.Contains(results, r => r.MemberNames.Contains(nameof(AuditTrailHostOptions.RetentionYears)));
    }

    private static RetentionService Service(IAuditTrailStore store, TimeProvider time, int years) =>
        new(store, Options.Create(new AuditTrailHostOptions { RetentionYears = years }), time, NullLogger<RetentionService>.Instance);

    private static AuditEvent Event(string messageId) => new()
    {
        Step = AuditStep.Received,
        MessageId = messageId,
        At = Start,
        ContentHash = new string('a', 64),
    };

    private sealed class SettableTime : TimeProvider
    {
        public DateTimeOffset Now { get; set; }

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
