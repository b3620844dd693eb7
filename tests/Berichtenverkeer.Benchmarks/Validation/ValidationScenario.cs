using System.Diagnostics;
using System.Xml;
using Berichtenverkeer.Benchmarks.Report;
using Berichtenverkeer.Validation;

namespace Berichtenverkeer.Benchmarks.Validation;

/// <summary>
/// Validation (levels 1–2) against a raw XmlReader read of the same bytes, timed with a stopwatch so it fits in one
/// run with the other scenarios. The two alternate in short rounds, so load from other work on a shared machine hits
/// both alike; the best round of each counts. BenchmarkDotNet (the default command) gives the careful figures.
/// </summary>
public static class ValidationScenario
{
    public static ValidationResults Run(bool quick)
    {
        var validator = new MessageValidator();
        var rounds = quick ? 3 : 15;
        var roundTime = TimeSpan.FromMilliseconds(quick ? 100 : 400);
        var rows = new List<ValidationRow>();
        foreach (var name in new[] { BenchmarkMessages.Small, BenchmarkMessages.Large })
        {
            var bytes = BenchmarkMessages.Get(name);
            var check = validator.Validate(bytes);
            if (!check.IsValid)
            {
                throw new InvalidOperationException($"The {name} benchmark message is not valid, so it would measure the wrong thing.");
            }

            // Warm up until the JIT's optimising tier has taken over both loops.
            SecondsPerCall(() => RawRead(bytes), roundTime * 3);
            SecondsPerCall(() => validator.Validate(bytes), roundTime * 3);
            double bestRaw = double.MaxValue, bestValidate = double.MaxValue;
            for (var round = 0; round < rounds; round++)
            {
                bestRaw = Math.Min(bestRaw, SecondsPerCall(() => RawRead(bytes), roundTime));
                bestValidate = Math.Min(bestValidate, SecondsPerCall(() => validator.Validate(bytes), roundTime));
            }

            rows.Add(new ValidationRow(
                name,
                bytes.Length,
                Math.Round(bytes.Length / bestRaw / 1e6, 1),
                Math.Round(bytes.Length / bestValidate / 1e6, 1),
                Math.Round(1 / bestValidate, 0),
                Math.Round(bestRaw / bestValidate, 3)));
        }

        return new ValidationResults("ok", rows, PeakMemory.OwnMiB());
    }

    private static double SecondsPerCall(Func<object> call, TimeSpan budget)
    {
        GC.KeepAlive(call());
        var calls = 0;
        var started = Stopwatch.GetTimestamp();
        TimeSpan elapsed;
        do
        {
            GC.KeepAlive(call());
            calls++;
            elapsed = Stopwatch.GetElapsedTime(started);
        }
        while (elapsed < budget);
        return elapsed.TotalSeconds / calls;
    }

    private static readonly XmlReaderSettings RawSettings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
    };

    /// <summary>The same read as <see cref="ValidationThroughput.RawRead"/>.</summary>
    private static object RawRead(byte[] bytes)
    {
        using var reader = XmlReader.Create(new MemoryStream(bytes, writable: false), RawSettings);
        long chars = 0;
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Text)
            {
                chars += reader.Value.Length;
            }
        }

        return chars;
    }
}
