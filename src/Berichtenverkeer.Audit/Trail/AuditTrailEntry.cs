using System.Globalization;

namespace Berichtenverkeer.Audit.Trail;

/// <summary>What a trail entry records.</summary>
public static class TrailKind
{
    /// <summary>An <see cref="Events.AuditEvent"/> of a message's life (payload: the event's JSON).</summary>
    public const string AuditEvent = "audit-event";

    /// <summary>A state change of a fraud-suspicion signal's triage (payload: <see cref="TriageTransition"/>).</summary>
    public const string Triage = "triage";

    /// <summary>Written after retention deleted the oldest entries: which range went, and the hash the rest continues from.</summary>
    public const string RetentionAnchor = "retention-anchor";

    public static bool IsKnown(string kind) => kind is AuditEvent or Triage or RetentionAnchor;
}

/// <summary>
/// One link of the hash chain. <see cref="EntryHash"/> = lowercase hex SHA-256 of the UTF-8 canonical JSON of
/// <c>{"at","kind","payload","sequence"}</c> followed by the ASCII bytes of <see cref="PrevHash"/> (see <see cref="AuditChain"/>).
/// </summary>
/// <param name="Sequence">1, 2, 3 … without gaps, from the first entry ever written (retention deletes a prefix).</param>
/// <param name="At">When the entry was appended, UTC, whole milliseconds.</param>
/// <param name="Kind">One of <see cref="TrailKind"/>.</param>
/// <param name="Payload">The canonical JSON text of the payload object (<see cref="CanonicalJson"/>).</param>
/// <param name="PrevHash">The previous entry's <see cref="EntryHash"/>; <see cref="AuditChain.GenesisHash"/> for sequence 1.</param>
/// <param name="EntryHash">This entry's hash.</param>
public sealed record AuditTrailEntry(long Sequence, DateTimeOffset At, string Kind, string Payload, string PrevHash, string EntryHash)
{
    /// <summary><see cref="At"/> as the trail writes it: <c>yyyy-MM-ddTHH:mm:ss.fffZ</c>.</summary>
    public string AtText => AuditTime.Format(At);
}

/// <summary>An entry to append: its kind, time and canonical payload; the store gives it a sequence and hashes.</summary>
public sealed record TrailDraft
{
    private TrailDraft(string kind, DateTimeOffset at, string payload)
    {
        Kind = kind;
        At = at;
        Payload = payload;
    }

    public string Kind { get; }

    /// <summary>UTC, truncated to whole milliseconds.</summary>
    public DateTimeOffset At { get; }

    /// <summary>Canonical JSON text of an object.</summary>
    public string Payload { get; }

    /// <summary>A draft with the payload canonicalised (any JSON object text) and the time truncated to milliseconds.</summary>
    public static TrailDraft Create(string kind, DateTimeOffset at, string payloadJson)
    {
        if (!TrailKind.IsKnown(kind))
        {
            throw new ArgumentException($"Unknown trail entry kind '{kind}'.", nameof(kind));
        }

        var canonical = CanonicalJson.Canonicalize(payloadJson);
        if (!canonical.StartsWith('{'))
        {
            throw new ArgumentException("A trail payload is a JSON object.", nameof(payloadJson));
        }

        return new TrailDraft(kind, AuditTime.Truncate(at), canonical);
    }
}

/// <summary>The newest entry and how many entries the store holds.</summary>
/// <param name="Sequence">The newest entry's sequence.</param>
/// <param name="EntryHash">Its hash: what the next entry's prev_hash must be.</param>
/// <param name="At">When it was appended.</param>
/// <param name="Count">Entries present (fewer than <paramref name="Sequence"/> once retention deleted some).</param>
public sealed record AuditTrailHead(long Sequence, string EntryHash, DateTimeOffset At, long Count);

/// <summary>Trail time: UTC with millisecond precision (NEN 7513 asks for ms), one fixed text form.</summary>
public static class AuditTime
{
    public const string TextFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    public static DateTimeOffset Truncate(DateTimeOffset at)
    {
        var utc = at.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
    }

    public static string Format(DateTimeOffset at) => Truncate(at).ToString(TextFormat, CultureInfo.InvariantCulture);

    /// <summary>Parses exactly the trail form (<see cref="TextFormat"/>); anything else is not a trail time.</summary>
    public static bool TryParse(string? text, out DateTimeOffset at) =>
        DateTimeOffset.TryParseExact(text, TextFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out at);
}
