using Berichtenverkeer.Audit.Tests.Support;
using Berichtenverkeer.Audit.Trail;
using static Berichtenverkeer.Audit.Tests.Support.Fixtures;

namespace Berichtenverkeer.Audit.Tests.Trail;

/// <summary>The checkpoint writer a host runs periodically, and the file sink meant to be copied outside the gateway.</summary>
public sealed class CheckpointWriterTests
{
    [Fact]
    public async Task a_checkpoint_records_the_head_and_appends_to_the_file()
    {
        var (store, _, time) = await TrailAsync(7);
        using var folder = new TempFolder();
        var sink = FileCheckpointSink.ForFolderOrFile(folder.Path);
        var writer = new CheckpointWriter(store, sink, time: time);

        var first = await writer.WriteOnceAsync();
        time.Advance(TimeSpan.FromHours(1));
        var second = await writer.WriteOnceAsync();

        Assert.Equal(new AuditCheckpoint(7, store.Entries[^1].EntryHash, 7, Start.AddMinutes(2)), first);
        Assert.Equal(Path.Combine(folder.Path, FileCheckpointSink.DefaultFileName), sink.Path);
        using var reader = new StreamReader(sink.Path);
        Assert.Equal([first!, second!], TrailJsonLines.ReadCheckpoints(reader));
    }

    [Fact]
    public async Task an_empty_trail_gives_no_checkpoint()
    {
        var sink = new ListSink();

        Assert.Null(await new CheckpointWriter(new InMemoryAuditTrailStore(), sink).WriteOnceAsync());
        Assert.Empty(sink.Written);
    }

    [Fact]
    public async Task the_periodic_writer_writes_at_once_and_every_interval_until_stopped()
    {
        var (store, _, _) = await TrailAsync(3);
        var sink = new ListSink();
        var writer = new CheckpointWriter(store, sink, new CheckpointOptions { Interval = TimeSpan.FromMilliseconds(40) });
        using var stop = new CancellationTokenSource();

        var run = writer.RunAsync(cancellationToken: stop.Token);
        while (sink.Written.Count < 3)
        {
            await Task.Delay(10);
        }

        await stop.CancelAsync();
        await run;
        Assert.All(sink.Written, c => Assert.Equal(3, c.Sequence));
    }

    [Fact]
    public void a_malformed_checkpoint_file_names_its_line()
    {
        var refused = Assert.Throws<FormatException>(() => TrailJsonLines.ReadCheckpoints(new StringReader("\n{\"sequence\":1}\n")));

        Assert.Contains("line 2", refused.Message, StringComparison.Ordinal);
    }

    private sealed class ListSink : ICheckpointSink
    {
        public List<AuditCheckpoint> Written { get; } = [];

        public Task WriteAsync(AuditCheckpoint checkpoint, CancellationToken cancellationToken = default)
        {
            lock (Written)
            {
                Written.Add(checkpoint);
            }

            return Task.CompletedTask;
        }
    }
}
