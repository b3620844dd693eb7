using Berichtenverkeer.Ijw.Catalog;
using Berichtenverkeer.Ijw.Model;

namespace Berichtenverkeer.Validation.Rules.Products;

/// <summary>CS338 (JW301, JW317) and CS343 (JW315): units 14, 16, 83, 84 are never "per day" on a product running into 2021 or later.</summary>
public abstract class FrequentieForUnitRule : InMessageRule
{
    public override string Description =>
        "With Eenheid 14, 16, 83 or 84 and an end date after 2020-12-31 or none, Frequentie is 2, 4 or 6.";

    protected abstract bool AppliesTo(IProductPeriod product);

    public override IEnumerable<Violation> Check(IjwMessage message) =>
        MessageParts.ProductPeriods(message)
            .Where(p => AppliesTo(p)
                && p.Omvang is { } o
                && Eenheid.NeedsCoarseFrequency(o.Eenheid)
                && o.Frequentie is not (Frequentie.PerWeek or Frequentie.PerMaand or Frequentie.Totaal)
                && MessageParts.EndsAfter2020OrOpen(p))
            .Select(p => At($"{p.Path}/Omvang/Frequentie", $"Eenheid {p.Omvang!.Eenheid} cannot be assigned per day; use Frequentie 2, 4 or 6"));
}
