using Berichtenverkeer.Ijw.Catalog;
using Berichtenverkeer.Ijw.Model;
using static Berichtenverkeer.Ijw.Catalog.MessageTypes;

namespace Berichtenverkeer.Validation.Rules.Products;

public sealed class CS338_FrequentieForUnit : FrequentieForUnitRule
{
    public override string Code => "CS338";

    public override IReadOnlyList<MessageType> Messages => [JW301, JW317];

    protected override bool AppliesTo(IProductPeriod product) => product is ToegewezenProduct or TeWijzigenProduct or NieuwProduct;
}
