using Berichtenverkeer.Ijw.Catalog;
using Berichtenverkeer.Ijw.Model;
using static Berichtenverkeer.Ijw.Catalog.MessageTypes;

namespace Berichtenverkeer.Validation.Rules.Products;

public sealed class CD075_EinddatumWithBudget : InMessageRule
{
    public override string Code => "CD075";

    public override string Description => "The end date is required when a Budget is filled.";

    public override IReadOnlyList<MessageType> Messages => [JW301, JW315, JW317];

    public override IEnumerable<Violation> Check(IjwMessage message) =>
        MessageParts.ProductPeriods(message)
            .Where(p => p.Budget is not null && p.Einddatum is null)
            .Select(p => At($"{p.Path}/{MessageParts.EinddatumName(p)}", "A product with a Budget needs an end date"));
}
