using System.Collections.Concurrent;

namespace Berichtenverkeer.Generator.Output;

/// <summary>
/// Writes message files on a background thread, so rendering the next messages overlaps with the file system; a
/// bounded queue keeps memory flat. Contents do not depend on timing, so output stays deterministic.
/// </summary>
internal sealed class MessageFileWriter : IDisposable
{
    private readonly string _folder;
    private readonly BlockingCollection<GeneratedMessage> _queue = new(boundedCapacity: 4_096);
    private readonly Thread _thread;
    private Exception? _failure;

    public MessageFileWriter(string folder)
    {
        _folder = folder;
        _thread = new Thread(Drain) { IsBackground = true, Name = "generator-file-writer" };
        _thread.Start();
    }

    public void Write(GeneratedMessage message)
    {
        if (_failure is { } failure)
        {
            throw new IOException("Writing a message file failed.", failure);
        }

        _queue.Add(message);
    }

    /// <summary>Waits until every queued file is on disk; rethrows a write failure.</summary>
    public void Complete()
    {
        _queue.CompleteAdding();
        _thread.Join();
        if (_failure is { } failure)
        {
            throw new IOException("Writing a message file failed.", failure);
        }
    }

    public void Dispose()
    {
        if (!_queue.IsAddingCompleted)
        {
            _queue.CompleteAdding();
            _thread.Join();
        }

        _queue.Dispose();
    }

    private void Drain()
    {
        try
        {
            foreach (var message in _queue.GetConsumingEnumerable())
            {
                using var stream = new FileStream(Path.Combine(_folder, message.FileName), FileMode.Create, FileAccess.Write, FileShare.None, 1, FileOptions.None);
                stream.Write(message.Content.Span);
            }
        }
#pragma warning disable CA1031 // the failure is handed to the producer thread and rethrown there
        catch (Exception ex)
#pragma warning restore CA1031
        {
            _failure = ex;
            foreach (var _ in _queue.GetConsumingEnumerable())
            {
                // drain so the producer never blocks on a full queue
            }
        }
    }
}
