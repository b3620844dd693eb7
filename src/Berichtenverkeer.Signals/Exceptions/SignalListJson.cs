using System.Text.Json;
using System.Text.Json.Nodes;
using Berichtenverkeer.Audit.Trail;

namespace Berichtenverkeer.Signals.Exceptions;

/// <summary>Stored signals as one JSON array: each signal as in signals.jsonl plus its triage state, first-seen and publish times.</summary>
public static class SignalListJson
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static JsonObject ToNode(StoredSignal stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var node = JsonNode.Parse(SignalJson.Serialize(stored.Signal))!.AsObject();
        node["state"] = TriageRules.StateText(stored.State);
        node["firstSeen"] = AuditTime.Format(stored.FirstSeen);
        node["publishedAt"] = stored.PublishedAt is { } p ? AuditTime.Format(p) : null;
        return node;
    }

    public static string Serialize(IEnumerable<StoredSignal> signals) =>
        new JsonArray(signals.Select(s => (JsonNode)ToNode(s)).ToArray()).ToJsonString(Indented);
}
