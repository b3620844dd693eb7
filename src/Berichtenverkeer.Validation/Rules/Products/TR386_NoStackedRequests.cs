using Berichtenverkeer.Ijw.Catalog;
using Berichtenverkeer.Ijw.Model;
using static Berichtenverkeer.Ijw.Catalog.MessageTypes;

namespace Berichtenverkeer.Validation.Rules.Products;

public sealed class TR386_NoStackedRequests : NoOverlappingProductsRule
{
    public override string Code => "TR386";

    public override string Description =>
        "A product occurs more than once in a VOT only with non-overlapping [ToewijzingIngangsdatum, ToewijzingEinddatum].";

    public override IReadOnlyList<MessageType> Messages => [JW315];

    protected override IReadOnlyList<IProductPeriod> Products(IjwMessage message) =>
        message is Jw315Message m ? m.Client.AangevraagdeProducten : [];
}
