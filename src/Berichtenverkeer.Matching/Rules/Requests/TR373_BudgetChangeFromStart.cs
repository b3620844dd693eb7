using Berichtenverkeer.Ijw.Catalog;
using Berichtenverkeer.Ijw.Model;
using Berichtenverkeer.Matching.Engine;
using static Berichtenverkeer.Ijw.Catalog.MessageTypes;

namespace Berichtenverkeer.Matching.Rules.Requests;

public sealed class TR373_BudgetChangeFromStart : MatchingRule<TeWijzigenProduct>
{
    public override string Code => "TR373";

    public override string Retourcode => "9373";

    public override string Description =>
        "A changed Budget, or a changed total volume (Frequentie 6), is requested from the assignment's own Ingangsdatum.";

    public override IReadOnlyList<MessageType> Messages => [JW317];

    public override bool Passes(TeWijzigenProduct subject, MatchContext context)
    {
        if (context.Assignment(subject.ToewijzingNummer) is not { } a)
        {
            return true;
        }

        var budgetChanged = subject.Budget is not null && subject.Budget != a.Budget;
        var totalChanged = a.Omvang is { Frequentie: Frequentie.Totaal } o && subject.Omvang is { } n && n.Volume != o.Volume;
        return !(budgetChanged || totalChanged) || subject.GewensteIngangsdatum == a.Ingangsdatum;
    }
}
