using Berichtenverkeer.Ijw.Catalog;
using Berichtenverkeer.Ijw.Model;
using static Berichtenverkeer.Ijw.Catalog.MessageTypes;

namespace Berichtenverkeer.Validation.Rules.Requests;

public sealed class CD043_BeschikkingIngangsdatum : InMessageRule
{
    public override string Code => "CD043";

    public override string Description => "BeschikkingIngangsdatum is required when BeschikkingNummer is filled, otherwise empty.";

    public override IReadOnlyList<MessageType> Messages => [JW315];

    public override IEnumerable<Violation> Check(IjwMessage message) =>
        message is Jw315Message m
            ? m.Client.AangevraagdeProducten
                .Where(p => (p.BeschikkingNummer is null) != (p.BeschikkingIngangsdatum is null))
                .Select(p => At(p, "BeschikkingIngangsdatum", p.BeschikkingNummer is null
                    ? "BeschikkingIngangsdatum must be empty without a BeschikkingNummer"
                    : "BeschikkingIngangsdatum is required with a BeschikkingNummer"))
            : [];
}
