using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Berichtenverkeer.Benchmarks.Report;
using Berichtenverkeer.Benchmarks.Validation;
using Perfolizer.Horology;

namespace Berichtenverkeer.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project tests/Berichtenverkeer.Benchmarks -- all --out &lt;dir&gt;</c>: the whole benchmark
/// run (see <see cref="AllCommand"/>). Without a command: validation with BenchmarkDotNet
/// (<c>-- [--quick] [BenchmarkDotNet options]</c>; without <c>--filter</c> every benchmark runs, since BenchmarkDotNet
/// would otherwise ask on the console, and CI has none). <c>--quick</c>: in-process, few short iterations, then
/// <c>all --quick</c> at toy sizes into &lt;artifacts&gt;/all: a CI smoke run whose figures are indicative only.
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var quick = args.Contains("--quick");
        var command = "dotnet run -c Release --project tests/Berichtenverkeer.Benchmarks -- " + string.Join(' ', args.Select(Quote));
        switch (args.FirstOrDefault())
        {
            case "all":
                return await AllCommand.RunAsync(
                    Option(args, "--out") ?? Path.Combine("BenchmarkDotNet.Artifacts", "results"),
                    quick,
                    double.Parse(Option(args, "--country-fraction") ?? (quick ? "0.0005" : "0.05"), CultureInfo.InvariantCulture),
                    Option(args, "--note") ?? "",
                    command);
            case "report":
                return await AllCommand.ReportAsync(Option(args, "--from") ?? "results.json", Option(args, "--out") ?? ".");
            case "scenario" when args.Length > 1:
                return await ScenarioCommand.RunAsync(
                    args[1],
                    Option(args, "--work") ?? Path.GetTempPath(),
                    quick,
                    double.Parse(Option(args, "--fraction") ?? "0.05", CultureInfo.InvariantCulture));
            default:
                var validation = RunBenchmarkDotNet(args, quick);
                if (!quick || validation != 0)
                {
                    return validation;
                }

                // The smoke run also exercises the generator and every other scenario, at toy sizes.
                var artifacts = Option(args, "--artifacts") ?? "BenchmarkDotNet.Artifacts";
                return await AllCommand.RunAsync(Path.Combine(artifacts, "all"), quick: true, 0.0005, "CI smoke run", command);
        }
    }

    private static int RunBenchmarkDotNet(string[] args, bool quick)
    {
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

    /// <summary>Quoted for a POSIX shell where needed, so the recorded command can be pasted as it is.</summary>
    private static string Quote(string arg) =>
        arg.Length > 0 && arg.All(c => char.IsAsciiLetterOrDigit(c) || "-_./=:,".Contains(c)) ? arg : "'" + arg.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
