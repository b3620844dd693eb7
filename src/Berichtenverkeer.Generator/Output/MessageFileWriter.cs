namespace Berichtenverkeer.Generator.Output;

/// <summary>
/// Writes message files on a background thread, so rendering the next messages overlaps with the file system. The
/// queue is bounded in bytes (declarations can be megabytes each), so memory stays flat however slow the disk is.
/// Contents do not depend on timing, so output stays deterministic.
/// </summary>
internal sealed class MessageFileWriter : IDisposable
{
    private const long MaxBytesInFlight = 32L << 20;

    private readonly string _folder;
    private readonly Queue<GeneratedMessage> _queue = new();
    private readonly object _gate = new();
    private readonly Thread _thread;
    private long _bytesInFlight;
    private bool _completed;
    private Exception? _failure;

    public MessageFileWriter(string folder)
    {
        _folder = folder;
        _thread = new Thread(Drain) { IsBackground = true, Name = "generator-file-writer" };
        _thread.Start();
    }

    public void Write(GeneratedMessage message)
    {
        lock (_gate)
        {
            while (_bytesInFlight > MaxBytesInFlight && _failure is null)
            {
                Monitor.Wait(_gate);
            }

            ThrowIfFailed();
            _queue.Enqueue(message);
            _bytesInFlight += message.Content.Length;
            Monitor.PulseAll(_gate);
        }
    }

    /// <summary>Waits until every queued file is on disk; rethrows a write failure.</summary>
    public void Complete()
    {
        lock (_gate)
        {
            _completed = true;
            Monitor.PulseAll(_gate);
        }

        _thread.Join();
        ThrowIfFailed();
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _completed = true;
            Monitor.PulseAll(_gate);
        }

        _thread.Join();
    }

    private void ThrowIfFailed()
    {
        if (_failure is { } failure)
        {
            throw new IOException("Writing a message file failed.", failure);
        }
    }

    private void Drain()
    {
        while (true)
        {
            GeneratedMessage message;
            lock (_gate)
            {
                while (_queue.Count == 0 && !_completed)
                {
                    Monitor.Wait(_gate);
                }

                if (_queue.Count == 0)
                {
                    return;
                }

                message = _queue.Dequeue();
            }

            try
            {
                using var stream = new FileStream(Path.Combine(_folder, message.FileName), FileMode.Create, FileAccess.Write, FileShare.None, 1);
                stream.Write(message.Content.Span);
            }
#pragma warning disable CA1031 // the failure is handed to the producer thread and rethrown there
            catch (Exception ex)
#pragma warning restore CA1031
            {
                lock (_gate)
                {
                    _failure = ex;
                    _queue.Clear();
                    _bytesInFlight = 0;
                    Monitor.PulseAll(_gate);
                }

                return;
            }

            lock (_gate)
            {
                _bytesInFlight -= message.Content.Length;
                Monitor.PulseAll(_gate);
            }
        }
    }
}
