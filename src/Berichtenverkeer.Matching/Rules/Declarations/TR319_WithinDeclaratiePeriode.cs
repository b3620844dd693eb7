using Berichtenverkeer.Matching.Engine;

namespace Berichtenverkeer.Matching.Rules.Declarations;

public sealed class TR319_WithinDeclaratiePeriode : PrestatieRule
{
    public override string Code => "TR319";

    public override string Retourcode => "9319";

    public override string Description => "The ProductPeriode falls within the current or an earlier DeclaratiePeriode.";

    protected override bool Holds(DeclaredPrestatie subject, MatchContext context) =>
        subject.Prestatie.ProductPeriode.Einddatum <= subject.Declaratie.DeclaratiePeriode.Einddatum;
}
