using Berichtenverkeer.Matching.Engine;
using Berichtenverkeer.Matching.State;

namespace Berichtenverkeer.Matching.Rules.Declarations;

public sealed class TR308_EndInAssignment : AssignmentPrestatieRule
{
    public override string Code => "TR308";

    public override string Retourcode => "9308";

    public override string Description => "ProductPeriode/Einddatum is on or before the assignment's Einddatum, if it has one.";

    protected override bool Holds(DeclaredPrestatie subject, AssignmentRecord assignment, MatchContext context) =>
        assignment.Einddatum is null || subject.Prestatie.ProductPeriode.Einddatum <= assignment.Einddatum;
}
