using Berichtenverkeer.Ijw.Catalog;
using Berichtenverkeer.Ijw.Model;
using Berichtenverkeer.Matching.Engine;
using Berichtenverkeer.Matching.State;
using static Berichtenverkeer.Ijw.Catalog.MessageTypes;

namespace Berichtenverkeer.Matching.Rules.StartStop;

/// <remarks>A temporary stop (reason 20) also ends the current start, so a restart after it is allowed (OP379).</remarks>
public sealed class TR326_NoSecondCurrentStart : MatchingRule<StartProduct>
{
    public override string Code => "TR326";

    public override string Retourcode => "9326";

    public override string Description =>
        "A new start only when no current start exists for the same assignment (task-based: the same product) (OP289).";

    public override IReadOnlyList<MessageType> Messages => [JW305];

    public override bool Passes(StartProduct subject, MatchContext context)
    {
        if (subject.IsDelete)
        {
            return true;
        }

        return !Regie.Standing(context).Any(r =>
            r.Kind == RegieKind.Start
            && (subject.ToewijzingNummer is null ? r.ToewijzingNummer is null && r.Product == subject.Product : r.ToewijzingNummer == subject.ToewijzingNummer)
            && !Regie.StopsOf(context, r.ToewijzingNummer, r.Product, r.Begindatum).Any());
    }
}
