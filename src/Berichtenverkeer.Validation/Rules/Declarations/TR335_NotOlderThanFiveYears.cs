using Berichtenverkeer.Ijw.Catalog;
using Berichtenverkeer.Ijw.Model;
using static Berichtenverkeer.Ijw.Catalog.MessageTypes;

namespace Berichtenverkeer.Validation.Rules.Declarations;

public sealed class TR335_NotOlderThanFiveYears : InMessageRule
{
    public override string Code => "TR335";

    public override string Description => "ProductPeriode/Einddatum is not more than 5 years before DeclaratieDagtekening.";

    public override IReadOnlyList<MessageType> Messages => [JW323];

    public override IEnumerable<Violation> Check(IjwMessage message)
    {
        if (message is not Jw323Message m)
        {
            return [];
        }

        var earliest = m.Declaratie.DeclaratieDagtekening.AddYears(-5);
        return m.Declaratie.Prestaties
            .Where(p => p.ProductPeriode.Einddatum < earliest)
            .Select(p => At(p, "ProductPeriode/Einddatum", "Care more than five years before the declaration date cannot be declared"));
    }
}
