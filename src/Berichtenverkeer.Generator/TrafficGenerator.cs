using System.Diagnostics;
using Berichtenverkeer.Generator.Output;
using Berichtenverkeer.Generator.Simulation;

namespace Berichtenverkeer.Generator;

/// <summary>
/// Generates realistic, deterministic iJw 3.2 traffic for a region or the whole country: requests (JW315) and
/// answers (JW319), assignments (JW301), starts (JW305), stops (JW307, incl. temporary stops and corrections) and
/// monthly declarations (JW323, incl. credits and corrections), together with the reference data that matches it
/// and an answer key of injected technical defects and fraud patterns.
/// </summary>
/// <remarks>
/// <para>Municipalities carry real CBS codes and names as far as the generator's list of 170 municipalities goes;
/// beyond that (the <c>country</c> preset needs about 340) it derives codes 9001, 9002, … — a range CBS does not use —
/// named "Synthetische gemeente 9nnn" and listed as synthetic in manifest.json. AGB codes (98900001 …), product
/// codes, tariffs and BSNs are synthetic; BSNs pass the 11-test and come from the 999xxxxxx test block first.</para>
/// <para>Every message passes control levels 1–2; apart from the defects listed in the answer key, every message
/// also passes levels 3–4 when processed in file-name order with the generated reference data.</para>
/// <para>Memory stays bounded: messages are rendered one at a time from a compact per-client state and streamed.</para>
/// </remarks>
public static class TrafficGenerator
{
    /// <summary>
    /// Writes a run to <paramref name="outputFolder"/>: <c>messages/NNNNNNN-JWnnn-&lt;sender&gt;-&lt;id&gt;.xml</c>,
    /// <c>reference/*.csv</c>, <c>answer-key.jsonl</c> and <c>manifest.json</c>. Existing files of the same names are overwritten.
    /// </summary>
    public static GenerationReport Generate(GeneratorOptions options, string outputFolder, IProgress<GenerationProgress>? progress = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(outputFolder);
        var settings = GeneratorSettings.Resolve(options);
        var stopwatch = Stopwatch.StartNew();
        var messagesFolder = Path.Combine(outputFolder, "messages");
        var referenceFolder = Path.Combine(outputFolder, "reference");
        Directory.CreateDirectory(messagesFolder);
        var files = new List<string>();
        Simulator simulation;
        using (var sink = new CsvReferenceSink(referenceFolder, settings.StartMonth.AddMonths(-settings.HistoryMonths - 1).Year,
            settings.EndExclusive.AddDays(-1).Year, progress))
        {
            simulation = new Simulator(settings, sink);
            using var writer = new MessageFileWriter(messagesFolder);
            foreach (var message in simulation.Run())
            {
                writer.Write(message);
            }

            writer.Complete();
            files.AddRange(sink.Files.Select(f => Path.Combine(referenceFolder, f)));
        }

        var report = Conclude(settings, simulation, outputFolder, stopwatch, files);
        return report;
    }

    /// <summary>
    /// The messages of a run in processing order, rendered in memory and never touching disk (for benchmarks).
    /// Reference data and answer key are not produced; use <see cref="Generate"/> for those.
    /// </summary>
    public static IEnumerable<GeneratedMessage> Stream(GeneratorOptions options, IProgress<GenerationProgress>? progress = null) =>
        CreateRun(options, progress).Messages();

    /// <summary>Like <see cref="Stream"/>, with the run's figures (counts, rendering time) available after enumeration.</summary>
    public static GenerationRun CreateRun(GeneratorOptions options, IProgress<GenerationProgress>? progress = null)
    {
        var settings = GeneratorSettings.Resolve(options);
        return new GenerationRun(settings, new Simulator(settings, new NullSink(progress)));
    }

    private static GenerationReport Conclude(GeneratorSettings settings, Simulator simulation, string folder, Stopwatch stopwatch, List<string> files)
    {
        simulation.ConcludeFraud();
        var key = JsonOutput.AnswerKey(simulation);
        var (clean, fraudFree) = JsonOutput.Providers(simulation.World, key);
        var keyPath = Path.Combine(folder, "answer-key.jsonl");
        using (var stream = new FileStream(keyPath, FileMode.Create, FileAccess.Write))
        {
            JsonOutput.WriteAnswerKey(stream, key);
        }

        var manifestPath = Path.Combine(folder, "manifest.json");
        using (var stream = new FileStream(manifestPath, FileMode.Create, FileAccess.Write))
        {
            JsonOutput.WriteManifest(stream, settings, simulation, key, clean, fraudFree);
        }

        files.Add(keyPath);
        files.Add(manifestPath);
        var c = simulation.Counters;
        return new GenerationReport
        {
            Settings = settings,
            OutputFolder = folder,
            Messages = c.Messages,
            HistoryMessages = c.HistoryMessages,
            MessagesPerType = new SortedDictionary<string, long>(c.PerType, StringComparer.Ordinal),
            Prestaties = c.Prestaties,
            Bytes = c.Bytes,
            Municipalities = simulation.World.Gemeenten.Count,
            SyntheticMunicipalities = simulation.World.Gemeenten.Count(g => g.Info.Synthetic),
            Providers = simulation.World.Providers.Count,
            ClientsCreated = c.ClientsCreated,
            ActiveClientsAtEnd = c.ActiveClientsAtEnd,
            AnswerKey = key,
            CleanProviders = clean,
            FraudFreeProviders = fraudFree,
            SkippedFraud = simulation.FraudPlans.Where(p => !p.Injected)
                .ToDictionary(p => p.Code + "@" + p.Provider.Agb, p => p.SkipReason ?? "not injected", StringComparer.Ordinal),
            Files = files,
            Elapsed = stopwatch.Elapsed,
            RenderingTime = TimeSpan.FromSeconds(c.RenderTicks / (double)Stopwatch.Frequency),
        };
    }
}
