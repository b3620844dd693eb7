using Berichtenverkeer.Ijw.Catalog;
using Berichtenverkeer.Ijw.Model;
using static Berichtenverkeer.Ijw.Catalog.MessageTypes;

namespace Berichtenverkeer.Validation.Rules.Declarations;

public sealed class CS325_ZeroIsDebit : InMessageRule
{
    public override string Code => "CS325";

    public override string Description => "An amount of 0 has DebetCredit D.";

    public override IReadOnlyList<MessageType> Messages => [JW323, JW325];

    public override IEnumerable<Violation> Check(IjwMessage message) =>
        Amounts(message)
            .Where(a => a.Bedrag is { Waarde: 0, DebetCredit: not DebetCredit.Debet })
            .Select(a => At(a.Owner, a.Field, "A zero amount must be marked D (debit)"));

    // Owner and field apart: the path is joined only for a violation, not for each of 1,000 clean prestaties.
    private static IEnumerable<(IjwClass Owner, string Field, Bedrag Bedrag)> Amounts(IjwMessage message)
    {
        switch (message)
        {
            case Jw323Message m:
                yield return (m.Declaratie, "TotaalIngediendBedrag", m.Declaratie.TotaalIngediendBedrag);
                break;
            case Jw325Message { DeclaratieAntwoord: { } a }:
                yield return (a, "TotaalIngediendBedrag", a.TotaalIngediendBedrag);
                yield return (a, "TotaalToegekendBedrag", a.TotaalToegekendBedrag);
                break;
        }

        foreach (var p in MessageParts.Prestaties(message))
        {
            yield return (p, "IngediendBedrag", p.IngediendBedrag);
        }
    }
}
