using Berichtenverkeer.Ijw.Catalog;
using Berichtenverkeer.Ijw.Model;
using Berichtenverkeer.Matching.Engine;

namespace Berichtenverkeer.Matching.Rules.Header;

public sealed class TR135_DagtekeningNotInFuture : MatchingRule<IjwMessage>
{
    public override string Code => "TR135";

    public override string Retourcode => "8848";

    public override int Level => 4;

    public override string Description => "Dagtekening is not after the receiver's system date.";

    public override IReadOnlyList<MessageType> Messages => Heen.All;

    public override bool Passes(IjwMessage subject, MatchContext context) => subject.Header.Dagtekening <= context.Today;
}
