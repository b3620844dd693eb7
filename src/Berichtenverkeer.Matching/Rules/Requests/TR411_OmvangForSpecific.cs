using Berichtenverkeer.Ijw.Catalog;
using Berichtenverkeer.Ijw.Model;
using Berichtenverkeer.Matching.Engine;
using static Berichtenverkeer.Ijw.Catalog.MessageTypes;

namespace Berichtenverkeer.Matching.Rules.Requests;

public sealed class TR411_OmvangForSpecific : MatchingRule<TeWijzigenProduct>
{
    public override string Code => "TR411";

    public override string Retourcode => "9411";

    public override string Description => "Omvang is required when the referenced assignment has a Product/Code.";

    public override IReadOnlyList<MessageType> Messages => [JW317];

    public override bool Passes(TeWijzigenProduct subject, MatchContext context) =>
        subject.Omvang is not null || context.Assignment(subject.ToewijzingNummer)?.Product?.Code is null;
}
