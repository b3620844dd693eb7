using System.Text.Json;

namespace Berichtenverkeer.Generator.Tests;

/// <summary>A generated run on disk, with its answer key parsed and (on demand) replayed through levels 1–4.</summary>
public sealed class GeneratedRun : IDisposable
{
    private Replay? _replay;

    public GeneratedRun(GeneratorOptions options)
    {
        Folder = Path.Combine(Path.GetTempPath(), "bv-generator-" + Guid.NewGuid().ToString("N"));
        Report = TrafficGenerator.Generate(options, Folder);
        MessageFiles = Directory.GetFiles(Path.Combine(Folder, "messages")).Select(Path.GetFileName).OfType<string>()
            .Order(StringComparer.Ordinal).ToList();
        Key = File.ReadAllLines(Path.Combine(Folder, "answer-key.jsonl"))
            .Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();
    }

    public string Folder { get; }

    public GenerationReport Report { get; }

    public List<string> MessageFiles { get; }

    public List<JsonElement> Key { get; }

    public string MessagePath(string file) => Path.Combine(Folder, "messages", file);

    public byte[] Bytes(string file) => File.ReadAllBytes(MessagePath(file));

    /// <summary>Levels 1–4 for every message, in file-name order.</summary>
    internal Replay Replayed()
    {
        if (_replay is null)
        {
            var replay = new Replay(ReferenceCsv.Load(Path.Combine(Folder, "reference")));
            foreach (var file in MessageFiles)
            {
                replay.Process(file, Bytes(file));
            }

            _replay = replay;
        }

        return _replay;
    }

    public IEnumerable<JsonElement> Cases(string kind) => Key.Where(k => k.GetProperty("kind").GetString() == kind);

    public static IReadOnlyList<string> Strings(JsonElement e, string name) =>
        e.TryGetProperty(name, out var array) ? array.EnumerateArray().Select(x => x.GetString()!).ToList() : [];

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

/// <summary>The default tiny run (seed 1): small, with a few defects and one fraud case.</summary>
public sealed class TinyRunFixture() : IDisposable
{
    public GeneratedRun Run { get; } = new(new GeneratorOptions { Preset = GeneratorPreset.Tiny, Seed = 1 });

    public void Dispose() => Run.Dispose();
}

/// <summary>
/// A larger small run with a high defect rate and every fraud pattern, replayed through levels 1–4: the acid test that
/// defects are exactly what the answer key says and that fraud stays technically clean.
/// </summary>
public sealed class SeededMischiefFixture() : IDisposable
{
    public GeneratedRun Run { get; } = new(new GeneratorOptions
    {
        Preset = GeneratorPreset.Tiny,
        Seed = 7,
        Municipalities = 4,
        Providers = 18,
        Clients = 260,
        Months = 4,
        DefectRate = 0.12,
        FraudRate = 0.45,
    });

    public void Dispose() => Run.Dispose();
}
