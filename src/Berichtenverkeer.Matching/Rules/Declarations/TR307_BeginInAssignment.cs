using Berichtenverkeer.Matching.Engine;
using Berichtenverkeer.Matching.State;

namespace Berichtenverkeer.Matching.Rules.Declarations;

public sealed class TR307_BeginInAssignment : AssignmentPrestatieRule
{
    public override string Code => "TR307";

    public override string Retourcode => "9307";

    public override string Description => "ProductPeriode/Begindatum is on or after the assignment's Ingangsdatum.";

    protected override bool Holds(DeclaredPrestatie subject, AssignmentRecord assignment, MatchContext context) =>
        subject.Prestatie.ProductPeriode.Begindatum >= assignment.Ingangsdatum;
}
