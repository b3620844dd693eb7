using System.Collections.Concurrent;
using System.Diagnostics;

namespace Berichtenverkeer.Benchmarks.EndToEnd;

/// <summary>When the first answer, routed copy or echo reply for each id arrived (Stopwatch ticks).</summary>
public sealed class CompletionTracker
{
    private readonly ConcurrentDictionary<string, long> _arrived = new(StringComparer.Ordinal);

    public int Count => _arrived.Count;

    public void Arrived(string id) => _arrived.TryAdd(id, Stopwatch.GetTimestamp());

    public bool TryGet(string id, out long ticks) => _arrived.TryGetValue(id, out ticks);
}
