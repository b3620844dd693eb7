using Berichtenverkeer.Ijw.Catalog;
using Berichtenverkeer.Ijw.Model;
using static Berichtenverkeer.Ijw.Catalog.MessageTypes;

namespace Berichtenverkeer.Validation.Rules.Declarations;

/// <summary>The consistency check on a JW325 (README §6.2).</summary>
public sealed class TR342_AnswerEchoesRejected : InMessageRule
{
    private static readonly string[] NonRejecting = [Ijw.Catalog.Retourcode.Akkoord, Ijw.Catalog.Retourcode.VolledigToegekend];

    public override string Code => "TR342";

    public override string Description =>
        "A JW325 echoes only rejected prestaties: Σ signed echoed IngediendBedrag = signed TotaalIngediend − signed TotaalToegekend; " +
        "a DeclaratieAntwoord with a rejection code echoes nothing and grants 0.";

    public override IReadOnlyList<MessageType> Messages => [JW325];

    public override IEnumerable<Violation> Check(IjwMessage message)
    {
        if (message is not Jw325Message { DeclaratieAntwoord: { } a })
        {
            yield break;
        }

        var rejectedWhole = a.RetourCodes.Any(c => !NonRejecting.Contains(c));
        if (rejectedWhole)
        {
            if (a.Clienten.Count > 0 || a.TotaalToegekendBedrag.Waarde != 0)
            {
                yield return At(a.Path, "A declaration rejected as a whole echoes no prestaties and grants 0");
            }

            yield break;
        }

        var echoed = a.Clienten.SelectMany(c => c.Prestaties).Sum(p => p.IngediendBedrag.Signed);
        if (echoed != a.TotaalIngediendBedrag.Signed - a.TotaalToegekendBedrag.Signed)
        {
            yield return At(a, "TotaalToegekendBedrag", "The echoed (rejected) prestaties do not add up to submitted minus granted");
        }

        foreach (var p in a.Clienten.SelectMany(c => c.Prestaties).Where(p => p.RetourCodes.All(NonRejecting.Contains)))
        {
            yield return At(p.Path, "Only rejected prestaties are echoed in a declaration answer");
        }
    }
}
