using Berichtenverkeer.Ijw.Catalog;
using Berichtenverkeer.Ijw.Model;
using static Berichtenverkeer.Ijw.Catalog.MessageTypes;

namespace Berichtenverkeer.Validation.Rules.StartStop;

public sealed class TR018_StopEindNotBeforeBegin : InMessageRule
{
    public override string Code => "TR018";

    public override string Description => "A StopProduct's Einddatum is on or after its Begindatum.";

    public override IReadOnlyList<MessageType> Messages => [JW307];

    public override IEnumerable<Violation> Check(IjwMessage message) =>
        message is Jw307Message m
            ? m.Client.Products.Where(p => p.Einddatum < p.Begindatum).Select(p => At(p, "Einddatum", "Einddatum lies before Begindatum"))
            : [];
}
