using System.Text.Json;
using System.Text.Json.Serialization;

namespace Berichtenverkeer.Benchmarks.Report;

/// <summary>Everything one benchmark run measured; results.json is this, serialised.</summary>
public sealed record BenchResults
{
    public required string Command { get; init; }

    public required DateTimeOffset Started { get; init; }

    public required bool Quick { get; init; }

    public required Machine Machine { get; init; }

    public ValidationResults? Validation { get; set; }

    public EndToEndResults? EndToEnd { get; set; }

    public List<EmbeddedResult> Embedded { get; init; } = [];

    /// <summary>Peak resident memory (VmHWM) of each scenario's own process.</summary>
    public List<MemoryResult> Memory { get; init; } = [];

    public List<TargetResult> Targets { get; init; } = [];

    public List<string> Notes { get; init; } = [];
}

public sealed record Machine(string Cpu, int Cores, double MemoryGiB, string Os, string Dotnet, string Note);

public sealed record ValidationResults(string Status, List<ValidationRow> Rows, double PeakRssMiB);

public sealed record ValidationRow(string Message, int Bytes, double RawMBps, double ValidateMBps, double ValidateMessagesPerSecond, double Ratio);

public sealed record EndToEndResults
{
    public required string Status { get; init; }

    public int Partitions { get; init; }

    public int PayloadBytesMean { get; init; }

    public string Workload { get; init; } = "";

    public double GatewayMaxPerSecond { get; init; }

    public double EchoMaxPerSecond { get; init; }

    public List<LoadPoint> Gateway { get; init; } = [];

    public List<LoadPoint> Echo { get; init; } = [];

    /// <summary>Where the gateway's time goes per message (mean ms), from its own stage timings.</summary>
    public List<StageTime> GatewayStages { get; init; } = [];

    public double PeakRssMiB { get; init; }
}

/// <summary>One offered load: what was offered, what came out, and how long each message took.</summary>
public sealed record LoadPoint(
    string Label,
    double OfferedPerSecond,
    double AchievedOfferedPerSecond,
    int Sent,
    int Completed,
    double ThroughputPerSecond,
    double MeanMs,
    double P50Ms,
    double P99Ms,
    double MaxMs);

public sealed record StageTime(string Stage, double MeanMs, double ShareOfTotal);

public sealed record EmbeddedResult
{
    public required string Name { get; init; }

    public required string Status { get; init; }

    public long Messages { get; init; }

    public long Prestaties { get; init; }

    public double GenerateSeconds { get; init; }

    public double ProcessSeconds { get; init; }

    public double MessagesPerSecond { get; init; }

    /// <summary>The fraction of the preset generated and processed; 1 = the whole preset.</summary>
    public double Fraction { get; init; } = 1;

    /// <summary>Processing time scaled linearly to the whole preset (prestaties), where <see cref="Fraction"/> &lt; 1.</summary>
    public double? ExtrapolatedProcessSeconds { get; init; }

    public double GeneratePeakRssMiB { get; init; }

    public double ProcessPeakRssMiB { get; init; }

    public Dictionary<string, long> MessagesPerType { get; init; } = [];

    public Dictionary<string, int> Dispositions { get; init; } = [];

    /// <summary>Where the processing time goes: mean ms per message, and the share of the wall time (the consumer runs on several partitions at once).</summary>
    public List<StageTime> Stages { get; init; } = [];
}

public sealed record MemoryResult(string Scenario, double PeakRssMiB);

public sealed record TargetResult(string Target, string Measured, string Verdict);

public static class ResultsJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static async Task WriteAsync<T>(string path, T value) =>
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(value, Options));

    public static async Task<T?> ReadAsync<T>(string path) =>
        File.Exists(path) ? JsonSerializer.Deserialize<T>(await File.ReadAllTextAsync(path), Options) : default;
}
