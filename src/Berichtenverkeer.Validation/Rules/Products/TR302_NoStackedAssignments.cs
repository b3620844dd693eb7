using Berichtenverkeer.Ijw.Catalog;
using Berichtenverkeer.Ijw.Model;
using static Berichtenverkeer.Ijw.Catalog.MessageTypes;

namespace Berichtenverkeer.Validation.Rules.Products;

public sealed class TR302_NoStackedAssignments : NoOverlappingProductsRule
{
    public override string Code => "TR302";

    public override string Description =>
        "A product occurs more than once in a JW301 only with non-overlapping periods; deleted assignments are ignored.";

    public override IReadOnlyList<MessageType> Messages => [JW301];

    protected override IReadOnlyList<IProductPeriod> Products(IjwMessage message) =>
        message is Jw301Message m ? m.Client.ToegewezenProducten.Where(p => !p.IsDeleted).ToList<IProductPeriod>() : [];
}
