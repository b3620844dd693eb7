using Berichtenverkeer.Matching.Engine;
using Berichtenverkeer.Matching.State;

namespace Berichtenverkeer.Matching.Rules.Declarations;

public sealed class TR387_BeginOfMonthOrAssignment : AssignmentPrestatieRule
{
    public override string Code => "TR387";

    public override string Retourcode => "9387";

    public override string Description => "ProductPeriode/Begindatum = max(first day of its month, the assignment's Ingangsdatum) (IV089).";

    protected override bool Holds(DeclaredPrestatie subject, AssignmentRecord assignment, MatchContext context)
    {
        var begin = subject.Prestatie.ProductPeriode.Begindatum;
        var first = new DateOnly(begin.Year, begin.Month, 1);
        return begin == (assignment.Ingangsdatum > first ? assignment.Ingangsdatum : first);
    }
}
