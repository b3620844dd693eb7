using Berichtenverkeer.Ijw.Catalog;
using Berichtenverkeer.Ijw.Model;
using Berichtenverkeer.Matching.Engine;
using static Berichtenverkeer.Ijw.Catalog.MessageTypes;

namespace Berichtenverkeer.Matching.Rules.StartStop;

public sealed class TR414_EinddatumNotEarlier : MatchingRule<StopProduct>
{
    public override string Code => "TR414";

    public override string Retourcode => "9414";

    public override string Description =>
        "Einddatum is not earlier than that of an existing stop with the same Bsn, ToewijzingNummer and Begindatum.";

    public override IReadOnlyList<MessageType> Messages => [JW307];

    public override bool Passes(StopProduct subject, MatchContext context) =>
        subject.IsDelete || Regie.EarlierStops(context, subject).All(r => subject.Einddatum >= r.Einddatum);
}
