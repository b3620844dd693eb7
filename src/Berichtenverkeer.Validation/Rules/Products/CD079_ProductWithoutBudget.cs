using Berichtenverkeer.Ijw.Catalog;
using Berichtenverkeer.Ijw.Model;
using static Berichtenverkeer.Ijw.Catalog.MessageTypes;

namespace Berichtenverkeer.Validation.Rules.Products;

public sealed class CD079_ProductWithoutBudget : InMessageRule
{
    public override string Code => "CD079";

    public override string Description => "Product is required when Budget is empty (ToegewezenProduct, AangevraagdProduct, NieuwProduct).";

    public override IReadOnlyList<MessageType> Messages => [JW301, JW315, JW317];

    public override IEnumerable<Violation> Check(IjwMessage message) =>
        MessageParts.ProductsWithOwnProduct(message)
            .Where(p => p.Budget is null && p.Product is null)
            .Select(p => At($"{p.Path}/Product", "Product is required when there is no Budget"));
}
