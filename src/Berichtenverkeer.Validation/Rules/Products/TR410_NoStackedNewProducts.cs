using Berichtenverkeer.Ijw.Catalog;
using Berichtenverkeer.Ijw.Model;
using static Berichtenverkeer.Ijw.Catalog.MessageTypes;

namespace Berichtenverkeer.Validation.Rules.Products;

public sealed class TR410_NoStackedNewProducts : NoOverlappingProductsRule
{
    public override string Code => "TR410";

    public override string Description =>
        "Among the NieuwProducts a product occurs more than once only with non-overlapping [GewensteIngangsdatum, Einddatum].";

    public override IReadOnlyList<MessageType> Messages => [JW317];

    protected override IReadOnlyList<IProductPeriod> Products(IjwMessage message) =>
        message is Jw317Message m ? m.Client.Verzoek.NieuweProducten : [];
}
