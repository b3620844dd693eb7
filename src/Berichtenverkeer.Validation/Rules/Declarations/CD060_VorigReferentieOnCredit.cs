using Berichtenverkeer.Ijw.Catalog;
using Berichtenverkeer.Ijw.Model;
using static Berichtenverkeer.Ijw.Catalog.MessageTypes;

namespace Berichtenverkeer.Validation.Rules.Declarations;

public sealed class CD060_VorigReferentieOnCredit : InMessageRule
{
    public override string Code => "CD060";

    public override string Description => "VorigReferentieNummer is present exactly when IngediendBedrag/DebetCredit = C.";

    public override IReadOnlyList<MessageType> Messages => [JW323, JW325];

    public override IEnumerable<Violation> Check(IjwMessage message) =>
        MessageParts.Prestaties(message)
            .Where(p => p.IsCredit != (p.VorigReferentieNummer is not null))
            .Select(p => At(p, "ProductReferentie/VorigReferentieNummer", p.IsCredit
                ? "A credit prestatie must name the debit it credits in VorigReferentieNummer"
                : "Only a credit prestatie carries a VorigReferentieNummer"));
}
