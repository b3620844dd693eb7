using System.Text.Json;
using Berichtenverkeer.Audit.Events;
using Berichtenverkeer.Audit.Trail;

namespace Berichtenverkeer.Cli.Tests.Audit;

/// <summary>A replay leaves an audit trail in its database that verifies, against the checkpoint in its folder, and holds exactly audit.jsonl.</summary>
public sealed class ReplayTrailTests
{
    [Fact]
    public void the_trail_of_a_replay_verifies_against_its_checkpoint_and_holds_every_event_of_audit_jsonl_once()
    {
        using var folder = new TempFolder();
        var order = new[] { "JW315", "JW301", "JW305", "JW323", "JW317" };
        for (var i = 0; i < order.Length; i++)
        {
            folder.Write($"in/{i + 1:D2}-{order[i]}.xml", Samples.Text($"{order[i]}.xml"));
        }

        folder.Write("in/06-not-xml.xml", Samples.NotXml);
        var output = Path.Combine(folder.Path, "out");
        Assert.Equal(0, CliRun.Of("replay", Path.Combine(folder.Path, "in"), "--today", "2026-03-10", "--out", output).ExitCode);
        var trail = Path.Combine(output, "trail.jsonl");
        var checkpoints = Path.Combine(output, FileCheckpointSink.DefaultFileName);

        Assert.Equal(0, CliRun.Of("audit", "export", "--db", Path.Combine(output, "berichtenverkeer.db"), "--out", trail).ExitCode);
        var verify = CliRun.Of("audit", "verify", trail, "--checkpoints", checkpoints);

        Assert.Equal(0, verify.ExitCode);
        Assert.Contains("checkpoints matched", verify.Out, StringComparison.Ordinal);
        Assert.DoesNotContain(" 0 of", verify.Out, StringComparison.Ordinal);
        var published = File.ReadAllLines(Path.Combine(output, "audit.jsonl")).Select(CanonicalJson.Canonicalize).Order(StringComparer.Ordinal).ToList();
        var trailed = File.ReadAllLines(trail)
            .Select(l => JsonDocument.Parse(l).RootElement)
            .Where(e => e.GetProperty("kind").GetString() == "audit-event")
            .Select(e => e.GetProperty("payload").GetRawText())
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.Equal(6, published.Select(p => AuditJson.Deserialize(p).MessageId).Distinct().Count());
        Assert.Equal(published, trailed);
    }
}
