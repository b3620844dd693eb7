using System.Globalization;
using Berichtenverkeer.Audit.Trail;
using Berichtenverkeer.Reconciliation.Export;

namespace Berichtenverkeer.Signals.Exceptions;

/// <summary>
/// Stored signals as a spreadsheet: the reconciliation reports' CSV (';', UTF-8 with BOM, CRLF, formula guard on text),
/// ISO dates, times in UTC, numbers with a '.' decimal point. Lists inside a cell are separated by spaces; computed
/// values are "name=value" pairs separated by spaces. No BSN appears: the client column is the keyed pseudonym.
/// </summary>
public static class SignalCsv
{
    private static readonly CsvColumn<StoredSignal>[] Columns =
    [
        new("id", r => r.Signal.Id, IsText: true),
        new("rule", r => r.Signal.RuleId, IsText: true),
        new("rule_version", r => Csv.Number(r.Signal.RuleVersion)),
        new("severity", r => r.Signal.Severity.ToString(), IsText: true),
        new("stage", r => r.Signal.Stage.ToString(), IsText: true),
        new("state", r => TriageRules.StateText(r.State), IsText: true),
        new("gemeente", r => r.Signal.Gemeente, IsText: true),
        new("agb", r => r.Signal.Agb, IsText: true),
        new("related_agbs", r => string.Join(' ', r.Signal.RelatedAgbs), IsText: true),
        new("client_pseudonym", r => r.Signal.Client, IsText: true),
        new("period_from", r => Date(r.Signal.PeriodFrom)),
        new("period_to", r => Date(r.Signal.PeriodTo)),
        new("first_seen", r => Time(r.FirstSeen)),
        new("published_at", r => r.PublishedAt is { } p ? Time(p) : null),
        new("description", r => r.Signal.Description, IsText: true),
        new("values", r => string.Join(' ', r.Signal.Values.Select(v => $"{v.Key}={Number(v.Value)}")), IsText: true),
        new("message_ids", r => string.Join(' ', r.Signal.MessageIds), IsText: true),
        new("content_hashes", r => string.Join(' ', r.Signal.ContentHashes), IsText: true),
    ];

    /// <summary>The whole file: BOM, header, one row per signal.</summary>
    public static byte[] ToBytes(IEnumerable<StoredSignal> signals) => Csv.ToBytes(Columns, signals);

    /// <summary>A computed value with a '.' point and no exponent or thousands separator (0.1 stays 0.1, 1e6 is 1000000).</summary>
    public static string Number(double value) => value.ToString("0.############", CultureInfo.InvariantCulture);

    private static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Time(DateTimeOffset t) => AuditTime.Format(t);
}
