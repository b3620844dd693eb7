using Berichtenverkeer.Matching.State;

namespace Berichtenverkeer.Matching.Tests.Support;

/// <summary>
/// An <see cref="IStateStore"/> in memory for flow tests. <see cref="LoadAsync"/> selects exactly what the
/// IStateStore documentation lists for a scope (nothing more, so a rule that reads outside its scope fails here
/// as it would against SQLite or PostgreSQL); <see cref="CommitAsync"/> applies all changes, deletes included.
/// The snapshot holds new lists, so the matcher's in-message additions never leak into the store.
/// </summary>
public sealed class InMemoryStateStore : IStateStore
{
    private readonly Lock _lock = new();

    public List<MessageRecord> Messages { get; } = [];

    public List<AssignmentRecord> Assignments { get; } = [];

    public List<RegieRecord> Regie { get; } = [];

    public List<RequestRecord> Requests { get; } = [];

    public List<AnswerRecord> Answers { get; } = [];

    public List<DeclarationRecord> Declarations { get; } = [];

    public List<PrestatieRecord> Prestaties { get; } = [];

    public Task<StateSnapshot> LoadAsync(StateScope scope, CancellationToken cancellationToken = default)
    {
        var (g, a) = (scope.Gemeente, scope.Agb);
        var bsns = scope.Bsns.ToHashSet(StringComparer.Ordinal);
        var numbers = scope.ToewijzingNummers.ToHashSet();
        var referenties = scope.Referenties.ToHashSet(StringComparer.Ordinal);
        var prestatieReferenties = scope.PrestatieReferenties.ToHashSet(StringComparer.Ordinal);
        lock (_lock)
        {
            var requests = Requests
                .Where(r => r.Agb == a && (referenties.Contains(r.ReferentieAanbieder) || (r.Gemeente == g && bsns.Contains(r.Bsn))))
                .ToList();
            var answerReferenties = referenties.Concat(requests.Select(r => r.ReferentieAanbieder)).ToHashSet(StringComparer.Ordinal);
            var answered = scope.AnsweredDeclaratie is { } id
                ? Messages.LastOrDefault(m => m.Type == "JW323" && m.Afzender == a && m.Ontvanger == g
                    && m.Identificatie == id.Identificatie && m.Dagtekening == id.Dagtekening)
                : null;
            var snapshot = new StateSnapshot
            {
                SameIdentificatie = Messages.LastOrDefault(m => m.Type == scope.Type && m.Afzender == scope.Afzender && m.Identificatie == scope.Identificatie),
                Assignments = Assignments
                    .Where(x => x.Gemeente == g
                        && (numbers.Contains(x.ToewijzingNummer)
                            || (x.Agb == a && bsns.Contains(x.Bsn))
                            || (x.Agb == a && x.ReferentieAanbieder is { } r && referenties.Contains(r))))
                    .ToList(),
                Regie = Regie.Where(r => r.Gemeente == g && r.Agb == a && bsns.Contains(r.Bsn)).ToList(),
                Requests = requests,
                Answers = Answers.Where(x => x.Gemeente == g && x.Agb == a && answerReferenties.Contains(x.ReferentieAanbieder)).ToList(),
                SameDeclaratieNummer = scope.DeclaratieNummer is { } nummer
                    ? Declarations.FirstOrDefault(d => d.Agb == a && d.DeclaratieNummer == nummer)
                    : null,
                LatestDeclaratiePeriode = Declarations.Where(d => d.Agb == a && d.Gemeente == g).MaxBy(d => d.DeclaratiePeriode.Begindatum)?.DeclaratiePeriode,
                Prestaties = Prestaties
                    .Where(p => p.Agb == a && (prestatieReferenties.Contains(p.ReferentieNummer) || (p.Gemeente == g && numbers.Contains(p.ToewijzingNummer))))
                    .ToList(),
                AnsweredDeclaratieMessage = answered,
                AnsweredDeclaratie = answered is null ? null : Declarations.FirstOrDefault(d => d.MessageId == answered.MessageId),
                AnsweredPrestaties = answered is null ? [] : Prestaties.Where(p => p.MessageId == answered.MessageId).ToList(),
            };
            return Task.FromResult(snapshot);
        }
    }

    public Task CommitAsync(StateChanges changes, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            if (Messages.Exists(m => m.MessageId == changes.Message.MessageId))
            {
                throw new StateConflictException($"Message {changes.Message.MessageId} was already committed.");
            }

            // Deletes first: they name records committed earlier, never ones of this message.
            var deletes = new List<int>();
            foreach (var deleted in changes.DeletedRegie)
            {
                var index = Regie.FindIndex(r => !r.Deleted && r.Gemeente == deleted.Gemeente && r.Agb == deleted.Agb
                    && r.Bsn == deleted.Bsn && r.Kind == deleted.Kind && r.Key == deleted.Key);
                if (index < 0 || deletes.Contains(index))
                {
                    throw new StateConflictException($"No standing {deleted.Kind} {deleted.Key} to delete.");
                }

                deletes.Add(index);
            }

            foreach (var index in deletes)
            {
                Regie[index] = Regie[index] with { Deleted = true };
            }

            Messages.Add(changes.Message);
            Assignments.AddRange(changes.Assignments);
            Regie.AddRange(changes.Regie);
            Requests.AddRange(changes.Requests);
            Answers.AddRange(changes.Answers);
            if (changes.Declaration is { } declaration)
            {
                Declarations.Add(declaration);
            }

            Prestaties.AddRange(changes.Prestaties);
        }

        return Task.CompletedTask;
    }
}
