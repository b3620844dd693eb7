using Berichtenverkeer.Ijw.Catalog;
using Berichtenverkeer.Ijw.Model;
using static Berichtenverkeer.Ijw.Catalog.MessageTypes;

namespace Berichtenverkeer.Validation.Rules.Declarations;

public sealed class TR416_OneDebitPerProductPeriod : InMessageRule
{
    public override string Code => "TR416";

    public override string Description =>
        "At most one debit prestatie per ToewijzingNummer + ProductCategorie + ProductCode + ProductPeriode in a message.";

    public override IReadOnlyList<MessageType> Messages => [JW323];

    public override IEnumerable<Violation> Check(IjwMessage message)
    {
        var debits = MessageParts.Prestaties(message).Where(p => !p.IsCredit).ToList();

        // A clean message has no repeat: a set proves that without GroupBy's lookup of 1,000 one-element groups.
        var seen = new HashSet<(long, string, string, GeslotenPeriode)>(debits.Count);
        if (debits.TrueForAll(p => seen.Add(Key(p))))
        {
            return [];
        }

        return debits
            .GroupBy(Key)
            .SelectMany(g => g.Skip(1))
            .Select(p => At(p.Path, "A second debit for the same assignment, product and period in one declaration"));
    }

    private static (long, string, string, GeslotenPeriode) Key(Prestatie p) =>
        (p.ToewijzingNummer, p.ProductCategorie, p.ProductCode, p.ProductPeriode);
}
