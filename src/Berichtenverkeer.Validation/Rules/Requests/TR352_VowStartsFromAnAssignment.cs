using Berichtenverkeer.Ijw.Catalog;
using Berichtenverkeer.Ijw.Model;
using static Berichtenverkeer.Ijw.Catalog.MessageTypes;

namespace Berichtenverkeer.Validation.Rules.Requests;

public sealed class TR352_VowStartsFromAnAssignment : InMessageRule
{
    public override string Code => "TR352";

    public override string Description => "A VOW holds at least one OngewijzigdProduct or TeWijzigenProduct.";

    public override IReadOnlyList<MessageType> Messages => [JW317];

    public override IEnumerable<Violation> Check(IjwMessage message) =>
        message is Jw317Message { Client.Verzoek: { OngewijzigdeProducten.Count: 0, TeWijzigenProducten.Count: 0 } v }
            ? [At(v.Path, "A change request must list at least one current assignment (unchanged or to be changed)")]
            : [];
}
