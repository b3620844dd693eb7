using Berichtenverkeer.Ijw.Catalog;
using Berichtenverkeer.Matching.Engine;
using static Berichtenverkeer.Ijw.Catalog.MessageTypes;

namespace Berichtenverkeer.Matching.Rules.Header;

/// <summary>TR378 on the municipality a JW319 names as responsible ([DERIVED] in rules.md §5).</summary>
public sealed class TR378_WoonplaatsbeginselGemeente : MatchingRule<WoonplaatsbeginselSubject>
{
    public override string Code => "TR378";

    public override string Retourcode => "S300";

    public override int Level => 4;

    public override string Description => "Woonplaatsbeginsel/Gemeente occurs in the CBS list.";

    public override IReadOnlyList<MessageType> Messages => [JW319];

    public override bool Passes(WoonplaatsbeginselSubject subject, MatchContext context) =>
        !context.Reference.HasGemeenteList || context.Reference.IsKnownGemeente(subject.Gemeente, context.Dagtekening);
}
