using System.Security.Cryptography;
using System.Text;

namespace Berichtenverkeer.Audit.Trail;

/// <summary>
/// How entries are hashed and linked. For an entry with sequence s, time t, kind k, payload p and previous hash h:
/// <code>
/// body       = canonical JSON of {"at": t, "kind": k, "payload": p, "sequence": s}
///              e.g. {"at":"2026-03-10T08:00:00.000Z","kind":"audit-event","payload":{…},"sequence":1}
/// entry_hash = lowercase hex( SHA-256( UTF-8(body) ‖ ASCII(h) ) )
/// </code>
/// h is the previous entry's entry_hash as 64 lowercase hex characters; the first entry (sequence 1) uses 64 zeros.
/// Hashing the envelope (not only the payload) also protects the time, the kind and the position.
/// </summary>
public static class AuditChain
{
    /// <summary>The prev_hash of sequence 1.</summary>
    public static readonly string GenesisHash = new('0', 64);

    /// <summary>The canonical body an entry hash covers.</summary>
    public static string Body(long sequence, string atText, string kind, string canonicalPayload)
    {
        var builder = new StringBuilder(canonicalPayload.Length + 96);
        builder.Append("{\"at\":");
        CanonicalJson.AppendString(builder, atText);
        builder.Append(",\"kind\":");
        CanonicalJson.AppendString(builder, kind);
        builder.Append(",\"payload\":").Append(canonicalPayload);
        builder.Append(",\"sequence\":").Append(sequence.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.Append('}');
        return builder.ToString();
    }

    /// <summary>entry_hash for the given fields (payload already canonical).</summary>
    public static string Hash(long sequence, string atText, string kind, string canonicalPayload, string prevHash)
    {
        var body = CanonicalJson.Utf8(Body(sequence, atText, kind, canonicalPayload));
        var prev = Encoding.ASCII.GetBytes(prevHash);
        var bytes = new byte[body.Length + prev.Length];
        body.CopyTo(bytes, 0);
        prev.CopyTo(bytes, body.Length);
        return Convert.ToHexStringLower(SHA256.HashData(bytes));
    }

    /// <summary>Recomputes an entry's hash from its fields (its own <see cref="AuditTrailEntry.EntryHash"/> is ignored).</summary>
    public static string Recompute(AuditTrailEntry entry) =>
        Hash(entry.Sequence, entry.AtText, entry.Kind, entry.Payload, entry.PrevHash);

    /// <summary>
    /// Numbers and hashes drafts so they continue the chain after <paramref name="head"/> (none: a new chain from
    /// sequence 1). Stores call this while they hold the append lock.
    /// </summary>
    public static IReadOnlyList<AuditTrailEntry> Link(AuditTrailHead? head, IReadOnlyList<TrailDraft> drafts)
    {
        ArgumentNullException.ThrowIfNull(drafts);
        var sequence = head?.Sequence ?? 0;
        var prev = head?.EntryHash ?? GenesisHash;
        var entries = new List<AuditTrailEntry>(drafts.Count);
        foreach (var draft in drafts)
        {
            sequence++;
            var hash = Hash(sequence, AuditTime.Format(draft.At), draft.Kind, draft.Payload, prev);
            entries.Add(new AuditTrailEntry(sequence, draft.At, draft.Kind, draft.Payload, prev, hash));
            prev = hash;
        }

        return entries;
    }

    /// <summary>True for 64 lowercase hex characters.</summary>
    public static bool IsHash(string? value) =>
        value is { Length: 64 } && value.All(c => c is >= '0' and <= '9' or >= 'a' and <= 'f');
}
