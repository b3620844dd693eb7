using Berichtenverkeer.Ijw.Catalog;
using Berichtenverkeer.Ijw.Model;
using Berichtenverkeer.Matching.Engine;
using static Berichtenverkeer.Ijw.Catalog.MessageTypes;

namespace Berichtenverkeer.Matching.Rules.DeclarationAnswers;

/// <remarks>Checked for the receiving provider; no retour exists on a JW325, so the finding travels out of band (OP090x2).</remarks>
public sealed class TR337_AnswersKnownDeclaration : MatchingRule<IjwMessage>
{
    public override string Code => "TR337";

    public override string Retourcode => "n.v.t.";

    public override string Description => "DeclaratieIdentificatie is the BerichtIdentificatie of a JW323 the provider sent to this municipality.";

    public override IReadOnlyList<MessageType> Messages => [JW325];

    public override bool Passes(IjwMessage subject, MatchContext context) => context.State.AnsweredDeclaratieMessage is not null;
}
