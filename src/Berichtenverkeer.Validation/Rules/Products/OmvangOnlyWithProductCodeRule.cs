using Berichtenverkeer.Ijw.Model;

namespace Berichtenverkeer.Validation.Rules.Products;

/// <summary>
/// CD080 (JW301), CD095 (JW315) and CD096 (JW317 NieuwProduct) are one condition on three classes:
/// no Omvang for an aspecific or generic product unless it ended before 2021.
/// </summary>
public abstract class OmvangOnlyWithProductCodeRule : InMessageRule
{
    public override string Description => "Omvang is empty when Product/Code is empty and the end date is after 2020-12-31 or empty.";

    protected abstract bool AppliesTo(IProductPeriod product);

    public override IEnumerable<Violation> Check(IjwMessage message) =>
        MessageParts.ProductsWithOwnProduct(message)
            .Where(p => AppliesTo(p) && p.Omvang is not null && p.Product?.Code is null && MessageParts.EndsAfter2020OrOpen(p))
            .Select(p => At($"{p.Path}/Omvang", "An aspecific or generic product has no Omvang"));
}
