using System.Diagnostics;
using Berichtenverkeer.Benchmarks.Report;
using Berichtenverkeer.Gateway.Replay;
using Berichtenverkeer.Generator;

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
        var started = Stopwatch.GetTimestamp();
        var summary = await ReplayRunner.RunAsync(new ReplayOptions(
            Path.Combine(folder, "messages"), Path.Combine(folder, "reference"), settings.EndExclusive, output));
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
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
        };
    }
}
