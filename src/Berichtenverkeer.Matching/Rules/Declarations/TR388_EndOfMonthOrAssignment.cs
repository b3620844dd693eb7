using Berichtenverkeer.Matching.Engine;
using Berichtenverkeer.Matching.State;

namespace Berichtenverkeer.Matching.Rules.Declarations;

public sealed class TR388_EndOfMonthOrAssignment : AssignmentPrestatieRule
{
    public override string Code => "TR388";

    public override string Retourcode => "9388";

    public override string Description => "ProductPeriode/Einddatum = min(last day of its month, the assignment's Einddatum) (IV089).";

    protected override bool Holds(DeclaredPrestatie subject, AssignmentRecord assignment, MatchContext context)
    {
        var end = subject.Prestatie.ProductPeriode.Einddatum;
        var last = new DateOnly(end.Year, end.Month, DateTime.DaysInMonth(end.Year, end.Month));
        return end == (assignment.Einddatum < last ? assignment.Einddatum.Value : last);
    }
}
