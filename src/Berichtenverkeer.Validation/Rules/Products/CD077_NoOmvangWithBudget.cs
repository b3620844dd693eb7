using Berichtenverkeer.Ijw.Catalog;
using Berichtenverkeer.Ijw.Model;
using static Berichtenverkeer.Ijw.Catalog.MessageTypes;

namespace Berichtenverkeer.Validation.Rules.Products;

public sealed class CD077_NoOmvangWithBudget : InMessageRule
{
    public override string Code => "CD077";

    public override string Description => "Omvang is empty when Budget is filled.";

    public override IReadOnlyList<MessageType> Messages => [JW301, JW315, JW317];

    public override IEnumerable<Violation> Check(IjwMessage message) =>
        MessageParts.ProductPeriods(message)
            .Where(p => p.Budget is not null && p.Omvang is not null)
            .Select(p => At($"{p.Path}/Omvang", "Omvang must be empty when a Budget is given"));
}
