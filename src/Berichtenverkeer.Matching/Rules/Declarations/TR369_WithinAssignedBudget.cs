using Berichtenverkeer.Matching.Engine;
using Berichtenverkeer.Matching.State;

namespace Berichtenverkeer.Matching.Rules.Declarations;

/// <remarks>
/// [UNSURE] The text compares Σ GeleverdVolume with a budget in cents; by default we compare amounts
/// (Σ IngediendBedrag ≤ Budget), configurable through <see cref="MatchingOptions.BudgetComparison"/>.
/// </remarks>
public sealed class TR369_WithinAssignedBudget : AssignmentPrestatieRule
{
    public override string Code => "TR369";

    public override string Retourcode => "9369";

    public override string Description => "On an assignment with a Budget, the approved, not-credited prestaties fit within it.";

    protected override bool Holds(DeclaredPrestatie subject, AssignmentRecord assignment, MatchContext context)
    {
        if (assignment.Budget is not { } budget)
        {
            return true;
        }

        var standing = context.StandingDebits(subject.Prestatie.ToewijzingNummer);
        return context.Options.BudgetComparison == BudgetComparison.Volume
            ? standing.Sum(d => d.GeleverdVolume) + subject.Prestatie.GeleverdVolume <= budget
            : standing.Sum(d => d.Bedrag) + subject.Prestatie.IngediendBedrag.Waarde <= budget;
    }
}
