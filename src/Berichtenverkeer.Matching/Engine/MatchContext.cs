using Berichtenverkeer.Ijw.Model;
using Berichtenverkeer.Matching.State;
using Berichtenverkeer.ReferenceData;

namespace Berichtenverkeer.Matching.Engine;

/// <summary>
/// Everything a level-3/4 rule may look at while one message is evaluated: the message, the loaded state (which
/// grows as classes of this message are accepted), the reference data and the system date.
/// </summary>
public sealed class MatchContext
{
    private readonly Dictionary<long, List<AssignmentRecord>> _assignmentsByNumber = [];
    private readonly Dictionary<string, List<PrestatieRecord>> _prestatiesByReferentie = new(StringComparer.Ordinal);
    private readonly Dictionary<long, List<PrestatieRecord>> _prestatiesByAssignment = [];
    private readonly Dictionary<string, List<PrestatieRecord>> _creditsByVorig = new(StringComparer.Ordinal);

    internal MatchContext(IjwMessage message, StateSnapshot state, IReferenceData reference, DateOnly today, MatchingOptions options)
    {
        Message = message;
        State = state;
        Reference = reference;
        Today = today;
        Options = options;
        var scope = StateScope.Of(message);
        Gemeente = scope.Gemeente;
        Agb = scope.Agb;
        foreach (var a in state.Assignments.Where(a => a.Gemeente == Gemeente))
        {
            Index(_assignmentsByNumber, a.ToewijzingNummer, a);
        }

        foreach (var p in state.Prestaties.Where(p => p.Agb == Agb))
        {
            IndexPrestatie(p);
        }
    }

    public IjwMessage Message { get; }

    public StateSnapshot State { get; }

    public IReferenceData Reference { get; }

    /// <summary>The receiver's system date (TR135), fixed by the caller so replays are reproducible.</summary>
    public DateOnly Today { get; }

    public MatchingOptions Options { get; }

    public string Gemeente { get; }

    public string Agb { get; }

    public DateOnly Dagtekening => Message.Header.Dagtekening;

    /// <summary>The date that decides whether an assignment is current (rules.md §0, <see cref="MatchingOptions"/>).</summary>
    public DateOnly ReferenceDate => Options.CurrentAssignmentReference == CurrentAssignmentReference.SystemDate ? Today : Dagtekening;

    /// <summary>All versions of an assignment number of this municipality, any provider or client.</summary>
    public IReadOnlyList<AssignmentRecord> AssignmentVersions(long toewijzingNummer) =>
        _assignmentsByNumber.TryGetValue(toewijzingNummer, out var list) ? list : [];

    /// <summary>The latest version (IV013) of an assignment of this municipality to this provider.</summary>
    public AssignmentRecord? Assignment(long toewijzingNummer) =>
        AssignmentVersions(toewijzingNummer).Where(a => a.Agb == Agb).MaxBy(a => a.VersionMoment);

    /// <summary>Latest versions of this client's assignments with this provider that are current on the reference date.</summary>
    public IEnumerable<AssignmentRecord> CurrentAssignments(string bsn) =>
        _assignmentsByNumber.Values
            .Select(versions => versions.Where(a => a.Agb == Agb).MaxBy(a => a.VersionMoment))
            .OfType<AssignmentRecord>()
            .Where(a => a.Bsn == bsn && a.IsCurrentOn(ReferenceDate));

    public IReadOnlyList<PrestatieRecord> PrestatiesWithReferentie(string referentieNummer) =>
        _prestatiesByReferentie.TryGetValue(referentieNummer, out var list) ? list : [];

    public IReadOnlyList<PrestatieRecord> PrestatiesOn(long toewijzingNummer) =>
        _prestatiesByAssignment.TryGetValue(toewijzingNummer, out var list) ? list : [];

    /// <summary>True when an approved credit names this debit (OP360: credited in full).</summary>
    public bool IsCredited(PrestatieRecord debit) =>
        PrestatiesCrediting(debit.ReferentieNummer).Any(c => c.Approved);

    public IReadOnlyList<PrestatieRecord> PrestatiesCrediting(string referentieNummer) =>
        _creditsByVorig.TryGetValue(referentieNummer, out var list) ? list : [];

    /// <summary>Approved debits on an assignment that no approved credit has taken back.</summary>
    public IEnumerable<PrestatieRecord> StandingDebits(long toewijzingNummer) =>
        PrestatiesOn(toewijzingNummer).Where(p => p.Approved && !p.IsCredit && !IsCredited(p));

    public IEnumerable<RegieRecord> Regie(string bsn) => State.Regie.Where(r => r.Bsn == bsn && r.Gemeente == Gemeente && r.Agb == Agb);

    public IEnumerable<RequestRecord> RequestsOf(string referentie) =>
        State.Requests.Where(r => r.Agb == Agb && r.ReferentieAanbieder == referentie);

    public IEnumerable<AnswerRecord> AnswersOn(string referentie) =>
        State.Answers.Where(a => a.Gemeente == Gemeente && a.Agb == Agb && a.ReferentieAanbieder == referentie);

    /// <summary>
    /// A request stays pending until a JW319 rejects it (VerzoekAntwoord 1) or a JW301 carries its reference (TR374).
    /// "Under investigation" (2) keeps it pending.
    /// </summary>
    public bool IsPending(RequestRecord request) =>
        !AnswersOn(request.ReferentieAanbieder).Any(a => a.VerzoekAntwoord == "1")
        && !State.Assignments.Any(a => a.Gemeente == request.Gemeente && a.Agb == request.Agb && a.ReferentieAanbieder == request.ReferentieAanbieder);

    internal void Accept(AssignmentRecord assignment)
    {
        State.Assignments.Add(assignment);
        Index(_assignmentsByNumber, assignment.ToewijzingNummer, assignment);
    }

    internal void Accept(PrestatieRecord prestatie)
    {
        State.Prestaties.Add(prestatie);
        IndexPrestatie(prestatie);
    }

    private void IndexPrestatie(PrestatieRecord p)
    {
        if (!_prestatiesByReferentie.TryGetValue(p.ReferentieNummer, out var byRef))
        {
            _prestatiesByReferentie[p.ReferentieNummer] = byRef = [];
        }

        byRef.Add(p);
        if (p is { IsCredit: true, VorigReferentieNummer: { } vorig })
        {
            if (!_creditsByVorig.TryGetValue(vorig, out var credits))
            {
                _creditsByVorig[vorig] = credits = [];
            }

            credits.Add(p);
        }

        if (p.Gemeente == Gemeente)
        {
            Index(_prestatiesByAssignment, p.ToewijzingNummer, p);
        }
    }

    private static void Index<T>(Dictionary<long, List<T>> index, long key, T item)
    {
        if (!index.TryGetValue(key, out var list))
        {
            index[key] = list = [];
        }

        list.Add(item);
    }
}
