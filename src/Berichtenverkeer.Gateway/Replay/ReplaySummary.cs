using System.Text.Json;
using System.Text.Json.Serialization;

namespace Berichtenverkeer.Gateway.Replay;

/// <summary>What a replay or run did: counts per message type and disposition, and the retourcodes seen.</summary>
public sealed record ReplaySummary
{
    public required int Messages { get; init; }

    public required string Today { get; init; }

    public required double Seconds { get; init; }

    /// <summary>Message type → disposition → count ("unknown" for messages that were not iJw at all).</summary>
    public required SortedDictionary<string, SortedDictionary<string, int>> ByType { get; init; }

    public required SortedDictionary<string, int> ByDisposition { get; init; }

    /// <summary>Retourcode or level-2 rule → count.</summary>
    public required SortedDictionary<string, int> RuleCodes { get; init; }

    public int ReferenceRows { get; init; }

    /// <summary>Fraud-suspicion signals per rule (signals.jsonl); events only, they never change an answer.</summary>
    public SortedDictionary<string, int> Signals { get; init; } = new(StringComparer.Ordinal);

    public string ToJson() => JsonSerializer.Serialize(this, ReplayJson.Default.ReplaySummary);
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(ReplaySummary))]
internal sealed partial class ReplayJson : JsonSerializerContext;
