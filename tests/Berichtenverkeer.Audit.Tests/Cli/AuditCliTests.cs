using Berichtenverkeer.Audit.Sampling;
using Berichtenverkeer.Audit.Tests.Store;
using Berichtenverkeer.Audit.Tests.Support;
using Berichtenverkeer.Audit.Trail;
using Berichtenverkeer.Store;
using static Berichtenverkeer.Audit.Tests.Support.Fixtures;

namespace Berichtenverkeer.Audit.Tests.Cli;

/// <summary><c>berichtenverkeer audit verify | export | checkpoint | sample</c>, run in-process as a user types them.</summary>
public sealed class AuditCliTests
{
    [Fact]
    public async Task export_then_verify_is_intact_and_a_tampered_export_names_the_first_broken_link()
    {
        await using var test = await TrailDatabaseAsync(12);
        using var folder = new TempFolder();
        var trail = folder.File("trail.jsonl");

        var export = Run("audit", "export", "--db", test.SqlitePath!, "--out", trail);
        Assert.Equal(0, export.ExitCode);
        Assert.Contains("exported 12 entries", export.Out, StringComparison.Ordinal);

        var verify = Run("audit", "verify", trail);
        Assert.Equal(0, verify.ExitCode);
        Assert.StartsWith("intact: 12 entries, sequences 1–12", verify.Out, StringComparison.Ordinal);

        var lines = await File.ReadAllLinesAsync(trail);
        lines[4] = lines[4].Replace("msg-5", "msg-6", StringComparison.Ordinal);
        await File.WriteAllLinesAsync(trail, lines);
        var broken = Run("audit", "verify", trail);

        Assert.Equal(1, broken.ExitCode);
        Assert.StartsWith("BROKEN: sequence 5 (line 5): PayloadChanged:", broken.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_checkpoint_taken_before_truncation_makes_verify_fail()
    {
        await using var test = await TrailDatabaseAsync(8);
        using var folder = new TempFolder();
        var trail = folder.File("trail.jsonl");

        var checkpoint = Run("audit", "checkpoint", "--db", test.SqlitePath!, "--out", folder.Path);
        Assert.Equal(0, checkpoint.ExitCode);
        Assert.Contains("WORM", checkpoint.Out, StringComparison.Ordinal);
        var checkpoints = folder.File(FileCheckpointSink.DefaultFileName);
        Assert.Single(await File.ReadAllLinesAsync(checkpoints));

        await new AuditTrail(test.Store).AppendAsync(AuditEvents(2, 20));
        Assert.Equal(0, Run("audit", "checkpoint", "--db", test.SqlitePath!, "--out", checkpoints).ExitCode);
        Assert.Equal(2, (await File.ReadAllLinesAsync(checkpoints)).Length);

        Assert.Equal(0, Run("audit", "export", "--db", test.SqlitePath!, "--out", trail).ExitCode);
        var intact = Run("audit", "verify", trail, "--checkpoints", checkpoints);
        Assert.Equal(0, intact.ExitCode);
        Assert.Contains("2 of 2 checkpoints matched", intact.Out, StringComparison.Ordinal);

        await File.WriteAllLinesAsync(trail, (await File.ReadAllLinesAsync(trail)).Take(9));
        Assert.Equal(0, Run("audit", "verify", trail).ExitCode);
        var truncated = Run("audit", "verify", trail, "--checkpoints", checkpoints);

        Assert.Equal(1, truncated.ExitCode);
        Assert.StartsWith("BROKEN: sequence 10: Truncated:", truncated.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task sample_writes_a_reproducible_frame_without_any_bsn()
    {
        await using var test = await TestStore.CreateAsync(StateStoreOptions.Sqlite);
        await SamplingStoreTests.SeedAsync(test.Store);
        using var folder = new TempFolder();
        string[] args = ["audit", "sample", "--db", test.SqlitePath!, "--from", "2025-02", "--to", "2025-04", "--seed", "20250501",
            "--size", "3", "--strata", "provider", "--include-credits", "--out"];

        var first = Run([.. args, folder.File("one")]);
        var second = Run([.. args, folder.File("two")]);

        Assert.Equal(0, first.ExitCode);
        Assert.Contains("population 6 prestaties", first.Out, StringComparison.Ordinal);
        Assert.Contains("sample 3 (given)", first.Out, StringComparison.Ordinal);
        foreach (var name in new[] { SampleExport.FrameFile, SampleExport.StrataFile, SampleExport.SelectedFile, SampleExport.PopulationFile })
        {
            var content = await File.ReadAllTextAsync(Path.Combine(folder.File("one"), name));
            Assert.DoesNotContain(SamplingStoreTests.Bsn, content, StringComparison.Ordinal);
            Assert.Equal(content, await File.ReadAllTextAsync(Path.Combine(folder.File("two"), name)));
        }
    }

    [Fact]
    public async Task sample_computes_the_size_from_confidence_and_margin()
    {
        await using var test = await TestStore.CreateAsync(StateStoreOptions.Sqlite);
        await SamplingStoreTests.SeedAsync(test.Store);
        using var folder = new TempFolder();

        var run = Run("audit", "sample", "--db", test.SqlitePath!, "--from", "2025-03", "--to", "2025-03", "--seed", "1",
            "--confidence", "0.95", "--margin", "0.05", "--gemeente", "0363", "--out", folder.Path);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("population 2 prestaties", run.Out, StringComparison.Ordinal);
        Assert.Contains("sample 2 (normal approximation", run.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("audit")]
    [InlineData("audit", "frobnicate")]
    [InlineData("audit", "verify")]
    [InlineData("audit", "verify", "/no/such/trail.jsonl")]
    [InlineData("audit", "export", "--out", "x.jsonl")]
    [InlineData("audit", "export", "--db", "/no/such.db", "--out", "x.jsonl")]
    [InlineData("audit", "checkpoint", "--db", "/no/such.db")]
    [InlineData("audit", "sample", "--db", "/no/such.db", "--from", "2025-01", "--to", "2025-02", "--seed", "1", "--out", "x")]
    [InlineData("audit", "sample", "--db", "x.db", "--from", "2025-13", "--to", "2025-02", "--seed", "1", "--size", "5", "--out", "x")]
    [InlineData("audit", "sample", "--db", "x.db", "--from", "2025-01", "--to", "2025-02", "--seed", "-1", "--size", "5", "--out", "x")]
    [InlineData("audit", "sample", "--db", "x.db", "--from", "2025-01", "--to", "2025-02", "--seed", "1", "--size", "5", "--margin", "0.05", "--out", "x")]
    [InlineData("audit", "sample", "--db", "x.db", "--from", "2025-01", "--to", "2025-02", "--seed", "1", "--confidence", "95", "--margin", "0.05", "--out", "x")]
    public void wrong_usage_exits_with_2(params string[] args)
    {
        Assert.Equal(2, Run(args).ExitCode);
    }

    [Fact]
    public void the_audit_command_is_listed_and_explains_itself()
    {
        Assert.Contains("audit", Run("help").Out, StringComparison.Ordinal);
        var help = Run("audit", "--help");

        Assert.Equal(0, help.ExitCode);
        Assert.Contains("berichtenverkeer audit verify <trail.jsonl> [--checkpoints <file>]", help.Out, StringComparison.Ordinal);
        Assert.Contains("--confidence", help.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_database_from_before_the_trail_is_refused_with_a_reason()
    {
        using var folder = new TempFolder();
        var path = folder.File("empty.db");
        await File.WriteAllBytesAsync(path, []);

        var run = Run("audit", "export", "--db", path, "--out", folder.File("t.jsonl"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("schema version 0", run.Error, StringComparison.Ordinal);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    private static async Task<TestStore> TrailDatabaseAsync(int events)
    {
        var test = await TestStore.CreateAsync(StateStoreOptions.Sqlite);
        var trail = new AuditTrail(test.Store, time: new ManualTime(Start));
        await trail.AppendAsync(AuditEvents(events));
        return test;
    }

    private static (int ExitCode, string Out, string Error) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = global::Berichtenverkeer.Cli.Program.Run(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }
}
