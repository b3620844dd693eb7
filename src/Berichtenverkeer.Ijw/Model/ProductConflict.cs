namespace Berichtenverkeer.Ijw.Model;

/// <summary>
/// "Product conflict" of rules.md §0 ([DERIVED] from TR302/TR386/TR410/TR361): periods overlap and the products
/// are the same, where a missing Product (generic) clashes with anything and a missing Code with its whole category.
/// </summary>
public static class ProductConflict
{
    public static bool Overlaps(DateOnly aBegin, DateOnly? aEnd, DateOnly bBegin, DateOnly? bEnd) =>
        aBegin <= (bEnd ?? DateOnly.MaxValue) && bBegin <= (aEnd ?? DateOnly.MaxValue);

    public static bool SameProduct(Product? a, Product? b) =>
        a is null || b is null || (a.Categorie == b.Categorie && (a.Code is null || b.Code is null || a.Code == b.Code));

    public static bool Conflicts(Product? a, DateOnly aBegin, DateOnly? aEnd, Product? b, DateOnly bBegin, DateOnly? bEnd) =>
        SameProduct(a, b) && Overlaps(aBegin, aEnd, bBegin, bEnd);
}
