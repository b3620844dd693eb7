using System.Text.Json;

namespace Berichtenverkeer.Cli.Tests;

/// <summary>The replay and run commands drive the real gateway on the embedded default and leave their output in folders.</summary>
public sealed class ReplayCommandTests
{
    [Fact]
    public void replay_of_a_trajectory_answers_every_heen_message_routes_it_and_audits_it()
    {
        using var folder = new TempFolder();
        var order = new[] { "JW315", "JW301", "JW305", "JW323", "JW317", "JW307" };
        for (var i = 0; i < order.Length; i++)
        {
            folder.Write($"in/{i + 1:D2}-{order[i]}.xml", Samples.Text($"{order[i]}.xml"));
        }

        folder.Write("in/07-not-xml.xml", "this is not a message");
        var output = Path.Combine(folder.Path, "out");

        var run = CliRun.Of("replay", Path.Combine(folder.Path, "in"), "--today", "2026-03-10", "--out", output);

        Assert.Equal(0, run.ExitCode);
        var answers = Directory.GetFiles(Path.Combine(output, "answers")).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(["01-JW315.JW316.xml", "02-JW301.JW302.xml", "03-JW305.JW306.xml", "04-JW323.JW325.xml", "05-JW317.JW318.xml", "06-JW307.JW308.xml"], answers);
        Assert.True(File.Exists(Path.Combine(output, "routed", "12345678", "02-JW301.xml")));
        Assert.True(File.Exists(Path.Combine(output, "routed", "0363", "04-JW323.xml")));
        Assert.True(File.Exists(Path.Combine(output, "errors", "07-not-xml.error.json")));
        Assert.True(File.Exists(Path.Combine(output, "signals.jsonl")));

        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "summary.json")));
        Assert.Equal(7, summary.RootElement.GetProperty("messages").GetInt32());
        Assert.Equal(6, summary.RootElement.GetProperty("byDisposition").GetProperty("Routed").GetInt32());
        Assert.Equal(1, summary.RootElement.GetProperty("byDisposition").GetProperty("Invalid").GetInt32());

        var audit = File.ReadAllLines(Path.Combine(output, "audit.jsonl"));
        Assert.Contains(audit, l => l.Contains("\"step\":\"answered\"", StringComparison.Ordinal));
        Assert.DoesNotContain(audit, l => l.Contains("999900006", StringComparison.Ordinal));
        Assert.Contains("JW323", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void replay_without_out_is_a_usage_error()
    {
        Assert.Equal(2, CliRun.Of("replay", Samples.Folder).ExitCode);
    }

    [Fact]
    public void run_generates_a_sample_and_puts_it_through_the_gateway()
    {
        using var folder = new TempFolder();

        var run = CliRun.Of("run", "--out", folder.Path);

        Assert.Equal(0, run.ExitCode);
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder.Path, "gateway", "summary.json")));
        var generated = Directory.GetFiles(Path.Combine(folder.Path, "generated", "messages")).Length;
        Assert.Equal(generated, summary.RootElement.GetProperty("messages").GetInt32());
        Assert.True(summary.RootElement.GetProperty("byDisposition").GetProperty("Routed").GetInt32() > generated / 2);
    }
}
