using Berichtenverkeer.Ijw.Catalog;
using Berichtenverkeer.Ijw.Model;
using static Berichtenverkeer.Ijw.Catalog.MessageTypes;

namespace Berichtenverkeer.Validation.Rules.Declarations;

public sealed class TR316_NoCreditOfDebitInSameMessage : InMessageRule
{
    public override string Code => "TR316";

    public override string Description => "No VorigReferentieNummer equals the ReferentieNummer of a prestatie in the same message.";

    public override IReadOnlyList<MessageType> Messages => [JW323];

    public override IEnumerable<Violation> Check(IjwMessage message)
    {
        var prestaties = MessageParts.Prestaties(message).ToList();

        // Only credits carry a VorigReferentieNummer; a debit-only declaration needs no set of its references.
        if (prestaties.TrueForAll(p => p.VorigReferentieNummer is null))
        {
            return [];
        }

        var referenties = prestaties.Select(p => p.ReferentieNummer).ToHashSet(StringComparer.Ordinal);
        return prestaties
            .Where(p => p.VorigReferentieNummer is { } vorig && referenties.Contains(vorig))
            .Select(p => At(p, "ProductReferentie/VorigReferentieNummer", "A debit cannot be credited in the message that declares it"));
    }
}
