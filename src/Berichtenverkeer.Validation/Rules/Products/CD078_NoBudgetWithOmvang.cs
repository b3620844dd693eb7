using Berichtenverkeer.Ijw.Catalog;
using Berichtenverkeer.Ijw.Model;
using static Berichtenverkeer.Ijw.Catalog.MessageTypes;

namespace Berichtenverkeer.Validation.Rules.Products;

/// <remarks>The mirror of CD077; the spec lists both, so a product with both is reported under both codes.</remarks>
public sealed class CD078_NoBudgetWithOmvang : InMessageRule
{
    public override string Code => "CD078";

    public override string Description => "Budget is empty when Omvang is filled.";

    public override IReadOnlyList<MessageType> Messages => [JW301, JW315, JW317];

    public override IEnumerable<Violation> Check(IjwMessage message) =>
        MessageParts.ProductPeriods(message)
            .Where(p => p.Budget is not null && p.Omvang is not null)
            .Select(p => At($"{p.Path}/Budget", "Budget must be empty when an Omvang is given"));
}
