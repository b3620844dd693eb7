using Berichtenverkeer.Ijw.Catalog;
using Berichtenverkeer.Ijw.Model;
using Berichtenverkeer.Matching.Engine;
using static Berichtenverkeer.Ijw.Catalog.MessageTypes;

namespace Berichtenverkeer.Matching.Rules.DeclarationAnswers;

public sealed class TR376_SameDeclaratieNummer : MatchingRule<DeclaratieAntwoord>
{
    public override string Code => "TR376";

    public override string Retourcode => "n.v.t.";

    public override string Description => "DeclaratieAntwoord/DeclaratieNummer equals the DeclaratieNummer of the answered JW323.";

    public override IReadOnlyList<MessageType> Messages => [JW325];

    public override bool Passes(DeclaratieAntwoord subject, MatchContext context) =>
        context.State.AnsweredDeclaratie is not { } declared || declared.DeclaratieNummer == subject.DeclaratieNummer;
}
