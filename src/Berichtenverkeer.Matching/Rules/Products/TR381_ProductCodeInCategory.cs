using Berichtenverkeer.Ijw.Catalog;
using Berichtenverkeer.Ijw.Model;
using Berichtenverkeer.Matching.Engine;
using static Berichtenverkeer.Ijw.Catalog.MessageTypes;

namespace Berichtenverkeer.Matching.Rules.Products;

/// <remarks>
/// Checked against the national list 021 and the municipality's own list; without a product code list loaded it passes.
/// A start or stop with StatusAanlevering 3 is not checked: a delete needs no content checks besides TR063/TR071
/// (rules.md §4.3), and the code list may have changed since the delivery it deletes was accepted.
/// </remarks>
public sealed class TR381_ProductCodeInCategory : MatchingRule<IjwClass>
{
    public override string Code => "TR381";

    public override string Retourcode => "S329";

    public override int Level => 4;

    public override string Description => "ProductCode belongs to ProductCategorie in the product code list used.";

    public override IReadOnlyList<MessageType> Messages => [JW301, JW305, JW307, JW315, JW317, JW323];

    public override bool Passes(IjwClass subject, MatchContext context)
    {
        var (categorie, code, date) = subject switch
        {
            ToegewezenProduct p => (p.Product?.Categorie, p.Product?.Code, p.Ingangsdatum),
            RegieProduct { IsDelete: true } => (null, null, default),
            RegieProduct p => (p.Product?.Categorie, p.Product?.Code, p.Begindatum),
            AangevraagdProduct p => (p.Product?.Categorie, p.Product?.Code, p.ToewijzingIngangsdatum),
            NieuwProduct p => (p.Product?.Categorie, p.Product?.Code, p.GewensteIngangsdatum),
            DeclaredPrestatie p => (p.Prestatie.ProductCategorie, p.Prestatie.ProductCode, p.Prestatie.ProductPeriode.Begindatum),
            _ => (null, null, default),
        };
        return categorie is null || code is null || !context.Reference.HasProductCodes
            || context.Reference.ProductCodeBelongs(categorie, code, context.Gemeente, date);
    }
}
