using Berichtenverkeer.Audit.Events;
using Berichtenverkeer.Audit.Trail;

namespace Berichtenverkeer.Audit.Tests.Support;

/// <summary>A clock the test moves by hand.</summary>
public sealed class ManualTime(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;

    public override DateTimeOffset GetUtcNow() => Now;

    public void Advance(TimeSpan by) => Now += by;
}

/// <summary>Audit events and trails to start from.</summary>
public static class Fixtures
{
    public static readonly DateTimeOffset Start = new(2026, 3, 10, 8, 0, 0, TimeSpan.Zero);

    public static AuditEvent EventNo(int i, string step = AuditStep.Received) => new()
    {
        Step = step,
        MessageId = $"msg-{i}",
        MessageType = "JW323",
        Afzender = "12345678",
        Ontvanger = "0363",
        Identificatie = $"ID-{i}",
        At = Start.AddMinutes(i),
        ContentHash = new string('a', 64),
        RuleCodes = i % 3 == 0 ? ["0200", "8001"] : [],
        ClientPseudonyms = [$"p-{i:x32}"],
        Detail = i % 2 == 0 ? "via http" : "naar \"gemeente\" — 0363\n",
    };

    public static IEnumerable<AuditEvent> AuditEvents(int count, int from = 1) => Enumerable.Range(from, count).Select(i => EventNo(i));

    /// <summary>An in-memory trail with <paramref name="count"/> audit events, appended one batch of 5 at a time, a minute apart.</summary>
    public static async Task<(InMemoryAuditTrailStore Store, AuditTrail Trail, ManualTime Time)> TrailAsync(int count)
    {
        var store = new InMemoryAuditTrailStore();
        var time = new ManualTime(Start);
        var trail = new AuditTrail(store, store, time: time);
        for (var i = 1; i <= count; i += 5)
        {
            await trail.AppendAsync(AuditEvents(Math.Min(5, count - i + 1), i));
            time.Advance(TimeSpan.FromMinutes(1));
        }

        return (store, trail, time);
    }

    /// <summary>The JSON Lines of the entries, one string per line.</summary>
    public static List<string> Lines(IEnumerable<AuditTrailEntry> entries) => entries.Select(TrailJsonLines.Line).ToList();

    public static TrailVerification Verify(IEnumerable<string> lines, IEnumerable<AuditCheckpoint>? checkpoints = null) =>
        AuditVerifier.Verify(new StringReader(string.Join('\n', lines) + "\n"), checkpoints);

    /// <summary>A fresh temp folder, removed on dispose.</summary>
    public sealed class TempFolder : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("bv-audit-cli-").FullName;

        public string File(string name) => System.IO.Path.Combine(Path, name);

        public void Dispose()
        {
            try
            {
                Directory.Delete(Path, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}
