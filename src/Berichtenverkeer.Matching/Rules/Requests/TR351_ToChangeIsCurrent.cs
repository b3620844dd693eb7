using Berichtenverkeer.Ijw.Catalog;
using Berichtenverkeer.Ijw.Model;
using Berichtenverkeer.Matching.Engine;
using static Berichtenverkeer.Ijw.Catalog.MessageTypes;

namespace Berichtenverkeer.Matching.Rules.Requests;

public sealed class TR351_ToChangeIsCurrent : MatchingRule<TeWijzigenProduct>
{
    public override string Code => "TR351";

    public override string Retourcode => "9351";

    public override string Description => "A TeWijzigenProduct refers to a current assignment of this client and provider.";

    public override IReadOnlyList<MessageType> Messages => [JW317];

    public override bool Passes(TeWijzigenProduct subject, MatchContext context) => Requests.Current(context, subject.ToewijzingNummer) is not null;
}
