using Berichtenverkeer.Ijw.Catalog;
using Berichtenverkeer.Ijw.Model;
using static Berichtenverkeer.Ijw.Catalog.MessageTypes;

namespace Berichtenverkeer.Validation.Rules.Products;

public sealed class CD041_OmvangWithProductCode : InMessageRule
{
    public override string Code => "CD041";

    public override string Description => "Omvang is required when Product/Code is filled (a specific product).";

    public override IReadOnlyList<MessageType> Messages => [JW301, JW315, JW317];

    public override IEnumerable<Violation> Check(IjwMessage message) =>
        MessageParts.ProductsWithOwnProduct(message)
            .Where(p => p.Product?.Code is not null && p.Omvang is null)
            .Select(p => At($"{p.Path}/Omvang", "A specific product (with Product/Code) needs an Omvang"));
}
