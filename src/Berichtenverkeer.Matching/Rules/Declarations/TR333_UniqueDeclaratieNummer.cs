using Berichtenverkeer.Ijw.Catalog;
using Berichtenverkeer.Ijw.Model;
using Berichtenverkeer.Matching.Engine;
using static Berichtenverkeer.Ijw.Catalog.MessageTypes;

namespace Berichtenverkeer.Matching.Rules.Declarations;

public sealed class TR333_UniqueDeclaratieNummer : MatchingRule<Declaratie>
{
    public override string Code => "TR333";

    public override string Retourcode => "9333";

    public override string Description => "DeclaratieNummer is unique for the provider within the Jeugdwet domain.";

    public override IReadOnlyList<MessageType> Messages => [JW323];

    public override bool Passes(Declaratie subject, MatchContext context) => context.State.SameDeclaratieNummer is null;
}
