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

    public override IEnumerable<Violation> Check(IjwMessage message) =>
        MessageParts.Prestaties(message)
            .Where(p => !p.IsCredit)
            .GroupBy(p => (p.ToewijzingNummer, p.ProductCategorie, p.ProductCode, p.ProductPeriode))
            .SelectMany(g => g.Skip(1))
            .Select(p => At(p.Path, "A second debit for the same assignment, product and period in one declaration"));
}
