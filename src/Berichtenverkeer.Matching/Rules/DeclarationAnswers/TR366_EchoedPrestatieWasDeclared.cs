using Berichtenverkeer.Ijw.Catalog;
using Berichtenverkeer.Matching.Engine;
using static Berichtenverkeer.Ijw.Catalog.MessageTypes;

namespace Berichtenverkeer.Matching.Rules.DeclarationAnswers;

public sealed class TR366_EchoedPrestatieWasDeclared : MatchingRule<EchoedPrestatie>
{
    public override string Code => "TR366";

    public override string Retourcode => "9366";

    public override string Description => "Each echoed ProductReferentie occurs in the answered JW323.";

    public override IReadOnlyList<MessageType> Messages => [JW325];

    public override bool Passes(EchoedPrestatie subject, MatchContext context) =>
        context.State.AnsweredDeclaratieMessage is null
        || context.State.AnsweredPrestaties.Any(p => p.ReferentieNummer == subject.Prestatie.ReferentieNummer);
}
