using Berichtenverkeer.Ijw.Catalog;
using Berichtenverkeer.Ijw.Model;
using Berichtenverkeer.Matching.Engine;
using static Berichtenverkeer.Ijw.Catalog.MessageTypes;

namespace Berichtenverkeer.Matching.Rules.StartStop;

public sealed class TR413_TemporaryStopOnce : MatchingRule<StopProduct>
{
    public override string Code => "TR413";

    public override string Retourcode => "9413";

    public override string Description =>
        "After a temporary stop (20) for the same Bsn, ToewijzingNummer and Begindatum, only a definitive stop may follow.";

    public override IReadOnlyList<MessageType> Messages => [JW307];

    public override bool Passes(StopProduct subject, MatchContext context) =>
        subject.IsDelete || !subject.IsTemporary || !Regie.EarlierStops(context, subject).Any(r => r.IsTemporaryStop);
}
