using Berichtenverkeer.Ijw.Catalog;
using Berichtenverkeer.Ijw.Model;
using Berichtenverkeer.Matching.Engine;
using static Berichtenverkeer.Ijw.Catalog.MessageTypes;

namespace Berichtenverkeer.Matching.Rules.Requests;

public sealed class TR350_UnchangedIsCurrent : MatchingRule<OngewijzigdProduct>
{
    public override string Code => "TR350";

    public override string Retourcode => "9350";

    public override string Description => "An OngewijzigdProduct refers to a current assignment of this client and provider.";

    public override IReadOnlyList<MessageType> Messages => [JW317];

    public override bool Passes(OngewijzigdProduct subject, MatchContext context) => Requests.Current(context, subject.ToewijzingNummer) is not null;
}
