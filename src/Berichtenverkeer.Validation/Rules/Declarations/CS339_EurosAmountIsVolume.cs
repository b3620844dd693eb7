using Berichtenverkeer.Ijw.Catalog;
using Berichtenverkeer.Ijw.Model;
using static Berichtenverkeer.Ijw.Catalog.MessageTypes;

namespace Berichtenverkeer.Validation.Rules.Declarations;

public sealed class CS339_EurosAmountIsVolume : InMessageRule
{
    public override string Code => "CS339";

    public override string Description => "With Eenheid 83 (euros) IngediendBedrag/Bedrag equals GeleverdVolume.";

    public override IReadOnlyList<MessageType> Messages => [JW323];

    public override IEnumerable<Violation> Check(IjwMessage message) =>
        MessageParts.Prestaties(message)
            .Where(p => p.Eenheid == Eenheid.Euros && p.IngediendBedrag.Waarde != p.GeleverdVolume)
            .Select(p => At(p, "IngediendBedrag/Bedrag", "In euros (Eenheid 83) the amount must equal GeleverdVolume"));
}
