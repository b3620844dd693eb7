using System.Diagnostics;
using Berichtenverkeer.Benchmarks.Report;
using Berichtenverkeer.Gateway.Replay;
using Berichtenverkeer.Generator;
using Berichtenverkeer.Validation;

namespace Berichtenverkeer.Benchmarks.Embedded;

/// <summary>
/// The embedded default's wall time: the generator writes a month to disk (timed on its own, in its own process),
/// then <see cref="ReplayRunner"/> runs it through the real gateway on the in-memory transport and SQLite (the path
/// of `berichtenverkeer run`), in another process, so each has its own peak memory.
/// </summary>
public static class EmbeddedScenario
{
    public static async Task<EmbeddedResult> GenerateAsync(EmbeddedWorkload workload, string folder)
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        var report = await Task.Run(() => TrafficGenerator.Generate(workload.Options, folder));
        return new EmbeddedResult
        {
            Name = workload.Name,
            Status = "ok",
            Messages = report.Messages,
            Prestaties = report.Prestaties,
            GenerateSeconds = Math.Round(report.Elapsed.TotalSeconds, 2),
            Fraction = workload.Fraction,
            GeneratePeakRssMiB = PeakMemory.OwnMiB(),
            MessagesPerType = new Dictionary<string, long>(report.MessagesPerType),
        };
    }

    public static async Task<EmbeddedResult> ProcessAsync(EmbeddedWorkload workload, string folder)
    {
        var settings = GeneratorSettings.Resolve(workload.Options);
        var output = Path.Combine(folder, "out");
        using var consumer = new ConsumerTime();
        var started = Stopwatch.GetTimestamp();
        var summary = await ReplayRunner.RunAsync(new ReplayOptions(
            Path.Combine(folder, "messages"), Path.Combine(folder, "reference"), settings.EndExclusive, output));
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var (consumerMs, consumed) = consumer.Snapshot();
        var validateMs = ValidationMsPerMessage(Path.Combine(folder, "messages"));
        return new EmbeddedResult
        {
            Name = workload.Name,
            Status = "ok",
            Messages = summary.Messages,
            ProcessSeconds = Math.Round(seconds, 2),
            MessagesPerSecond = Math.Round(summary.Messages / seconds, 1),
            Fraction = workload.Fraction,
            ExtrapolatedProcessSeconds = workload.Fraction < 1 ? Math.Round(seconds / workload.Fraction, 0) : null,
            ProcessPeakRssMiB = PeakMemory.OwnMiB(),
            Dispositions = new Dictionary<string, int>(summary.ByDisposition),
            Stages =
            [
                new StageTime("wall time per message", Math.Round(seconds * 1000 / Math.Max(1, summary.Messages), 2), 1),
                new StageTime("consumer per message (claim load, validation, matching, SQLite commit)", Math.Round(consumerMs / Math.Max(1, consumed), 2), Math.Round(consumerMs / 1000 / seconds, 3)),
                new StageTime("of which validation L1+L2 (timed apart on a sample)", Math.Round(validateMs, 2), Math.Round(validateMs * consumed / 1000 / seconds, 3)),
            ],
        };
    }

    /// <summary>Mean validation time over every 50th message, so the consumer's time can be split.</summary>
    private static double ValidationMsPerMessage(string folder)
    {
        var validator = new MessageValidator();
        var sample = Directory.EnumerateFiles(folder, "*.xml").Order(StringComparer.Ordinal).Where((_, i) => i % 50 == 0).Select(File.ReadAllBytes).ToList();
        foreach (var bytes in sample.Take(20))
        {
            validator.Validate(bytes);
        }

        var started = Stopwatch.GetTimestamp();
        foreach (var bytes in sample)
        {
            validator.Validate(bytes);
        }

        return Stopwatch.GetElapsedTime(started).TotalMilliseconds / Math.Max(1, sample.Count);
    }
}
