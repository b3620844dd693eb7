using Berichtenverkeer.Ijw.Catalog;
using Berichtenverkeer.Ijw.Model;
using static Berichtenverkeer.Ijw.Catalog.MessageTypes;

namespace Berichtenverkeer.Validation.Rules.Declarations;

public sealed class CS340_DeclaratiePeriodeIsOneMonth : InMessageRule
{
    public override string Code => "CS340";

    public override string Description => "DeclaratiePeriode is exactly one whole calendar month.";

    public override IReadOnlyList<MessageType> Messages => [JW323];

    public override IEnumerable<Violation> Check(IjwMessage message)
    {
        if (message is not Jw323Message m)
        {
            return [];
        }

        var (begin, end) = (m.Declaratie.DeclaratiePeriode.Begindatum, m.Declaratie.DeclaratiePeriode.Einddatum);
        var wholeMonth = begin.Day == 1 && end == begin.AddMonths(1).AddDays(-1);
        return wholeMonth ? [] : [At(m.Declaratie, "DeclaratiePeriode", "DeclaratiePeriode must run from the first to the last day of one calendar month")];
    }
}
