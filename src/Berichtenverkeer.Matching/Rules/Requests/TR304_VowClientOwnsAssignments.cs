using Berichtenverkeer.Ijw.Catalog;
using Berichtenverkeer.Ijw.Model;
using Berichtenverkeer.Matching.Engine;
using static Berichtenverkeer.Ijw.Catalog.MessageTypes;

namespace Berichtenverkeer.Matching.Rules.Requests;

public sealed class TR304_VowClientOwnsAssignments : MatchingRule<Jw317Client>
{
    public override string Code => "TR304";

    public override string Retourcode => "8187";

    public override string Description => "The Bsn is the client of the assignments the unchanged and to-change products refer to.";

    public override IReadOnlyList<MessageType> Messages => [JW317];

    public override bool Passes(Jw317Client subject, MatchContext context) =>
        subject.Verzoek.OngewijzigdeProducten.Select(p => p.ToewijzingNummer)
            .Concat(subject.Verzoek.TeWijzigenProducten.Select(p => p.ToewijzingNummer))
            .Select(context.Assignment)
            .OfType<State.AssignmentRecord>()
            .All(a => a.Bsn == subject.Bsn);
}
