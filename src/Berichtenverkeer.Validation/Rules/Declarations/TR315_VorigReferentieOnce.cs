using Berichtenverkeer.Ijw.Catalog;
using Berichtenverkeer.Ijw.Model;
using static Berichtenverkeer.Ijw.Catalog.MessageTypes;

namespace Berichtenverkeer.Validation.Rules.Declarations;

public sealed class TR315_VorigReferentieOnce : InMessageRule
{
    public override string Code => "TR315";

    public override string Description => "Every VorigReferentieNummer value occurs at most once in the message.";

    public override IReadOnlyList<MessageType> Messages => [JW323];

    public override IEnumerable<Violation> Check(IjwMessage message) =>
        MessageParts.Prestaties(message)
            .Where(p => p.VorigReferentieNummer is not null)
            .GroupBy(p => p.VorigReferentieNummer!, StringComparer.Ordinal)
            .SelectMany(g => g.Skip(1))
            .Select(p => At(p, "ProductReferentie/VorigReferentieNummer", "The same debit is credited twice in this message"));
}
