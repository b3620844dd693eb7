using Berichtenverkeer.Ijw.Catalog;
using Berichtenverkeer.Ijw.Model;
using static Berichtenverkeer.Ijw.Catalog.MessageTypes;

namespace Berichtenverkeer.Validation.Rules.Requests;

public sealed class TR353_VowRequestsSomething : InMessageRule
{
    public override string Code => "TR353";

    public override string Description => "A VOW holds at least one TeWijzigenProduct or NieuwProduct.";

    public override IReadOnlyList<MessageType> Messages => [JW317];

    public override IEnumerable<Violation> Check(IjwMessage message) =>
        message is Jw317Message { Client.Verzoek: { TeWijzigenProducten.Count: 0, NieuweProducten.Count: 0 } v }
            ? [At(v.Path, "A change request must ask for a change or a new product")]
            : [];
}
