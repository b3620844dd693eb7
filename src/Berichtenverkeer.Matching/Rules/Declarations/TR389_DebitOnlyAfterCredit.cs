using Berichtenverkeer.Matching.Engine;

namespace Berichtenverkeer.Matching.Rules.Declarations;

public sealed class TR389_DebitOnlyAfterCredit : PrestatieRule
{
    public override string Code => "TR389";

    public override string Retourcode => "9389";

    public override string Description =>
        "A debit for the same ToewijzingNummer, product and ProductPeriode only after every earlier approved debit was credited.";

    protected override bool Holds(DeclaredPrestatie subject, MatchContext context)
    {
        var p = subject.Prestatie;
        return !context.StandingDebits(p.ToewijzingNummer).Any(d =>
            d.ProductCategorie == p.ProductCategorie && d.ProductCode == p.ProductCode && d.ProductPeriode == p.ProductPeriode);
    }
}
