using System.Text.Json;
using System.Text.Json.Nodes;

namespace Berichtenverkeer.Audit.Trail;

/// <summary>
/// The payload of a <see cref="TrailKind.RetentionAnchor"/> entry:
/// <c>{"count","cutoff","firstSequence","lastHash","lastSequence"}</c>. The oldest remaining entry (sequence
/// <see cref="LastSequence"/> + 1) has <see cref="LastHash"/> as its prev_hash, so the chain stays verifiable after the
/// deletion; the anchor itself is a chain entry, so changing it breaks the chain.
/// </summary>
/// <param name="FirstSequence">The oldest entry deleted by this run.</param>
/// <param name="LastSequence">The newest entry deleted by this run.</param>
/// <param name="Count">How many entries this run deleted.</param>
/// <param name="LastHash">entry_hash of entry <paramref name="LastSequence"/>.</param>
/// <param name="Cutoff">Entries older than this were due.</param>
public sealed record RetentionAnchor(long FirstSequence, long LastSequence, long Count, string LastHash, DateTimeOffset Cutoff)
{
    public TrailDraft Draft(DateTimeOffset at) => TrailDraft.Create(
        TrailKind.RetentionAnchor,
        at,
        new JsonObject
        {
            ["firstSequence"] = FirstSequence,
            ["lastSequence"] = LastSequence,
            ["count"] = Count,
            ["lastHash"] = LastHash,
            ["cutoff"] = AuditTime.Format(Cutoff),
        }.ToJsonString());

    /// <summary>Reads an anchor's payload; false when it lacks a field or a field has the wrong type.</summary>
    public static bool TryParse(string payload, out RetentionAnchor? anchor)
    {
        anchor = null;
        try
        {
            using var document = JsonDocument.Parse(payload);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object
                && root.TryGetProperty("firstSequence", out var first) && first.TryGetInt64(out var firstSequence)
                && root.TryGetProperty("lastSequence", out var last) && last.TryGetInt64(out var lastSequence)
                && root.TryGetProperty("count", out var countElement) && countElement.TryGetInt64(out var count)
                && root.TryGetProperty("lastHash", out var hash) && hash.ValueKind == JsonValueKind.String
                && root.TryGetProperty("cutoff", out var cutoffElement) && AuditTime.TryParse(cutoffElement.GetString(), out var cutoff))
            {
                anchor = new RetentionAnchor(firstSequence, lastSequence, count, hash.GetString()!, cutoff);
                return true;
            }
        }
        catch (JsonException)
        {
        }

        return false;
    }
}
