using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Berichtenverkeer.Audit.Trail;

/// <summary>One line of an exported trail: the entry, or why the line could not be read.</summary>
public sealed record TrailLine(int LineNumber, AuditTrailEntry? Entry, string? Error);

/// <summary>
/// The export format: JSON Lines, UTF-8, one entry per line in sequence order:
/// <c>{"sequence":1,"at":"2026-03-10T08:00:00.000Z","kind":"audit-event","payload":{…},"prev_hash":"…","entry_hash":"…"}</c>.
/// The payload is written in its canonical form. Checkpoint files are JSON Lines too:
/// <c>{"sequence":120,"head_hash":"…","count":120,"at":"…"}</c>.
/// </summary>
public static class TrailJsonLines
{
    public static string Line(AuditTrailEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var builder = new StringBuilder(entry.Payload.Length + 256);
        builder.Append("{\"sequence\":").Append(entry.Sequence.ToString(CultureInfo.InvariantCulture));
        builder.Append(",\"at\":");
        CanonicalJson.AppendString(builder, entry.AtText);
        builder.Append(",\"kind\":");
        CanonicalJson.AppendString(builder, entry.Kind);
        builder.Append(",\"payload\":").Append(entry.Payload);
        builder.Append(",\"prev_hash\":");
        CanonicalJson.AppendString(builder, entry.PrevHash);
        builder.Append(",\"entry_hash\":");
        CanonicalJson.AppendString(builder, entry.EntryHash);
        builder.Append('}');
        return builder.ToString();
    }

    public static async Task WriteAsync(TextWriter writer, IEnumerable<AuditTrailEntry> entries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(entries);
        foreach (var entry in entries)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await writer.WriteAsync(Line(entry)).ConfigureAwait(false);
            await writer.WriteAsync('\n').ConfigureAwait(false);
        }
    }

    /// <summary>Reads entries lazily; a line that is not an entry comes back with its <see cref="TrailLine.Error"/>. Blank lines are skipped.</summary>
    public static IEnumerable<TrailLine> Read(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            yield return Parse(number, line);
        }
    }

    public static TrailLine Parse(int lineNumber, string line)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return Error("not a JSON object");
            }

            if (!root.TryGetProperty("sequence", out var sequenceElement) || !sequenceElement.TryGetInt64(out var sequence) || sequence < 1)
            {
                return Error("'sequence' must be a whole number ≥ 1");
            }

            if (!root.TryGetProperty("at", out var atElement) || !AuditTime.TryParse(atElement.ValueKind == JsonValueKind.String ? atElement.GetString() : null, out var at))
            {
                return Error($"'at' must be a time written {AuditTime.TextFormat}");
            }

            if (!root.TryGetProperty("kind", out var kind) || kind.ValueKind != JsonValueKind.String)
            {
                return Error("'kind' must be a string");
            }

            if (!root.TryGetProperty("payload", out var payload) || payload.ValueKind != JsonValueKind.Object)
            {
                return Error("'payload' must be a JSON object");
            }

            if (!root.TryGetProperty("prev_hash", out var prev) || prev.ValueKind != JsonValueKind.String
                || !root.TryGetProperty("entry_hash", out var hash) || hash.ValueKind != JsonValueKind.String)
            {
                return Error("'prev_hash' and 'entry_hash' must be strings");
            }

            var entry = new AuditTrailEntry(sequence, at, kind.GetString()!, CanonicalJson.Canonicalize(payload), prev.GetString()!, hash.GetString()!);
            return new TrailLine(lineNumber, entry, null);
        }
        catch (Exception e) when (e is JsonException or FormatException)
        {
            return Error(e.Message);
        }

        TrailLine Error(string why) => new(lineNumber, null, why);
    }

    public static string Line(AuditCheckpoint checkpoint)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        var builder = new StringBuilder(160);
        builder.Append("{\"sequence\":").Append(checkpoint.Sequence.ToString(CultureInfo.InvariantCulture));
        builder.Append(",\"head_hash\":");
        CanonicalJson.AppendString(builder, checkpoint.HeadHash);
        builder.Append(",\"count\":").Append(checkpoint.Count.ToString(CultureInfo.InvariantCulture));
        builder.Append(",\"at\":");
        CanonicalJson.AppendString(builder, AuditTime.Format(checkpoint.At));
        builder.Append('}');
        return builder.ToString();
    }

    /// <summary>Reads a checkpoint file; throws <see cref="FormatException"/> naming the first bad line.</summary>
    public static IReadOnlyList<AuditCheckpoint> ReadCheckpoints(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var checkpoints = new List<AuditCheckpoint>();
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                using var document = JsonDocument.Parse(line);
                var root = document.RootElement;
                if (root.ValueKind == JsonValueKind.Object
                    && root.TryGetProperty("sequence", out var sequence) && sequence.TryGetInt64(out var s) && s >= 1
                    && root.TryGetProperty("head_hash", out var hash) && hash.ValueKind == JsonValueKind.String
                    && root.TryGetProperty("count", out var count) && count.TryGetInt64(out var c) && c >= 0
                    && root.TryGetProperty("at", out var at) && at.ValueKind == JsonValueKind.String && AuditTime.TryParse(at.GetString(), out var when))
                {
                    checkpoints.Add(new AuditCheckpoint(s, hash.GetString()!, c, when));
                    continue;
                }
            }
            catch (JsonException)
            {
            }

            throw new FormatException(
                $"Checkpoint line {number.ToString(CultureInfo.InvariantCulture)} is not {{\"sequence\":n,\"head_hash\":\"…\",\"count\":n,\"at\":\"{AuditTime.TextFormat}\"}}.");
        }

        return checkpoints;
    }
}
