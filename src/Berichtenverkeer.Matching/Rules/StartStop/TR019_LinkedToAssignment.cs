using Berichtenverkeer.Ijw.Catalog;
using Berichtenverkeer.Ijw.Model;
using Berichtenverkeer.Matching.Engine;
using static Berichtenverkeer.Ijw.Catalog.MessageTypes;

namespace Berichtenverkeer.Matching.Rules.StartStop;

/// <remarks>
/// An empty ToewijzingNummer is only right for the task-based variant, which has no client-level assignment
/// ([DERIVED]). The contract table does not say the variant, so we infer it: without a number the delivery is
/// accepted only when this client has no assignment of this municipality with this provider for the product.
/// </remarks>
public sealed class TR019_LinkedToAssignment : MatchingRule<RegieProduct>
{
    public override string Code => "TR019";

    public override string Retourcode => "9019";

    public override string Description =>
        "The start/stop is linked via ToewijzingNummer to an assignment of this municipality for this client and provider.";

    public override IReadOnlyList<MessageType> Messages => [JW305, JW307];

    public override bool Passes(RegieProduct subject, MatchContext context)
    {
        if (subject.IsDelete)
        {
            return true;
        }

        var bsn = Regie.Bsn(context);
        if (subject.ToewijzingNummer is { } number)
        {
            // A deleted assignment counts as never sent (rules.md §0): nothing can be linked to it.
            return context.Assignment(number) is { } assignment && assignment.Bsn == bsn && !assignment.IsDeleted;
        }

        return !context.CurrentAssignments(bsn).Any(a => ProductConflict.SameProduct(a.Product, subject.Product));
    }
}
