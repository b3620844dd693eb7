using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Perfolizer.Horology;

namespace Berichtenverkeer.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project tests/Berichtenverkeer.Benchmarks -- [--quick] [BenchmarkDotNet options]</c>.
/// Without <c>--filter</c> every benchmark runs (BenchmarkDotNet would otherwise ask on the console, and CI has none).
/// <c>--quick</c>: in-process, few short iterations, for a CI smoke run; its figures are indicative only.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        var quick = args.Contains("--quick");
        var rest = args.Where(a => a != "--quick").ToList();
        if (!rest.Any(a => a is "--filter" or "-f" || a.StartsWith("--filter=", StringComparison.Ordinal)))
        {
            rest.AddRange(["--filter", "*"]);
        }

        var config = ManualConfig.Create(DefaultConfig.Instance).AddColumn(StatisticColumn.OperationsPerSecond);
        if (quick)
        {
            config.AddJob(Job.ShortRun
                .WithToolchain(InProcessEmitToolchain.Instance)
                .WithWarmupCount(2)
                .WithIterationCount(5)
                .WithIterationTime(TimeInterval.FromMilliseconds(250))
                .WithId("Quick"));
        }

        var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run([.. rest], config).ToList();
        ThroughputTable.Write(summaries, Console.Out);

        // Timings are never judged; a benchmark that did not run (e.g. its message turned invalid) is a failure.
        var failed = summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success || r.ResultStatistics is null));
        return failed ? 1 : 0;
    }
}
