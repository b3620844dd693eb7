using Berichtenverkeer.Ijw.Catalog;
using Berichtenverkeer.Ijw.Model;
using static Berichtenverkeer.Ijw.Catalog.MessageTypes;

namespace Berichtenverkeer.Validation.Rules.Products;

public sealed class CD076_EinddatumPerWeek : InMessageRule
{
    public override string Code => "CD076";

    public override string Description => "The end date is required when Omvang/Frequentie = 2 (per week).";

    public override IReadOnlyList<MessageType> Messages => [JW301, JW315, JW317];

    public override IEnumerable<Violation> Check(IjwMessage message) =>
        MessageParts.ProductPeriods(message)
            .Where(p => p.Omvang?.Frequentie == Frequentie.PerWeek && p.Einddatum is null)
            .Select(p => At($"{p.Path}/{MessageParts.EinddatumName(p)}", "A weekly Omvang needs an end date"));
}
