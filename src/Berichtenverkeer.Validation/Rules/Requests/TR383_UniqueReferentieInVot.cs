using Berichtenverkeer.Ijw.Catalog;
using Berichtenverkeer.Ijw.Model;
using static Berichtenverkeer.Ijw.Catalog.MessageTypes;

namespace Berichtenverkeer.Validation.Rules.Requests;

public sealed class TR383_UniqueReferentieInVot : InMessageRule
{
    public override string Code => "TR383";

    public override string Description => "ReferentieAanbieder is unique per AangevraagdProduct within the message.";

    public override IReadOnlyList<MessageType> Messages => [JW315];

    public override IEnumerable<Violation> Check(IjwMessage message) =>
        message is Jw315Message m
            ? m.Client.AangevraagdeProducten
                .GroupBy(p => p.ReferentieAanbieder, StringComparer.Ordinal)
                .SelectMany(g => g.Skip(1))
                .Select(p => At(p, "ReferentieAanbieder", "ReferentieAanbieder occurs more than once in this request"))
            : [];
}
