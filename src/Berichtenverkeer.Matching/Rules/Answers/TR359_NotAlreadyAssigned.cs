using Berichtenverkeer.Ijw.Catalog;
using Berichtenverkeer.Ijw.Model;
using Berichtenverkeer.Matching.Engine;
using static Berichtenverkeer.Ijw.Catalog.MessageTypes;

namespace Berichtenverkeer.Matching.Rules.Answers;

public sealed class TR359_NotAlreadyAssigned : MatchingRule<Antwoord>
{
    public override string Code => "TR359";

    public override string Retourcode => "9359";

    public override string Description => "No JW301 carrying this ReferentieAanbieder has been received already.";

    public override IReadOnlyList<MessageType> Messages => [JW319];

    public override bool Passes(Antwoord subject, MatchContext context) =>
        !context.State.Assignments.Any(a => a.Gemeente == context.Gemeente && a.Agb == context.Agb && a.ReferentieAanbieder == subject.ReferentieAanbieder);
}
