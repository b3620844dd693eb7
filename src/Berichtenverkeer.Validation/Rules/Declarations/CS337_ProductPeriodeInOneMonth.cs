using Berichtenverkeer.Ijw.Catalog;
using Berichtenverkeer.Ijw.Model;
using static Berichtenverkeer.Ijw.Catalog.MessageTypes;

namespace Berichtenverkeer.Validation.Rules.Declarations;

public sealed class CS337_ProductPeriodeInOneMonth : InMessageRule
{
    public override string Code => "CS337";

    public override string Description => "ProductPeriode/Einddatum lies in the same calendar month and year as its Begindatum.";

    public override IReadOnlyList<MessageType> Messages => [JW323];

    public override IEnumerable<Violation> Check(IjwMessage message) =>
        MessageParts.Prestaties(message)
            .Where(p => p.ProductPeriode.Begindatum.Year != p.ProductPeriode.Einddatum.Year
                || p.ProductPeriode.Begindatum.Month != p.ProductPeriode.Einddatum.Month)
            .Select(p => At(p, "ProductPeriode/Einddatum", "A ProductPeriode stays within one calendar month"));
}
