using Berichtenverkeer.Ijw.Catalog;
using Berichtenverkeer.Ijw.Model;
using Berichtenverkeer.Matching.Engine;
using static Berichtenverkeer.Ijw.Catalog.MessageTypes;

namespace Berichtenverkeer.Matching.Rules.StartStop;

public sealed class TR415_NothingAfterDefinitiveStop : MatchingRule<StopProduct>
{
    public override string Code => "TR415";

    public override string Retourcode => "9415";

    public override string Description =>
        "No further stop after a definitive stop (reason ≠ 20) with the same Bsn, ToewijzingNummer and Begindatum.";

    public override IReadOnlyList<MessageType> Messages => [JW307];

    public override bool Passes(StopProduct subject, MatchContext context) =>
        subject.IsDelete || !Regie.EarlierStops(context, subject).Any(r => !r.IsTemporaryStop);
}
