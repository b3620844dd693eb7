using System.Diagnostics;
using System.Globalization;
using System.Reflection;

namespace Berichtenverkeer.Benchmarks.Report;

/// <summary>
/// <c>all --out &lt;dir&gt; [--quick] [--country-fraction f] [--note text]</c>: every scenario, each in its own child
/// process (so each has its own peak RSS), then results.json, results.md and chart.svg in &lt;dir&gt;. Exits non-zero
/// only when a scenario could not run; a missed target is reported, never a failure.
/// </summary>
public static class AllCommand
{
    public static async Task<int> RunAsync(string outFolder, bool quick, double countryFraction, string note, string command)
    {
        Directory.CreateDirectory(outFolder);
        var work = Path.Combine(Path.GetTempPath(), "berichtenverkeer-bench-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(work);
        var results = new BenchResults
        {
            Command = command,
            Started = DateTimeOffset.UtcNow,
            Quick = quick,
            Machine = MachineInfo.Describe(note),
        };
        var loadAtStart = MachineInfo.LoadAverage();
        var failed = new List<string>();
        try
        {
            foreach (var scenario in ScenarioCommand.Names)
            {
                var started = Stopwatch.GetTimestamp();
                var exit = await RunChildAsync(scenario, work, quick, countryFraction);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"== {scenario}: exit {exit} after {Stopwatch.GetElapsedTime(started).TotalSeconds:F0} s"));
                if (exit != 0)
                {
                    failed.Add(scenario);
                }
            }

            await CollectAsync(results, work, failed);
        }
        finally
        {
            // Before the (slow, for a region's ~100,000 files) clean-up, so the results are there even if it is cut short.
            results.Notes.Add($"Load average (1 min) at the start {loadAtStart}, at the end {MachineInfo.LoadAverage()} on {Environment.ProcessorCount} cores: other work shared the machine, so absolute figures vary between runs.");
            if (results.Embedded.FirstOrDefault(e => e.Name == "national-month") is { Fraction: < 1 } national)
            {
                results.Notes.Add(string.Create(CultureInfo.InvariantCulture, $"The national month was generated and processed at {national.Fraction:P1} of the Country preset (municipalities, providers and clients scaled alike; the history that builds the state included) and its processing time extrapolated linearly (×{1 / national.Fraction:F0}); peak memory is that of the fraction."));
            }

            results.Targets.AddRange(Targets.Judge(results));
            await ResultsJson.WriteAsync(Path.Combine(outFolder, "results.json"), results);
            await File.WriteAllTextAsync(Path.Combine(outFolder, "results.md"), MarkdownReport.Render(results));
            await File.WriteAllTextAsync(Path.Combine(outFolder, "chart.svg"), SvgChart.Render(results.EndToEnd ?? new EndToEndResults { Status = "not run" }));
            Directory.Delete(work, recursive: true);
        }

        var markdown = MarkdownReport.Render(results);
        Console.WriteLine();
        Console.WriteLine(markdown);
        if (failed.Count > 0)
        {
            await Console.Error.WriteLineAsync("Scenarios that could not run: " + string.Join(", ", failed));
            return 1;
        }

        return 0;
    }

    /// <summary><c>report --from &lt;results.json&gt; --out &lt;dir&gt;</c>: results.md and chart.svg again from a run's JSON (targets judged anew).</summary>
    public static async Task<int> ReportAsync(string from, string outFolder)
    {
        var results = await ResultsJson.ReadAsync<BenchResults>(from) ?? throw new FileNotFoundException("No results to report.", from);
        results.Targets.Clear();
        results.Targets.AddRange(Targets.Judge(results));
        Directory.CreateDirectory(outFolder);
        await ResultsJson.WriteAsync(Path.Combine(outFolder, "results.json"), results);
        await File.WriteAllTextAsync(Path.Combine(outFolder, "results.md"), MarkdownReport.Render(results));
        await File.WriteAllTextAsync(Path.Combine(outFolder, "chart.svg"), SvgChart.Render(results.EndToEnd ?? new EndToEndResults { Status = "not run" }));
        return 0;
    }

    private static async Task CollectAsync(BenchResults results, string work, List<string> failed)
    {
        results.Validation = await ResultsJson.ReadAsync<ValidationResults>(Path.Combine(work, "validation.json"))
            ?? new ValidationResults("failed", [], double.NaN);
        results.EndToEnd = await ResultsJson.ReadAsync<EndToEndResults>(Path.Combine(work, "e2e.json"))
            ?? new EndToEndResults { Status = "failed: see the log" };
        results.Memory.Add(new("validation", results.Validation.PeakRssMiB));
        results.Memory.Add(new("e2e (gateway and echo in one process)", results.EndToEnd.PeakRssMiB));
        foreach (var name in new[] { "region", "national" })
        {
            var generated = await ResultsJson.ReadAsync<EmbeddedResult>(Path.Combine(work, $"generate-{name}.json"));
            var processed = await ResultsJson.ReadAsync<EmbeddedResult>(Path.Combine(work, $"process-{name}.json"));
            if (generated is null || processed is null)
            {
                results.Embedded.Add(new EmbeddedResult { Name = name + "-month", Status = "failed: see the log" });
                continue;
            }

            results.Embedded.Add(processed with
            {
                Prestaties = generated.Prestaties,
                GenerateSeconds = generated.GenerateSeconds,
                GeneratePeakRssMiB = generated.GeneratePeakRssMiB,
                MessagesPerType = generated.MessagesPerType,
            });
            results.Memory.Add(new($"generate {name} month", generated.GeneratePeakRssMiB));
            results.Memory.Add(new($"process {name} month (embedded)", processed.ProcessPeakRssMiB));
        }

        if (failed.Count > 0)
        {
            results.Notes.Add("Scenarios that could not run: " + string.Join(", ", failed));
        }
    }

    private static async Task<int> RunChildAsync(string scenario, string work, bool quick, double fraction)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath ?? "dotnet") { UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(start.FileName) == "dotnet")
        {
            start.ArgumentList.Add(Assembly.GetExecutingAssembly().Location);
        }

        foreach (var arg in new[] { "scenario", scenario, "--work", work, "--fraction", fraction.ToString("R", CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(arg);
        }

        if (quick)
        {
            start.ArgumentList.Add("--quick");
        }

        using var child = Process.Start(start) ?? throw new InvalidOperationException("Could not start a scenario process.");
        await child.WaitForExitAsync();
        return child.ExitCode;
    }
}
