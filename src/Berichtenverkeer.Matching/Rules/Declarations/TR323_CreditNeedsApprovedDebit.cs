using Berichtenverkeer.Matching.Engine;

namespace Berichtenverkeer.Matching.Rules.Declarations;

public sealed class TR323_CreditNeedsApprovedDebit : PrestatieRule
{
    public override string Code => "TR323";

    public override string Retourcode => "8017";

    public override string Description => "A credit's VorigReferentieNummer is the ReferentieNummer of an earlier approved debit.";

    public override bool AppliesToCredit => true;

    public override bool AppliesToDebit => false;

    protected override bool Holds(DeclaredPrestatie subject, MatchContext context) =>
        subject.Prestatie.VorigReferentieNummer is { } vorig
        && context.PrestatiesWithReferentie(vorig).Any(p => p is { IsCredit: false, Approved: true });
}
