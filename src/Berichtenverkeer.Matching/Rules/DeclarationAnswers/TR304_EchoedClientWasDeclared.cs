using Berichtenverkeer.Ijw.Catalog;
using Berichtenverkeer.Ijw.Model;
using Berichtenverkeer.Matching.Engine;
using static Berichtenverkeer.Ijw.Catalog.MessageTypes;

namespace Berichtenverkeer.Matching.Rules.DeclarationAnswers;

public sealed class TR304_EchoedClientWasDeclared : MatchingRule<AntwoordClient>
{
    public override string Code => "TR304";

    public override string Retourcode => "8187";

    public override string Description => "Each echoed client's Bsn occurs in the answered JW323.";

    public override IReadOnlyList<MessageType> Messages => [JW325];

    public override bool Passes(AntwoordClient subject, MatchContext context) =>
        context.State.AnsweredDeclaratieMessage is null || context.State.AnsweredPrestaties.Any(p => p.Bsn == subject.Bsn);
}
