using System.Text.Json;
using System.Text.Json.Serialization;

namespace Berichtenverkeer.Audit.Events;

/// <summary>The one JSON shape of an audit event: in the outbox, in audit.jsonl and (later) in the hash chain.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(AuditEvent))]
public sealed partial class AuditJson : JsonSerializerContext
{
    public static string Serialize(AuditEvent auditEvent) => JsonSerializer.Serialize(auditEvent, Default.AuditEvent);

    public static AuditEvent Deserialize(string json) =>
        JsonSerializer.Deserialize(json, Default.AuditEvent) ?? throw new JsonException("An audit event cannot be null.");
}
