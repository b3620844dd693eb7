using Berichtenverkeer.Ijw.Catalog;
using Berichtenverkeer.Ijw.Model;
using Berichtenverkeer.Matching.Engine;
using static Berichtenverkeer.Ijw.Catalog.MessageTypes;

namespace Berichtenverkeer.Matching.Rules.Declarations;

/// <remarks>Reported on the Client class, where the spec attaches it ([UNSURE]: the code text speaks of the prestatie).</remarks>
public sealed class TR304_DeclaredClientOwnsAssignment : MatchingRule<DeclaratieClient>
{
    public override string Code => "TR304";

    public override string Retourcode => "8187";

    public override string Description => "The client's Bsn is the BSN of the assignment each of its prestaties refers to.";

    public override IReadOnlyList<MessageType> Messages => [JW323];

    public override bool Passes(DeclaratieClient subject, MatchContext context) =>
        subject.Prestaties.All(p => context.Assignment(p.ToewijzingNummer) is not { } a || a.Bsn == subject.Bsn);
}
