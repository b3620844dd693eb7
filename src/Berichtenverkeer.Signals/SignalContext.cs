using System.Globalization;
using Berichtenverkeer.Ijw.Catalog;
using Berichtenverkeer.Ijw.Model;
using Berichtenverkeer.Matching.State;
using Berichtenverkeer.Matching.Volume;

namespace Berichtenverkeer.Signals;

/// <summary>Identity and labels of a rule (AT7: every signal names its rule and version).</summary>
public sealed record RuleInfo(string Id, int Version, string Name, Severity Severity, ControlStage Stage, SignalScope Scope);

/// <summary>
/// When a rule runs. The spec's sections A–E look at one prestatie or one client and can be judged as soon as a
/// message is processed; sections F–G (utilisation, peers, growth, digits, networks, budget) need a whole period.
/// </summary>
public enum SignalScope
{
    /// <summary>Judged right after a message is processed, over the state of the clients it names.</summary>
    Message,

    /// <summary>Judged as a batch per declaration period, and on demand.</summary>
    Period,
}

/// <summary>A named, versioned detection rule with its own options.</summary>
public interface ISignalRule
{
    RuleInfo Info { get; }

    /// <summary>Why the rule cannot run on this input (missing data or configuration), or null when it can.</summary>
    string? CannotRun(SignalContext context);

    IEnumerable<Signal> Evaluate(SignalContext context);
}

/// <summary>The input of one batch with the indexes the rules share.</summary>
public sealed class SignalContext
{
    private readonly Dictionary<string, string> _pseudonyms = new(StringComparer.Ordinal);
    private readonly Dictionary<string, MessageRecord> _messages;

    public SignalContext(SignalInput input, DateOnly periodFrom, DateOnly periodTo)
    {
        ArgumentNullException.ThrowIfNull(input);
        Input = input;
        PeriodFrom = periodFrom;
        PeriodTo = periodTo;
        _messages = input.Messages.GroupBy(m => m.MessageId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        Versions = input.Assignments
            .GroupBy(a => (a.Gemeente, a.ToewijzingNummer))
            .ToDictionary(g => g.Key, g => (IReadOnlyList<AssignmentRecord>)g.OrderBy(a => a.VersionMoment).ToList());
        Regie = input.Regie.Where(r => !r.Deleted).ToList();

        // Paid care: approved debits not cancelled by an approved credit (the credit names the debit it cancels).
        var credited = input.Prestaties
            .Where(p => p.Approved && p.IsCredit)
            .Select(p => (p.Agb, Ref: p.VorigReferentieNummer ?? p.ReferentieNummer))
            .ToHashSet();
        Paid = input.Prestaties.Where(p => p.Approved && !p.IsCredit && !credited.Contains((p.Agb, p.ReferentieNummer))).ToList();
        PaidInPeriod = Paid.Where(p => Overlaps(p.ProductPeriode, periodFrom, periodTo)).ToList();
    }

    public SignalInput Input { get; }

    public DateOnly PeriodFrom { get; }

    public DateOnly PeriodTo { get; }

    /// <summary>All versions of each assignment (gemeente, ToewijzingNummer), oldest first.</summary>
    public IReadOnlyDictionary<(string Gemeente, long Nummer), IReadOnlyList<AssignmentRecord>> Versions { get; }

    /// <summary>Starts and stops that are not deleted.</summary>
    public IReadOnlyList<RegieRecord> Regie { get; }

    /// <summary>Approved debit prestaties that were not credited.</summary>
    public IReadOnlyList<PrestatieRecord> Paid { get; }

    /// <summary><see cref="Paid"/> whose ProductPeriode overlaps the batch period.</summary>
    public IReadOnlyList<PrestatieRecord> PaidInPeriod { get; }

    public static bool Overlaps(GeslotenPeriode p, DateOnly from, DateOnly to) => p.Begindatum <= to && p.Einddatum >= from;

    public static DateOnly MonthOf(DateOnly d) => new(d.Year, d.Month, 1);

    public static DateOnly EndOfMonth(DateOnly month) => month.AddMonths(1).AddDays(-1);

    public static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Calendar months [first of month] overlapping the batch period.</summary>
    public IEnumerable<DateOnly> Months()
    {
        for (var m = MonthOf(PeriodFrom); m <= PeriodTo; m = m.AddMonths(1))
        {
            yield return m;
        }
    }

    /// <summary>The current version of an assignment (IV013), or null.</summary>
    public AssignmentRecord? Latest(string gemeente, long nummer) =>
        Versions.TryGetValue((gemeente, nummer), out var v) ? v[^1] : null;

    public string Pseudonym(string bsn)
    {
        if (!_pseudonyms.TryGetValue(bsn, out var p))
        {
            p = Input.Pseudonymizer.Pseudonym(bsn);
            _pseudonyms[bsn] = p;
        }

        return p;
    }

    public MessageRecord? Message(string messageId) => _messages.GetValueOrDefault(messageId);

    /// <summary>When a message was sent: its Dagtekening if the message record is known.</summary>
    public DateOnly? Dagtekening(string messageId) => Message(messageId)?.Dagtekening;

    /// <summary>
    /// The most that fits in [from, to] pro rata, in the scale of <see cref="VolumeMath.InAssignmentScale"/> (hours ×60):
    /// per day × days, per week × days/7, per month × days/days-in-month; null for a total (F6) or without an Omvang.
    /// </summary>
    public static double? ProRataCap(Omvang? omvang, DateOnly from, DateOnly to)
    {
        if (omvang is null || to < from)
        {
            return omvang is null ? null : 0;
        }

        double days = VolumeMath.Days(from, to);
        double volume = VolumeMath.Scaled(omvang.Volume, omvang.Eenheid);
        return omvang.Frequentie switch
        {
            Frequentie.PerDag => volume * days,
            Frequentie.PerWeek => volume * days / 7.0,
            Frequentie.PerMaand => volume * days / DateTime.DaysInMonth(from.Year, from.Month),
            _ => null,
        };
    }

    /// <summary>A prestatie's volume in the assignment's scale, or null when the units do not convert.</summary>
    public static long? Scaled(PrestatieRecord p, AssignmentRecord a) =>
        a.Omvang is null ? null : VolumeMath.InAssignmentScale(p.GeleverdVolume, p.Eenheid, a.Omvang.Eenheid);

    /// <summary>Builds a signal with a deterministic id; message hashes are looked up, the BSN becomes a pseudonym.</summary>
    public Signal Make(
        RuleInfo rule,
        string gemeente,
        string? agb,
        string? bsn,
        IEnumerable<string> messageIds,
        IDictionary<string, double> values,
        string description,
        DateOnly from,
        DateOnly to,
        IEnumerable<string> keyFacts,
        Severity? severity = null,
        IEnumerable<string>? relatedAgbs = null)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var ids = messageIds.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var client = bsn is null ? null : Pseudonym(bsn);
        var key = new List<string> { gemeente, agb ?? string.Empty, client ?? string.Empty };
        key.AddRange(keyFacts);
        return new Signal
        {
            Id = Signal.MakeId(rule.Id, rule.Version, key),
            RuleId = rule.Id,
            RuleVersion = rule.Version,
            Severity = severity ?? rule.Severity,
            Stage = rule.Stage,
            Gemeente = gemeente,
            Agb = agb,
            RelatedAgbs = (relatedAgbs ?? []).Where(a => a != agb).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(),
            Client = client,
            MessageIds = ids,
            ContentHashes = ids.Select(Message).OfType<MessageRecord>().Select(m => m.ContentHash).Distinct(StringComparer.Ordinal).ToList(),
            Values = new SortedDictionary<string, double>(values, StringComparer.Ordinal),
            Description = description,
            PeriodFrom = from,
            PeriodTo = to,
        };
    }
}

/// <summary>Small statistics the period rules share.</summary>
public static class Stats
{
    public static double Quantile(IReadOnlyList<double> values, double q)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToArray();
        var pos = (sorted.Length - 1) * q;
        var lo = (int)Math.Floor(pos);
        var hi = (int)Math.Ceiling(pos);
        return sorted[lo] + ((sorted[hi] - sorted[lo]) * (pos - lo));
    }

    public static double Median(IReadOnlyList<double> values) => Quantile(values, 0.5);

    public static double StdDev(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count < 2)
        {
            return 0;
        }

        var mean = values.Average();
        return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / values.Count);
    }
}
