using System.Globalization;
using Berichtenverkeer.Benchmarks.Embedded;
using Berichtenverkeer.Benchmarks.EndToEnd;
using Berichtenverkeer.Benchmarks.Validation;

namespace Berichtenverkeer.Benchmarks.Report;

/// <summary>
/// <c>scenario &lt;name&gt; --work &lt;dir&gt; [--quick] [--fraction f]</c>: one scenario in this process, its result
/// (with this process's peak RSS) written to &lt;dir&gt;/&lt;name&gt;.json. <see cref="AllCommand"/> starts one per scenario.
/// </summary>
public static class ScenarioCommand
{
    public static readonly string[] Names = ["validation", "e2e", "generate-region", "process-region", "generate-national", "process-national"];

    public static async Task<int> RunAsync(string name, string work, bool quick, double fraction)
    {
        Directory.CreateDirectory(work);
        var output = Path.Combine(work, name + ".json");
        switch (name)
        {
            case "validation":
                await ResultsJson.WriteAsync(output, ValidationScenario.Run(quick));
                break;
            case "e2e":
                await ResultsJson.WriteAsync(output, await EndToEndScenario.RunAsync(quick, work, Console.Out));
                break;
            case "generate-region":
                await ResultsJson.WriteAsync(output, await EmbeddedScenario.GenerateAsync(EmbeddedWorkload.Region(quick), Path.Combine(work, "region")));
                break;
            case "process-region":
                await ResultsJson.WriteAsync(output, await EmbeddedScenario.ProcessAsync(EmbeddedWorkload.Region(quick), Path.Combine(work, "region")));
                break;
            case "generate-national":
                await ResultsJson.WriteAsync(output, await EmbeddedScenario.GenerateAsync(EmbeddedWorkload.Country(fraction), Path.Combine(work, "national")));
                break;
            case "process-national":
                await ResultsJson.WriteAsync(output, await EmbeddedScenario.ProcessAsync(EmbeddedWorkload.Country(fraction), Path.Combine(work, "national")));
                break;
            default:
                await Console.Error.WriteLineAsync($"Unknown scenario '{name}'; one of: {string.Join(", ", Names)}");
                return 2;
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: done, peak RSS {PeakMemory.OwnMiB():F0} MiB"));
        return 0;
    }
}
