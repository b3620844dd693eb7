using Berichtenverkeer.Ijw.Catalog;
using Berichtenverkeer.Ijw.Model;
using static Berichtenverkeer.Ijw.Catalog.MessageTypes;

namespace Berichtenverkeer.Validation.Rules.Declarations;

public sealed class CD087_TariefUnlessEuros : InMessageRule
{
    public override string Code => "CD087";

    public override string Description => "ProductTarief is required when Eenheid ≠ 83, and empty when Eenheid = 83 (euros).";

    public override IReadOnlyList<MessageType> Messages => [JW323];

    public override IEnumerable<Violation> Check(IjwMessage message) =>
        MessageParts.Prestaties(message)
            .Where(p => (p.Eenheid == Eenheid.Euros) == (p.ProductTarief is not null))
            .Select(p => At(p, "ProductTarief", p.Eenheid == Eenheid.Euros
                ? "A prestatie in euros (Eenheid 83) has no ProductTarief"
                : "ProductTarief is required unless Eenheid is 83"));
}
