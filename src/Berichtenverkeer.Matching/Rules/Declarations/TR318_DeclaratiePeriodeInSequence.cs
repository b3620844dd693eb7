using Berichtenverkeer.Ijw.Catalog;
using Berichtenverkeer.Ijw.Model;
using Berichtenverkeer.Matching.Engine;
using static Berichtenverkeer.Ijw.Catalog.MessageTypes;

namespace Berichtenverkeer.Matching.Rules.Declarations;

/// <remarks>
/// The municipality cannot see whether care was delivered every month, so ([DERIVED] OP284/IV090) the new period
/// may not lie before the latest one this provider declared to this municipality; the same month again (a
/// correction) and gaps are allowed.
/// </remarks>
public sealed class TR318_DeclaratiePeriodeInSequence : MatchingRule<Declaratie>
{
    public override string Code => "TR318";

    public override string Retourcode => "8214";

    public override string Description => "DeclaratiePeriode does not lie before the latest DeclaratiePeriode already received.";

    public override IReadOnlyList<MessageType> Messages => [JW323];

    public override bool Passes(Declaratie subject, MatchContext context) =>
        context.State.LatestDeclaratiePeriode is not { } latest || subject.DeclaratiePeriode.Begindatum >= latest.Begindatum;
}
