using Berichtenverkeer.Ijw.Catalog;
using Berichtenverkeer.Ijw.Model;
using Berichtenverkeer.Matching.Engine;
using static Berichtenverkeer.Ijw.Catalog.MessageTypes;

namespace Berichtenverkeer.Matching.Rules.Requests;

public sealed class TR349_VowListsAllCurrentAssignments : MatchingRule<Verzoek>
{
    public override string Code => "TR349";

    public override string Retourcode => "9349";

    public override string Description =>
        "OngewijzigdProduct ∪ TeWijzigenProduct holds every current assignment of this client with this provider.";

    public override IReadOnlyList<MessageType> Messages => [JW317];

    public override bool Passes(Verzoek subject, MatchContext context)
    {
        var listed = subject.OngewijzigdeProducten.Select(p => p.ToewijzingNummer)
            .Concat(subject.TeWijzigenProducten.Select(p => p.ToewijzingNummer))
            .ToHashSet();
        return context.CurrentAssignments(((Jw317Message)context.Message).Client.Bsn).All(a => listed.Contains(a.ToewijzingNummer));
    }
}
