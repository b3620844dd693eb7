using Berichtenverkeer.Ijw.Catalog;
using Berichtenverkeer.Ijw.Model;
using static Berichtenverkeer.Ijw.Catalog.MessageTypes;

namespace Berichtenverkeer.Validation.Rules.Products;

public sealed class CS343_FrequentieForUnitInVot : FrequentieForUnitRule
{
    public override string Code => "CS343";

    public override IReadOnlyList<MessageType> Messages => [JW315];

    protected override bool AppliesTo(IProductPeriod product) => product is AangevraagdProduct;
}
