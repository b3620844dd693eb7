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
            .Select(a => At(a.Path, "A zero amount must be marked D (debit)"));

    private static IEnumerable<(string Path, Bedrag Bedrag)> Amounts(IjwMessage message)
    {
        switch (message)
        {
            case Jw323Message m:
                yield return ($"{m.Declaratie.Path}/TotaalIngediendBedrag", m.Declaratie.TotaalIngediendBedrag);
                break;
            case Jw325Message { DeclaratieAntwoord: { } a }:
                yield return ($"{a.Path}/TotaalIngediendBedrag", a.TotaalIngediendBedrag);
                yield return ($"{a.Path}/TotaalToegekendBedrag", a.TotaalToegekendBedrag);
                break;
        }

        foreach (var p in MessageParts.Prestaties(message))
        {
            yield return ($"{p.Path}/IngediendBedrag", p.IngediendBedrag);
        }
    }
}
