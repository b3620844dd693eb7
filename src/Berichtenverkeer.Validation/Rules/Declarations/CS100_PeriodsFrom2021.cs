using Berichtenverkeer.Ijw.Catalog;
using Berichtenverkeer.Ijw.Model;
using static Berichtenverkeer.Ijw.Catalog.MessageTypes;

namespace Berichtenverkeer.Validation.Rules.Declarations;

public sealed class CS100_PeriodsFrom2021 : InMessageRule
{
    private static readonly DateOnly First = new(2021, 1, 1);

    public override string Code => "CS100";

    public override string Description => "DeclaratiePeriode and ProductPeriode dates are on or after 2021-01-01.";

    public override IReadOnlyList<MessageType> Messages => [JW323];

    public override IEnumerable<Violation> Check(IjwMessage message)
    {
        if (message is not Jw323Message m)
        {
            yield break;
        }

        if (m.Declaratie.DeclaratiePeriode.Begindatum < First)
        {
            yield return At(m.Declaratie, "DeclaratiePeriode", "DeclaratiePeriode lies before 2021-01-01");
        }

        foreach (var p in m.Declaratie.Prestaties.Where(p => p.ProductPeriode.Begindatum < First))
        {
            yield return At(p, "ProductPeriode", "ProductPeriode lies before 2021-01-01");
        }
    }
}
