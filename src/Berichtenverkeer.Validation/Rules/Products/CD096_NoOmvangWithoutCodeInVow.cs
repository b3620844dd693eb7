using Berichtenverkeer.Ijw.Catalog;
using Berichtenverkeer.Ijw.Model;
using static Berichtenverkeer.Ijw.Catalog.MessageTypes;

namespace Berichtenverkeer.Validation.Rules.Products;

public sealed class CD096_NoOmvangWithoutCodeInVow : OmvangOnlyWithProductCodeRule
{
    public override string Code => "CD096";

    public override IReadOnlyList<MessageType> Messages => [JW317];

    protected override bool AppliesTo(IProductPeriod product) => product is NieuwProduct;
}
