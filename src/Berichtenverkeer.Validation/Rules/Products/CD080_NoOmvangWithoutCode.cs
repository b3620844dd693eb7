using Berichtenverkeer.Ijw.Catalog;
using Berichtenverkeer.Ijw.Model;
using static Berichtenverkeer.Ijw.Catalog.MessageTypes;

namespace Berichtenverkeer.Validation.Rules.Products;

public sealed class CD080_NoOmvangWithoutCode : OmvangOnlyWithProductCodeRule
{
    public override string Code => "CD080";

    public override IReadOnlyList<MessageType> Messages => [JW301];

    protected override bool AppliesTo(IProductPeriod product) => product is ToegewezenProduct;
}
