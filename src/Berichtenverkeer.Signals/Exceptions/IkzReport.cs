using System.Text.Json;
using System.Text.Json.Nodes;
using Berichtenverkeer.Audit.Trail;

namespace Berichtenverkeer.Signals.Exceptions;

/// <summary>
/// The Informatieknooppunt Zorgfraude (IKZ) melding for one confirmed signal (fraud-signals.md §3, AT9): who reports
/// (the municipality), about whom (the provider's AGB), under which scheme (Jeugdwet), the period, the rule with its plain
/// description and computed values, the evidence (message ids and content hashes), the client's keyed pseudonym — the
/// BSN is not in the file; the entitled municipality has it on request — the triage history (who, when, why) and the
/// audit trail entry that anchors the decision in the hash chain.
/// </summary>
public static class IkzReport
{
    public const string Format = "berichtenverkeer-ikz-melding/1";

    public const string BsnStatement =
        "The client's BSN is not in this file. The entitled municipality (the reporter) provides it to the IKZ on request; "
        + "the pseudonym identifies the client within that municipality's gateway.";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>Builds the melding. <paramref name="trail"/> holds the signal's triage entries (ISignalStore.SignalTrailAsync).</summary>
    /// <exception cref="SignalNotConfirmedException">The signal is not in triage state confirmed.</exception>
    public static JsonObject Build(StoredSignal stored, IReadOnlyList<AuditTrailEntry> trail)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(trail);
        var s = stored.Signal;
        if (stored.State != TriageState.Confirmed)
        {
            throw new SignalNotConfirmedException(
                $"Signal {s.Id} is {TriageRules.StateText(stored.State)}: only a confirmed signal is reported to the IKZ.");
        }

        var history = trail.Where(e => e.Kind == TrailKind.Triage).OrderBy(e => e.Sequence).ToList();
        var anchor = history.LastOrDefault()
            ?? throw new InvalidOperationException($"Signal {s.Id} is confirmed but the audit trail holds no triage entry for it.");
        var values = new JsonObject();
        foreach (var (name, value) in s.Values)
        {
            values[name] = value;
        }

        return new JsonObject
        {
            ["format"] = Format,
            ["reporter"] = new JsonObject { ["gemeente"] = s.Gemeente },
            ["subject"] = new JsonObject { ["agb"] = s.Agb, ["relatedAgbs"] = Strings(s.RelatedAgbs) },
            ["scheme"] = "Jeugdwet",
            ["period"] = new JsonObject { ["from"] = Iso(s.PeriodFrom), ["to"] = Iso(s.PeriodTo) },
            ["signal"] = new JsonObject
            {
                ["id"] = s.Id,
                ["rule"] = s.RuleId,
                ["ruleVersion"] = s.RuleVersion,
                ["severity"] = s.Severity.ToString(),
                ["stage"] = s.Stage.ToString(),
                ["description"] = s.Description,
                ["firstSeen"] = AuditTime.Format(stored.FirstSeen),
            },
            ["values"] = values,
            ["evidence"] = new JsonObject { ["messageIds"] = Strings(s.MessageIds), ["contentHashes"] = Strings(s.ContentHashes) },
            ["client"] = new JsonObject { ["pseudonym"] = s.Client, ["bsn"] = BsnStatement },
            ["triage"] = new JsonArray(history.Select(e => (JsonNode)Transition(e)).ToArray()),
            ["anchor"] = new JsonObject
            {
                ["trailSequence"] = anchor.Sequence,
                ["entryHash"] = anchor.EntryHash,
                ["prevHash"] = anchor.PrevHash,
                ["at"] = anchor.AtText,
            },
        };
    }

    public static string Serialize(JsonObject report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report.ToJsonString(Indented);
    }

    private static JsonObject Transition(AuditTrailEntry entry)
    {
        var payload = JsonNode.Parse(entry.Payload)?.AsObject() ?? throw new InvalidDataException($"Trail entry {entry.Sequence} has no payload.");
        return new JsonObject
        {
            ["action"] = payload["action"]?.GetValue<string>(),
            ["from"] = payload["from"]?.GetValue<string>(),
            ["to"] = payload["to"]?.GetValue<string>(),
            ["who"] = payload["who"]?.GetValue<string>(),
            ["at"] = payload["at"]?.GetValue<string>(),
            ["reason"] = payload["reason"]?.GetValue<string>(),
            ["trailSequence"] = entry.Sequence,
            ["entryHash"] = entry.EntryHash,
        };
    }

    private static JsonArray Strings(IEnumerable<string> values) => new(values.Select(v => (JsonNode)JsonValue.Create(v)!).ToArray());

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>An IKZ melding was asked for a signal that is not confirmed.</summary>
public sealed class SignalNotConfirmedException(string message) : InvalidOperationException(message);
