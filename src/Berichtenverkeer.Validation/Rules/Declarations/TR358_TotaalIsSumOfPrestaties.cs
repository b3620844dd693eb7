using Berichtenverkeer.Ijw.Catalog;
using Berichtenverkeer.Ijw.Model;
using static Berichtenverkeer.Ijw.Catalog.MessageTypes;

namespace Berichtenverkeer.Validation.Rules.Declarations;

/// <remarks>A negative net total is a positive TotaalBedrag marked C ([DERIVED]); a zero total is D (CS325 checks that).</remarks>
public sealed class TR358_TotaalIsSumOfPrestaties : InMessageRule
{
    public override string Code => "TR358";

    public override string Description => "TotaalIngediendBedrag (signed) equals the signed sum of all IngediendBedrag.";

    public override IReadOnlyList<MessageType> Messages => [JW323];

    public override IEnumerable<Violation> Check(IjwMessage message)
    {
        if (message is not Jw323Message m)
        {
            return [];
        }

        var sum = m.Declaratie.Prestaties.Sum(p => p.IngediendBedrag.Signed);
        return m.Declaratie.TotaalIngediendBedrag.Signed == sum
            ? []
            : [At(m.Declaratie, "TotaalIngediendBedrag", "TotaalIngediendBedrag does not equal the sum of the prestaties (debit minus credit)")];
    }
}
