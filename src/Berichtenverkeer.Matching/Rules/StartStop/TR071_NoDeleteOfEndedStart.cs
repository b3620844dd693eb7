using Berichtenverkeer.Ijw.Catalog;
using Berichtenverkeer.Ijw.Model;
using Berichtenverkeer.Matching.Engine;
using static Berichtenverkeer.Ijw.Catalog.MessageTypes;

namespace Berichtenverkeer.Matching.Rules.StartStop;

public sealed class TR071_NoDeleteOfEndedStart : MatchingRule<StartProduct>
{
    public override string Code => "TR071";

    public override string Retourcode => "9071";

    public override string Description => "A start cannot be deleted once a (not deleted) stop refers to it (OP033).";

    public override IReadOnlyList<MessageType> Messages => [JW305];

    public override bool Passes(StartProduct subject, MatchContext context) =>
        !subject.IsDelete || !Regie.StopsOf(context, subject.ToewijzingNummer, subject.Product, subject.Begindatum).Any();
}
