using Berichtenverkeer.Ijw.Catalog;
using Berichtenverkeer.Ijw.Model;
using Berichtenverkeer.Matching.Engine;
using static Berichtenverkeer.Ijw.Catalog.MessageTypes;

namespace Berichtenverkeer.Matching.Rules.Requests;

public sealed class TR347_UniqueVowReferentie : MatchingRule<Verzoek>
{
    public override string Code => "TR347";

    public override string Retourcode => "9347";

    public override string Description => "ReferentieAanbieder does not occur in an earlier VOT product or VOW of this provider.";

    public override IReadOnlyList<MessageType> Messages => [JW317];

    public override bool Passes(Verzoek subject, MatchContext context) => !context.RequestsOf(subject.ReferentieAanbieder).Any();
}
