using System.Text;

namespace Berichtenverkeer.Audit.Trail;

/// <summary>
/// The trail's head at a moment: kept OUTSIDE the gateway (at the auditor, on WORM storage), it lets a verifier detect
/// what a bare hash chain cannot — truncation (the trail ends before <see cref="Sequence"/>) and wholesale replacement
/// (the entry at <see cref="Sequence"/> has another hash than <see cref="HeadHash"/>). AT3.
/// </summary>
/// <param name="Sequence">The head entry's sequence.</param>
/// <param name="HeadHash">Its entry_hash.</param>
/// <param name="Count">Entries present in the store when taken (less than the sequence once retention deleted some).</param>
/// <param name="At">When the checkpoint was taken.</param>
public sealed record AuditCheckpoint(long Sequence, string HeadHash, long Count, DateTimeOffset At)
{
    public static AuditCheckpoint Of(AuditTrailHead head, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(head);
        return new AuditCheckpoint(head.Sequence, head.EntryHash, head.Count, AuditTime.Truncate(at));
    }
}

/// <summary>Where checkpoints go: somewhere the gateway's operators cannot rewrite.</summary>
public interface ICheckpointSink
{
    Task WriteAsync(AuditCheckpoint checkpoint, CancellationToken cancellationToken = default);
}

/// <summary>
/// Appends checkpoints to a JSON Lines file (<see cref="TrailJsonLines"/>). The file is only useful when it is copied
/// to — or written directly on — storage outside the gateway's control: the auditor's system, WORM/object-lock storage.
/// </summary>
public sealed class FileCheckpointSink(string path) : ICheckpointSink
{
    /// <summary>The file name used when a folder is given.</summary>
    public const string DefaultFileName = "audit-checkpoints.jsonl";

    private static readonly SemaphoreSlim Gate = new(1, 1);

    public string Path { get; } = path;

    /// <summary>A folder (existing, or written with a trailing separator) becomes <see cref="DefaultFileName"/> inside it.</summary>
    public static FileCheckpointSink ForFolderOrFile(string folderOrFile)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folderOrFile);
        var isFolder = Directory.Exists(folderOrFile)
            || folderOrFile.EndsWith(System.IO.Path.DirectorySeparatorChar)
            || folderOrFile.EndsWith(System.IO.Path.AltDirectorySeparatorChar);
        return new FileCheckpointSink(isFolder ? System.IO.Path.Combine(folderOrFile, DefaultFileName) : folderOrFile);
    }

    public async Task WriteAsync(AuditCheckpoint checkpoint, CancellationToken cancellationToken = default)
    {
        var folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path));
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
        }

        await Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await File.AppendAllTextAsync(Path, TrailJsonLines.Line(checkpoint) + "\n", new UTF8Encoding(false), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Gate.Release();
        }
    }
}

/// <summary>How often <see cref="CheckpointWriter"/> writes.</summary>
public sealed class CheckpointOptions
{
    public const string SectionName = "AuditCheckpoints";

    /// <summary>Time between two checkpoints; default one hour. Everything appended since the last checkpoint is only
    /// protected against truncation from the next one on.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);
}

/// <summary>
/// Takes a checkpoint of the trail's head and hands it to a sink, once (<see cref="WriteOnceAsync"/>) or every
/// <see cref="CheckpointOptions.Interval"/> (<see cref="RunAsync"/>, for a host's background service). An empty trail
/// gives no checkpoint.
/// </summary>
public sealed class CheckpointWriter(IAuditTrailStore store, ICheckpointSink sink, CheckpointOptions? options = null, TimeProvider? time = null)
{
    private readonly CheckpointOptions _options = options ?? new CheckpointOptions();
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    public async Task<AuditCheckpoint?> WriteOnceAsync(CancellationToken cancellationToken = default)
    {
        var head = await store.TrailHeadAsync(cancellationToken).ConfigureAwait(false);
        if (head is null)
        {
            return null;
        }

        var checkpoint = AuditCheckpoint.Of(head, _time.GetUtcNow());
        await sink.WriteAsync(checkpoint, cancellationToken).ConfigureAwait(false);
        return checkpoint;
    }

    /// <summary>
    /// Writes a checkpoint now and then every interval until cancelled. A failed attempt is passed to
    /// <paramref name="onError"/> (log it) and the loop goes on; cancellation ends it without an exception.
    /// </summary>
    public async Task RunAsync(Action<Exception>? onError = null, CancellationToken cancellationToken = default)
    {
        if (_options.Interval <= TimeSpan.Zero)
        {
            throw new InvalidOperationException("The checkpoint interval must be positive.");
        }

        using var timer = new PeriodicTimer(_options.Interval, _time);
        try
        {
            do
            {
                try
                {
                    await WriteOnceAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    onError?.Invoke(e);
                }
            }
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }
}
