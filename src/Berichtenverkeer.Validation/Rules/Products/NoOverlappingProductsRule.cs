using Berichtenverkeer.Ijw.Model;

namespace Berichtenverkeer.Validation.Rules.Products;

/// <summary>TR302 (JW301), TR386 (JW315) and TR410 (JW317 NieuwProduct): no stacked products within one message (OP259/OP347).</summary>
public abstract class NoOverlappingProductsRule : InMessageRule
{
    protected abstract IReadOnlyList<IProductPeriod> Products(IjwMessage message);

    public override IEnumerable<Violation> Check(IjwMessage message)
    {
        var products = Products(message);
        for (var i = 0; i < products.Count; i++)
        {
            for (var j = 0; j < i; j++)
            {
                var (a, b) = (products[j], products[i]);
                if (ProductConflict.Conflicts(a.Product, a.Ingangsdatum, a.Einddatum, b.Product, b.Ingangsdatum, b.Einddatum))
                {
                    yield return At(b.Path, $"The product overlaps in period with {a.Path.Split('/')[^1]}");
                    break;
                }
            }
        }
    }
}
