using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Berichtenverkeer.Signals;

/// <summary>The severity scale of fraud-signals.md: L weak indicator … C strong evidence of no entitlement.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Severity>))]
public enum Severity
{
    L,
    M,
    H,
    C,
}

/// <summary>The control stages of the Regeling Jeugdwet a signal serves.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ControlStage>))]
public enum ControlStage
{
    Formal,
    Material,
    Detail,
    FraudInvestigation,
}

/// <summary>
/// One fraud-suspicion event (AT7). Never a retourcode and never a change to an answer (OP364/OP095, AT10): it is
/// written to signals.jsonl for material control or investigation. It carries the client's keyed pseudonym, never a BSN.
/// </summary>
public sealed record Signal
{
    /// <summary>Deterministic: a hash of rule id, rule version and the key facts, so a rerun gives the same id.</summary>
    public required string Id { get; init; }

    public required string RuleId { get; init; }

    public required int RuleVersion { get; init; }

    public required Severity Severity { get; init; }

    public required ControlStage Stage { get; init; }

    public required string Gemeente { get; init; }

    /// <summary>The provider the signal is about; null for a client-level finding (then see <see cref="RelatedAgbs"/>).</summary>
    public string? Agb { get; init; }

    /// <summary>Other providers involved (the other side of a migration, a shared-client pair, a client-level finding).</summary>
    public IReadOnlyList<string> RelatedAgbs { get; init; } = [];

    /// <summary>Keyed pseudonym of the client (BsnPseudonymizer); null for provider-level rules.</summary>
    public string? Client { get; init; }

    /// <summary>The messages the signal rests on (message ids), sorted.</summary>
    public IReadOnlyList<string> MessageIds { get; init; } = [];

    /// <summary>SHA-256 content hashes of those messages where the input knows them.</summary>
    public IReadOnlyList<string> ContentHashes { get; init; } = [];

    /// <summary>The computed values and the thresholds applied (name → value).</summary>
    public IReadOnlyDictionary<string, double> Values { get; init; } = new SortedDictionary<string, double>(StringComparer.Ordinal);

    /// <summary>One plain sentence for a person.</summary>
    public required string Description { get; init; }

    public required DateOnly PeriodFrom { get; init; }

    public required DateOnly PeriodTo { get; init; }

    /// <summary>"sig-" and 32 hex characters of SHA-256 over the parts (which never include a BSN: pass the pseudonym).</summary>
    public static string MakeId(string ruleId, int version, IEnumerable<string> keyFacts)
    {
        var text = string.Join('\u001f', new[] { ruleId, version.ToString(CultureInfo.InvariantCulture) }.Concat(keyFacts));
        return "sig-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text))[..16]);
    }
}

/// <summary>A rule that could not run on this input, and why (e.g. FR21 without birth dates).</summary>
public sealed record SkippedRule(string RuleId, int RuleVersion, string Reason);

/// <summary>What one batch produced.</summary>
public sealed record SignalBatch(IReadOnlyList<Signal> Signals, IReadOnlyList<SkippedRule> Skipped, IReadOnlyList<RuleInfo> Rules);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(Signal))]
[JsonSerializable(typeof(SkippedRule))]
internal sealed partial class SignalJsonContext : JsonSerializerContext;

/// <summary>signals.jsonl: one camelCase JSON object per line (source-generated serializer).</summary>
public static class SignalJson
{
    public static string Serialize(Signal signal) => JsonSerializer.Serialize(signal, SignalJsonContext.Default.Signal);

    public static Signal? Deserialize(string line) => JsonSerializer.Deserialize(line, SignalJsonContext.Default.Signal);

    public static async Task WriteJsonlAsync(string path, IEnumerable<Signal> signals, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(signals);
        await using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false));
        foreach (var signal in signals)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await writer.WriteLineAsync(Serialize(signal)).ConfigureAwait(false);
        }
    }
}
