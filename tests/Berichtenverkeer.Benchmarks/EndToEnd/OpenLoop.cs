using System.Diagnostics;
using Berichtenverkeer.Benchmarks.Report;

namespace Berichtenverkeer.Benchmarks.EndToEnd;

/// <summary>
/// Offers messages at a fixed rate whatever the system under test does (open loop: a slow answer does not slow the
/// sender, so queueing shows in the latency), then waits until everything offered has come out or nothing has for a
/// while. Latency is from the start of the send to the first answer/routed copy (or echo reply) of that message.
/// </summary>
public static class OpenLoop
{
    /// <summary>Sends in flight at most; only a saturation run (rate = ∞) should ever reach it.</summary>
    private const int MaxInFlight = 256;

    public static async Task<LoadPoint> RunAsync(
        string label,
        IReadOnlyList<OfferedMessage> messages,
        double rate,
        Func<OfferedMessage, int, Task<string>> send,
        CompletionTracker tracker,
        int saturationInFlight,
        TimeSpan idleLimit)
    {
        var starts = new long[messages.Count];
        var ids = new string?[messages.Count];
        var sends = new List<Task>(messages.Count);
        using var gate = new SemaphoreSlim(double.IsPositiveInfinity(rate) ? saturationInFlight : MaxInFlight);
        var t0 = Stopwatch.GetTimestamp();
        long lastSend = t0;
        for (var i = 0; i < messages.Count; i++)
        {
            if (!double.IsPositiveInfinity(rate))
            {
                var due = t0 + (long)(i / rate * Stopwatch.Frequency);
                var wait = due - Stopwatch.GetTimestamp();
                if (wait > 0)
                {
                    await Task.Delay(TimeSpan.FromSeconds(wait / (double)Stopwatch.Frequency));
                }
            }

            await gate.WaitAsync();
            var index = i;
            starts[index] = lastSend = Stopwatch.GetTimestamp();
            sends.Add(SendOneAsync(index));
        }

        await Task.WhenAll(sends);
        await WaitForCompletionAsync(ids, tracker, idleLimit);

        var latencies = new List<double>(messages.Count);
        long lastArrival = t0;
        for (var i = 0; i < messages.Count; i++)
        {
            if (ids[i] is { } id && tracker.TryGet(id, out var arrived))
            {
                latencies.Add((arrived - starts[i]) * 1000.0 / Stopwatch.Frequency);
                lastArrival = Math.Max(lastArrival, arrived);
            }
        }

        latencies.Sort();
        var span = (lastArrival - t0) / (double)Stopwatch.Frequency;
        var offeredSpan = (lastSend - t0) / (double)Stopwatch.Frequency;
        return new LoadPoint(
            label,
            double.IsPositiveInfinity(rate) ? 0 : Math.Round(rate, 1),
            offeredSpan > 0 ? Math.Round((messages.Count - 1) / offeredSpan, 1) : 0,
            messages.Count,
            latencies.Count,
            span > 0 ? Math.Round(latencies.Count / span, 1) : 0,
            Math.Round(latencies.Count > 0 ? latencies.Average() : double.NaN, 1),
            Math.Round(Percentile(latencies, 0.50), 1),
            Math.Round(Percentile(latencies, 0.99), 1),
            Math.Round(latencies.Count > 0 ? latencies[^1] : double.NaN, 1));

        async Task SendOneAsync(int index)
        {
            try
            {
                ids[index] = await send(messages[index], index);
            }
            finally
            {
                gate.Release();
            }
        }
    }

    private static async Task WaitForCompletionAsync(string?[] ids, CompletionTracker tracker, TimeSpan idleLimit)
    {
        var expected = ids.OfType<string>().ToList();
        var lastProgress = Stopwatch.GetTimestamp();
        var done = 0;
        while (true)
        {
            var now = expected.Count(id => tracker.TryGet(id, out _));
            if (now == expected.Count)
            {
                return;
            }

            if (now != done)
            {
                done = now;
                lastProgress = Stopwatch.GetTimestamp();
            }
            else if (Stopwatch.GetElapsedTime(lastProgress) > idleLimit)
            {
                // Some messages give no delivery at all (a refusal); the rest has long come out.
                return;
            }

            await Task.Delay(20);
        }
    }

    public static double Percentile(IReadOnlyList<double> sorted, double p)
    {
        if (sorted.Count == 0)
        {
            return double.NaN;
        }

        var rank = (int)Math.Ceiling(p * sorted.Count) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Count - 1)];
    }
}
